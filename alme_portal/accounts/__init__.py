"""Customer and staff accounts: sign-up, log-in sessions, one-time links."""
