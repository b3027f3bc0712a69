"""Database work on returns: functions that take a session."""
