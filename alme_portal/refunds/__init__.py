"""Refunds: the Atelier's inspection, the refund engine, credit notes and gift cards."""
