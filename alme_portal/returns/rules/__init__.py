"""Return and exchange rules in plain Python (R1-R7, E1-E8)."""
