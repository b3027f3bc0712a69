"""The refunds' tables: refunds, stored values, inspections and the staff log."""
