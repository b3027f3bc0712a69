"""View builders: turn service data into the texts a page shows (plain Python, no Reflex)."""
