"""The orders' tables: orders and their lines, payments, shipments, the catalogue, the feed."""
