"""Benchmarks of the portal (run with `python -m bench.<name>`; not part of the test suite)."""
