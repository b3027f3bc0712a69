"""Editorial content of the portal (help topics) and its search, in plain Python."""
