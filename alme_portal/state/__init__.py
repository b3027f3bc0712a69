"""Reflex states: thin layers that check input, call services and expose view data."""
