"""Order rules in plain Python: delivery (O3-O5, O7, O9) and codes (O11, L5, F3)."""
