"""Database work on orders: functions that take a session."""
