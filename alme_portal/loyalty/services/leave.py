"""Rule L10: leaving Almé Lovers, after an explicit confirmation, is final.

Her loves are cancelled by ledger entries (the ledger stays append-only), her unused vouchers
are cancelled, and from that day she earns nothing more: orders, missions, claims and
rewards are refused. Her account, orders and returns stay.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, select

from alme_portal.loyalty import rules as loyalty
from alme_portal.loyalty.models import LoyaltyVoucher
from alme_portal.loyalty.services.ledger import Loves, append, ledger, locked_member
from alme_portal.platform import clock
from alme_portal.platform.outcome import Outcome


def leave_program(session: Session, customer_id: int, *, confirmed: Any) -> Outcome:
    """Cancel every love and reward of hers and close her membership, for good.

    Args:
        session: a session that will write.
        customer_id: the member, as identified by her session.
        confirmed: True only when she ticked the explicit confirmation.

    Returns:
        Done with the loves cancelled, or invalid with "loyalty.leave.confirm" (not
        confirmed) or "loyalty.left" (already left); nothing changes when invalid.
    """
    member = locked_member(session, customer_id)
    if member is None or member.left_loyalty_on is not None:
        return Outcome.invalid("loyalty.left")
    if confirmed is not True:
        return Outcome.invalid("loyalty.leave.confirm")
    today = clock.today()
    cancelled = 0
    for entry in loyalty.leave_entries(ledger(session, member.id), today):
        append(session, member.id, entry)
        cancelled -= entry.loves
    unused = select(LoyaltyVoucher).where(
        LoyaltyVoucher.customer_id == member.id,
        LoyaltyVoucher.used_order_id.is_(None),
        LoyaltyVoucher.cancelled_on.is_(None),
        LoyaltyVoucher.last_day >= today,
    )
    for voucher in session.exec(unused):
        voucher.cancelled_on = today
    member.left_loyalty_on = today
    session.flush()
    return Outcome.done("loyalty.leave.done", Loves(cancelled))
