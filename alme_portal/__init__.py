"""Almé customer portal."""
