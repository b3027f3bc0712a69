"""Requests customers make about an order before it ships (rule O1)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from alme_portal.platform.db import UTCDateTime


class OrderChangeRequest(SQLModel, table=True):
    """A recorded wish to modify or cancel an order; recorded, never guaranteed (rule O1)."""

    __tablename__ = "order_change_request"
    __table_args__ = (
        sa.CheckConstraint("kind IN ('modify', 'cancel')", name="order_change_request_kind"),
    )

    id: int | None = Field(default=None, primary_key=True)
    order_id: int = Field(foreign_key="customer_order.id", index=True)
    kind: str = Field(max_length=8)
    details: str = Field(default="{}", max_length=2000)
    """JSON of what the customer wants (size, colour, address, relay point code)."""
    status: str = Field(default="recorded", max_length=16)
    created_at: datetime = Field(sa_type=UTCDateTime)
