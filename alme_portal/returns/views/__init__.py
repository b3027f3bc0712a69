"""What the return pages write, built from service data (plain Python)."""
