"""Blank Reflex app (the `reflex init` template plus a counter), the floor for benchmarks."""
