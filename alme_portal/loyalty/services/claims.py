"""Rule L9: loves claimed for an order placed logged out or under another e-mail.

The member proves the order is hers with its number and e-mail, through the same rate-limited
check as the guest lookup. A claimed order joins her account: it shows in "My account" and
counts for her status (L7), like the orders she places logged in.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, func, select

from alme_portal.accounts.models.accounts import EmailLink
from alme_portal.accounts.models.customers import Customer
from alme_portal.accounts.services import links as account_links
from alme_portal.loyalty import rules as loyalty
from alme_portal.loyalty.models import LovesEntry
from alme_portal.loyalty.services.ledger import Loves, append, locked_member
from alme_portal.orders.models.orders import Order
from alme_portal.orders.services import lookup as order_lookup
from alme_portal.platform import clock
from alme_portal.platform.outcome import Outcome, Status
from alme_portal.platform.vocabulary import LovesKind, OrderStatus
from alme_portal.refunds.models.refunds import Refund
from alme_portal.refunds.rules import refunds

CONFIRMATION_SENT = "loyalty.claim.confirm_sent"
"""The outcome of a claim that e-mailed the order's address a confirmation link."""


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
        Done with the loves (her own confirmed address), done (a link went to the
        order's address, whose owner confirms), or invalid with "loyalty.claim.not_found"
        (unknown order or wrong e-mail, alike), "loyalty.claim.rate_limited",
        "loyalty.claim.counted", "loyalty.claim.cancelled" (cancelled, back at the Atelier or
        refunded in full), "account.emails.rate_limited" or "loyalty.left"; nothing else
        changes when invalid.
    """
    member = locked_member(session, customer_id)
    if member is None or member.left_loyalty_on is not None:
        return Outcome.invalid("loyalty.left")
    found = order_lookup.find_order(session, order_number=order_number, email=email,
                                    client_address=client_address)  # fmt: skip
    if found.status == Status.RATE_LIMITED:
        return Outcome.rate_limited("loyalty.claim.rate_limited", found.retry_at)
    if not found.ok:
        return Outcome.invalid("loyalty.claim.not_found")
    order = session.get(Order, found.value)
    refusal = _refusal(session, member, order, email)
    if refusal:
        return Outcome.invalid(refusal)
    if member.email_verified and order.email == member.email:
        return count_claim(session, member.id, order.id)
    # Another address: its owner confirms by a link first (knowing an order's number and
    # e-mail, which a packing slip shows, is not owning it).
    if not account_links.send_claim_link(session, member, order):
        return Outcome.invalid("account.emails.rate_limited")
    return Outcome.done(CONFIRMATION_SENT, Loves(code=order.number))


def _refusal(session: Session, member: Customer, order: Order, email: Any) -> str | None:
    counted = order.customer_id not in (None, member.id) or _earned(session, order.number)
    nothing_left = _paid_after_refunds(session, order) <= 0
    stopped = order.status in (OrderStatus.CANCELLED, OrderStatus.RETURNED_TO_SENDER)
    return loyalty.claim_refusal(order_email=order.email, given_email=email, counted=counted,
                                 cancelled=stopped or nothing_left)  # fmt: skip


def _paid_after_refunds(session: Session, order: Order) -> int:
    """L4: what the order still cost her once refunds are taken off."""
    refunded = session.exec(select(func.coalesce(func.sum(Refund.amount_cents), 0)).where(
        Refund.order_id == order.id, Refund.kind.in_(refunds.MONEY_KINDS))).one()  # fmt: skip
    return order.total_cents - int(refunded)


def count_claim(session: Session, member_id: int, order_id: int) -> Outcome:
    """Credit a checked claim: the order's loves, pending until its own release day (L3, L9).

    The order joins her account (and her tier, L7). Refused as "counted" when the order
    earned its loves meanwhile, "cancelled" when nothing is left of it, "left" after L10.
    """
    member = locked_member(session, member_id)
    order = session.get(Order, order_id)
    if member is None or member.left_loyalty_on is not None or order is None:
        return Outcome.invalid("loyalty.left")
    refusal = _refusal(session, member, order, order.email)
    if refusal:
        return Outcome.invalid(refusal)
    placed_on = clock.in_paris(order.placed_at).date()
    paid = _paid_after_refunds(session, order)
    entry = loyalty.claim_entry(order.number, paid, placed_on, clock.today())
    try:
        with session.begin_nested():
            append(session, member.id, entry)
    except IntegrityError:  # claimed in another tab at the same moment
        return Outcome.invalid("loyalty.claim.counted")
    order.customer_id = member.id
    session.flush()
    return Outcome.done("loyalty.claim.done", Loves(entry.loves, order.number))


def open_claim_link(session: Session, member: Customer, link: EmailLink) -> Outcome[int]:
    """L9: the owner of the order's address opened the member's claim link: count it."""
    counted = count_claim(session, member.id, link.order_id)
    key = "account.confirm.claim" if counted.ok else counted.message_key
    return Outcome(counted.status, key, member.id)


def _earned(session: Session, order_number: str) -> bool:
    query = select(LovesEntry.id).where(
        LovesEntry.reference == order_number,
        LovesEntry.kind.in_((LovesKind.PURCHASE, LovesKind.CLAIM)),
    )
    return session.exec(query).first() is not None
