"""The codes of an order arriving from the shop, checked once and used once (O11, L5, R8).

The shop sends the order with its discount code and its gift-card or credit-note payments.
Codes the portal issued (loyalty vouchers, credit notes, gift cards) go through the one codes
check, then are used: the voucher is tied to the order, the credit note or gift card pays
its part. Codes only the shop knows (its coupons, older gift cards) pass untouched.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session, select

from alme_portal.accounts.models.customers import Customer
from alme_portal.loyalty.models import LoyaltyVoucher
from alme_portal.orders.models.orders import Order, OrderLine, Payment
from alme_portal.orders.rules import codes
from alme_portal.platform import clock
from alme_portal.referral import rules as referral
from alme_portal.referral.models import ReferralInvite
from alme_portal.refunds.models.refunds import StoredValue
from alme_portal.refunds.services import stored_values


def known_codes(session: Session, texts: list[str]) -> dict[str, codes.Code]:
    """The codes among `texts` that the portal issued, as the codes check sees them."""
    found: dict[str, codes.Code] = {}
    vouchers = session.exec(
        select(LoyaltyVoucher, Customer.email)
        .join(Customer, Customer.id == LoyaltyVoucher.customer_id)
        .where(LoyaltyVoucher.code.in_(texts))
    )
    for voucher, email in vouchers:
        used = voucher.used_order_id is not None or voucher.cancelled_on is not None
        found[voucher.code] = codes.Code(
            voucher.code,
            codes.LOYALTY_VOUCHER,
            voucher.last_day,
            valid_from=voucher.issued_on,
            used=used,
            owner_email=email,
        )
    for invite in session.exec(select(ReferralInvite).where(ReferralInvite.friend_code.in_(texts))):
        found[invite.friend_code] = codes.Code(
            invite.friend_code,
            codes.REFERRAL,
            invite.code_last_day,
            used=invite.status != referral.CODE_SENT,
            owner_email=invite.friend_email,
        )  # F3: hers only, once, 14 days
    for value in session.exec(select(StoredValue).where(StoredValue.code.in_(texts))):
        found[value.code] = codes.Code(
            value.code,
            value.kind,
            value.last_day,
            valid_from=value.issued_on,
            balance_cents=value.balance_cents,
        )
    return found


def use_order_codes(session: Session, order: Order) -> str | None:
    """Check and use the portal's codes of a new order.

    Returns:
        None when every code the portal knows is accepted and used, else the refusal
        ("<code>: <message key>"); the caller then refuses the whole order.
    """
    payments = session.exec(select(Payment).where(Payment.order_id == order.id)).all()
    paid_with = {
        p.gift_card_code or p.credit_note_code: p
        for p in payments
        if p.gift_card_code or p.credit_note_code
    }
    entered = [*([order.discount_code] if order.discount_code else []), *paid_with]
    known = known_codes(session, entered)
    if not known:
        return None
    lines = session.exec(select(OrderLine).where(OrderLine.order_id == order.id)).all()
    basket = codes.Basket(
        tuple((line.sku, line.unit_price_cents * line.quantity) for line in lines), order.email
    )
    today = clock.in_paris(order.placed_at).date()
    for text, refusal in codes.check_codes(entered, known, basket, today):
        if text in known and refusal:
            return f"{text}: {refusal}"
    for text, code in known.items():
        is_discount = code.kind in codes.DISCOUNTS
        if is_discount != (text == order.discount_code) or (
            not is_discount and text not in paid_with
        ):
            return f"{text}: codes.wrong_field"  # a voucher is a discount, a credit note pays
        if code.kind == codes.REFERRAL:
            continue  # marked used with the member's reward (services.referral)
        if code.kind == codes.LOYALTY_VOUCHER:  # once, even with two orders at the same moment
            used = session.execute(
                sa.update(LoyaltyVoucher)
                .where(
                    LoyaltyVoucher.code == text,
                    LoyaltyVoucher.used_order_id.is_(None),
                    LoyaltyVoucher.cancelled_on.is_(None),
                )
                .values(used_order_id=order.id)
            ).rowcount
            if used != 1:
                return f"{text}: codes.used"
            continue
        spent = stored_values.spend(session, text, paid_with[text].amount_cents, order_id=order.id)
        if spent.status != "spent":
            return f"{text}: {spent.message_key}"
    session.flush()
    return None
