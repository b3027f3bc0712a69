"""The Atelier's side of returns: inspections (R6, R7) and the action log."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from alme_portal.platform.db import UTCDateTime


class LineInspection(SQLModel, table=True):
    """The inspection of one returned line: accepted, or refused on R6 grounds."""

    __tablename__ = "line_inspection"
    __table_args__ = (
        sa.CheckConstraint("outcome IN ('accepted', 'refused')", name="line_inspection_outcome"),
    )

    id: int | None = Field(default=None, primary_key=True)
    return_line_id: int = Field(foreign_key="return_line.id", unique=True, index=True)
    outcome: str = Field(max_length=8)
    grounds: str = Field(default="", max_length=200)
    """R6 checklist keys found, comma-separated (empty when accepted)."""
    supplier_defect: bool = False
    """R7: a defect reported within 48 h of receipt, isolated for the supplier."""
    staff_id: int = Field(foreign_key="staff_user.id")
    inspected_at: datetime = Field(sa_type=UTCDateTime)


class StaffAction(SQLModel, table=True):
    """Who did what to which return, and when (every console action is logged)."""

    __tablename__ = "staff_action"

    id: int | None = Field(default=None, primary_key=True)
    staff_id: int = Field(foreign_key="staff_user.id", index=True)
    action: str = Field(max_length=24)
    return_id: int | None = Field(default=None, foreign_key="return_request.id", index=True)
    detail: str = Field(default="", max_length=400)
    at: datetime = Field(sa_type=UTCDateTime, index=True)
