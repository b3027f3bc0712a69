"""Almé Lovers: the loves ledger, missions, rewards, tiers, claims and leaving (L1-L11)."""
