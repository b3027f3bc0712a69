"""Database work on the loves ledger: functions that take a session."""
