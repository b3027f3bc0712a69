"""Business rules of the portal in plain Python (no Reflex, no database)."""
