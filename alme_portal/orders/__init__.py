"""Orders: the shop's feed, guest lookup, changes before dispatch, codes, exchange orders."""
