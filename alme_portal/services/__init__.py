"""Database work of the portal: functions that take a session (no Reflex import here)."""
