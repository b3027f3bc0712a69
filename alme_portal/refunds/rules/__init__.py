"""Refund and inspection rules in plain Python (R5-R12, L6)."""
