"""The demo members' Almé Lovers life: orders, a salon visit, a mission, vouchers (L1-L5)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlmodel import Session, select

from alme_portal.accounts.models.customers import Customer
from alme_portal.loyalty import rules as loyalty
from alme_portal.loyalty.models import LovesEntry, LoyaltyVoucher
from alme_portal.loyalty.services.ledger import ledger_row
from alme_portal.orders.models.orders import Order
from alme_portal.platform import clock
from alme_portal.platform.vocabulary import LovesKind, OrderStatus

SALON_PURCHASES = (("camille.moreau@example.fr", "SALON-MARAIS-0412", 12_000, 260),)
"""(member, receipt, cents paid, days before the load day): L1, loves earned in a salon."""
MISSIONS = (("camille.moreau@example.fr", "instagram", 300),)
"""(member, mission, days before the load day) already completed."""
VOUCHERS = (
    ("camille.moreau@example.fr", 1_000, 200, "LOVE-DEMO2OLD"),
    ("camille.moreau@example.fr", 500, 20, "LOVE-DEMO3NEW"),
)
"""(member, loves spent, days before the load day, code): one expired, one still valid."""


def _entry(customer_id: int, entry: loyalty.Entry) -> LovesEntry:
    noon = datetime.combine(entry.recorded_on, time(12, 0), clock.PARIS)
    return ledger_row(customer_id, entry, clock.as_utc(noon))


def add_demo_loyalty(session: Session, today: date) -> None:
    """Add the ledger rows and vouchers of the demo members (the caller commits)."""
    members = {c.email: c.id for c in session.exec(select(Customer))}
    orders = session.exec(
        select(Order).where(
            Order.customer_id.is_not(None),
            Order.placed_logged_in,
            Order.status != OrderStatus.CANCELLED,
        )
    )
    for order in orders:
        placed_on = clock.in_paris(order.placed_at).date()
        entry = loyalty.purchase_entry(order.number, order.total_cents, placed_on)
        session.add(_entry(order.customer_id, entry))
    for email, receipt, cents, days in SALON_PURCHASES:
        entry = loyalty.purchase_entry(receipt, cents, today - timedelta(days=days))
        session.add(_entry(members[email], entry))
    for email, key, days in MISSIONS:
        day = today - timedelta(days=days)
        session.add(_entry(members[email], loyalty.mission_entry(key, [], day)))
    for email, loves, days, code in VOUCHERS:
        day = today - timedelta(days=days)
        session.add(_entry(members[email], loyalty.Entry(LovesKind.REDEMPTION, -loves, day, day,
                                                         code)))  # fmt: skip
        voucher = LoyaltyVoucher(customer_id=members[email], code=code, loves_spent=loves,
                                 amount_cents=loyalty.reward_for(loves), issued_on=day,
                                 last_day=loyalty.voucher_last_day(day))  # fmt: skip
        session.add(voucher)
    session.flush()
