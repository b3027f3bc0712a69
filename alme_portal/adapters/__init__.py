"""Everything that talks to the outside world (carriers; e-mail and payments to come)."""
