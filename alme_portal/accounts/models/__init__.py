"""The accounts' tables: customers, staff, sessions and one-time links."""
