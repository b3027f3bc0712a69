"""Reusable layout pieces: functions that return components."""
