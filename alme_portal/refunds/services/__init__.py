"""Database work on refunds: functions that take a session."""
