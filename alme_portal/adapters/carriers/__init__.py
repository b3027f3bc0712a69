"""Carrier adapters: La Poste Suivi v2 and Mondial Relay tracking, relay search (O4, O6, O7).

Plain Python on `httpx`; no Reflex and no database here.
"""
