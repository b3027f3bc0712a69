"""Database work on referrals: functions that take a session."""
