"""Database work on accounts: functions that take a session."""
