"""Rule L9: loves claimed for an order placed logged out or under another e-mail.

The member proves the order is hers with its number and e-mail, through the same rate-limited
check as the guest lookup. A claimed order joins her account: it shows in "My account" and
counts for her status (L7), like the orders she places logged in.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from alme_portal import clock
from alme_portal.models import LovesEntry, Order
from alme_portal.models.vocabulary import OrderStatus
from alme_portal.rules import loyalty
from alme_portal.services import order_lookup
from alme_portal.services.loyalty import Outcome, append, locked_member


def claim_loves(
    session: Session, customer_id: int, *, order_number: Any, email: Any, client_address: str
) -> Outcome:
    """Count an order's loves for her once she shows its number and e-mail (rule L9).

    Args:
        session: a session that will write.
        customer_id: the member, as identified by her session.
        order_number: as typed.
        email: the e-mail the order was placed with, as typed.
        client_address: her address, for the lookup's rate limit.

    Returns:
        "claimed" with the loves, or "invalid" with "loyalty.claim.not_found" (unknown order or
        wrong e-mail, alike), "loyalty.claim.rate_limited", "loyalty.claim.counted",
        "loyalty.claim.cancelled" or "loyalty.left"; nothing else changes when invalid.
    """
    member = locked_member(session, customer_id)
    if member is None or member.left_loyalty_on is not None:
        return Outcome("invalid", "loyalty.left")
    found = order_lookup.find_order(session, order_number=order_number, email=email,
                                    client_address=client_address)  # fmt: skip
    if found.status == "rate_limited":
        return Outcome("invalid", "loyalty.claim.rate_limited")
    if found.status != "found":
        return Outcome("invalid", "loyalty.claim.not_found")
    order = session.get(Order, found.order_id)
    counted = order.customer_id not in (None, member.id) or _earned(session, order.number)
    refusal = loyalty.claim_refusal(order_email=order.email, given_email=email, counted=counted,
                                    cancelled=order.status == OrderStatus.CANCELLED)  # fmt: skip
    if refusal:
        return Outcome("invalid", refusal)
    placed_on = clock.in_paris(order.placed_at).date()
    entry = loyalty.claim_entry(order.number, order.total_cents, placed_on, clock.today())
    try:
        with session.begin_nested():
            append(session, member.id, entry)
    except IntegrityError:  # claimed in another tab at the same moment
        return Outcome("invalid", "loyalty.claim.counted")
    order.customer_id = member.id
    session.flush()
    return Outcome("claimed", "loyalty.claim.done", code=order.number, loves=entry.loves)


def _earned(session: Session, order_number: str) -> bool:
    query = select(LovesEntry.id).where(
        LovesEntry.reference == order_number,
        LovesEntry.kind.in_((loyalty.PURCHASE, loyalty.CLAIM)),
    )
    return session.exec(query).first() is not None
