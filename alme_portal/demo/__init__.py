"""The demo data set: its definitions as plain data and the loader that writes them."""
