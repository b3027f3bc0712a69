"""Refunds paid by the providers, from `pending` to `succeeded` or `failed` (R8, R11, R12).

A settled return's moves against a card, a PayPal account or an Alma plan become one
`RefundSettlement` per payment (`open_settlements`, in the settling transaction). The worker
sends each (`send_due`): `_claim` marks it `sent` in its own committed transaction, *before* the
provider is called, and the call carries the settlement's idempotency key. If the process dies
after the provider took the refund and before its answer is stored, the settlement is still
`sent`; once its claim lapses the next caller sends the same key, and Stripe or PayPal answers
with the refund already made (Alma: its payment is read first for a refund with that key). No
refund is ever made twice, none is lost.

A provider that cannot be reached is asked again after `PAYMENT_RETRY_MINUTES`; after
`PAYMENT_MAX_ATTEMPTS` the settlement is `failed`, like one the provider refused, and the Atelier
decides: `retry`, or `credit_note_instead`. Webhooks (`on_provider_answer`) settle refunds the
provider first called pending. Every change is a `SettlementEvent`; every terminal change is a
conditional update, so the customer's e-mail goes once whoever gets there first.
"""

from __future__ import annotations

import logging
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from alme_portal.adapters.payments.common import (
    FAILED,
    PENDING,
    SUCCEEDED,
    ProviderUnavailable,
    RefundAnswer,
    RefundRefused,
)
from alme_portal.adapters.payments.providers import ALMA, PAYPAL, PROVIDER_OF_METHOD, Providers
from alme_portal.orders.models.orders import Order, Payment
from alme_portal.platform import clock, db, settings
from alme_portal.platform.outcome import Outcome
from alme_portal.platform.vocabulary import RefundKind, StoredValueKind
from alme_portal.refunds.models.refunds import Refund
from alme_portal.refunds.models.settlements import RefundSettlement, SettlementEvent
from alme_portal.refunds.services import settlement_emails, stored_values
from alme_portal.returns.models import ReturnRequest

log = logging.getLogger(__name__)

SENT, CREDIT_NOTE = "sent", "credit_note"
UNREACHABLE = "unreachable: "
"""How `last_error` starts when the provider never answered (it may hold the refund)."""
OPEN_STATES = (PENDING, SENT)
PROVIDER_KINDS = (
    RefundKind.CREDIT_BACK,
    RefundKind.NOT_CHARGED,
    RefundKind.INSTALMENT_REDUCED,
    RefundKind.POSTAGE,
)
"""Moves a provider carries out when they touch its payment."""


def record(
    session: Session,
    settlement: RefundSettlement,
    state: str,
    detail: str = "",
    staff_id: int | None = None,
) -> None:
    """Log one change of a settlement (shown in the Atelier console)."""
    session.add(
        SettlementEvent(
            settlement_id=settlement.id,
            state=state,
            detail=detail[:300],
            staff_id=staff_id,
            at=clock.now(),
        )
    )


def open_settlements(session: Session, rows: list[Refund]) -> list[RefundSettlement]:
    """One pending provider refund per payment the refund rows give money back to.

    All moves against one payment (instalments lowered, money back on the paid ones, postage)
    are one call of their sum: the provider allocates it (`docs/payments.md`).
    """
    payments = {
        p.id: p
        for p in session.exec(
            select(Payment).where(Payment.id.in_({r.payment_id for r in rows if r.payment_id}))
        )
    }
    by_payment: dict[int, list[Refund]] = defaultdict(list)
    for row in rows:
        payment = payments.get(row.payment_id)
        if payment and row.kind in PROVIDER_KINDS and payment.method in PROVIDER_OF_METHOD:
            by_payment[payment.id].append(row)
    now, opened = clock.now(), []
    for payment_id, moves in by_payment.items():
        payment = payments[payment_id]
        settlement = RefundSettlement(
            order_id=payment.order_id,
            return_id=moves[0].return_id,
            payment_id=payment_id,
            provider=PROVIDER_OF_METHOD[payment.method],
            amount_cents=sum(row.amount_cents for row in moves),
            idempotency_key=f"alme-refund-{uuid.uuid4()}",
            next_attempt_at=now,
            created_at=now,
        )
        session.add(settlement)
        session.flush()
        for row in moves:
            row.settlement_id = settlement.id
        record(session, settlement, PENDING)
        opened.append(settlement)
    return opened


@dataclass(frozen=True)
class _Claim:
    """What a caller holding a settlement needs for the provider, read before the call."""

    id: int
    provider: str
    reference: str | None
    amount_cents: int
    key: str
    attempts: int
    provider_refund_id: str | None
    order_number: str
    return_number: str | None


def send_due(providers: Providers, limit: int = 20) -> Counter:
    """Send every settlement whose next attempt is due (the worker's job).

    Returns:
        How many ended succeeded, pending (at the provider), retry or failed this time.
    """
    now = clock.now()
    with db.session_scope() as session:
        due = list(
            session.exec(
                select(RefundSettlement.id)
                .where(
                    RefundSettlement.state.in_(OPEN_STATES), RefundSettlement.next_attempt_at <= now
                )
                .order_by(RefundSettlement.next_attempt_at)
                .limit(limit)
            )
        )
    counts: Counter = Counter()
    for settlement_id in due:
        outcome = attempt(providers, settlement_id)
        if outcome:
            counts[outcome] += 1
    return counts


def attempt(providers: Providers, settlement_id: int) -> str | None:
    """Claim one settlement, call its provider outside any transaction, store the answer.

    Returns:
        "succeeded", "pending", "retry" or "failed"; None if another caller holds it.
    """
    with db.session_scope(write=True) as session:
        claim = _claim(session, settlement_id)
    if claim is None:
        return None
    try:
        answer = _call(providers, claim)
    except ProviderUnavailable as error:
        with db.session_scope(write=True) as session:
            return _retry_later(session, claim, str(error))
    except RefundRefused as error:
        answer = RefundAnswer(FAILED, claim.provider_refund_id, str(error))
    with db.session_scope(write=True) as session:
        return apply_answer(session, claim.id, answer)


def _claim(session: Session, settlement_id: int) -> _Claim | None:
    now = clock.now()
    taken = session.execute(
        sa.update(RefundSettlement)
        .where(
            RefundSettlement.id == settlement_id,
            RefundSettlement.state.in_(OPEN_STATES),
            RefundSettlement.next_attempt_at <= now,
        )
        .values(
            state=SENT,
            attempts=RefundSettlement.attempts + 1,
            next_attempt_at=now + timedelta(seconds=settings.PAYMENT_CLAIM_SECONDS),
        )
    )
    if taken.rowcount != 1:
        return None
    settlement = session.get(RefundSettlement, settlement_id)
    session.refresh(settlement)
    payment = session.get(Payment, settlement.payment_id)
    order = session.get(Order, settlement.order_id)
    request = session.get(ReturnRequest, settlement.return_id) if settlement.return_id else None
    number = request.number if request else None
    record(session, settlement, SENT, f"attempt {settlement.attempts}")
    return _Claim(
        settlement.id,
        settlement.provider,
        payment.provider_reference,
        settlement.amount_cents,
        settlement.idempotency_key,
        settlement.attempts,
        settlement.provider_refund_id,
        order.number,
        number,
    )


def _call(providers: Providers, claim: _Claim) -> RefundAnswer:
    """Ask the provider: the state of a refund it holds, else the refund (same key each time)."""
    if not claim.reference:
        raise RefundRefused("the payment has no provider reference")
    if claim.provider == ALMA:
        found = claim.attempts > 1 and providers.alma.find_refund(claim.reference, claim.key)
        if found:
            return found
        comment = f"Return {claim.return_number or claim.order_number}"
        return providers.alma.refund(claim.reference, claim.amount_cents, claim.key, comment)
    if claim.provider == PAYPAL:
        if claim.provider_refund_id:
            return providers.paypal.refund_status(claim.provider_refund_id)
        note = f"Refund of your return {claim.return_number or claim.order_number}"
        return providers.paypal.refund(
            claim.reference, claim.amount_cents, claim.key, claim.key, note
        )
    if claim.provider_refund_id:
        return providers.stripe.refund_status(claim.provider_refund_id)
    metadata = {"settlement": str(claim.id), "order": claim.order_number}
    return providers.stripe.refund(claim.reference, claim.amount_cents, claim.key, metadata)


def _retry_later(session: Session, claim: _Claim, error: str) -> str | None:
    settlement = session.get(RefundSettlement, claim.id)
    if settlement.state != SENT:  # a webhook settled it while the call timed out
        return None
    settlement.last_error = f"{UNREACHABLE}{error}"[:300]
    if claim.attempts >= settings.PAYMENT_MAX_ATTEMPTS:
        return _finish(session, settlement, FAILED, error)
    waits = settings.PAYMENT_RETRY_MINUTES
    wait = timedelta(minutes=waits[min(claim.attempts, len(waits)) - 1])
    # Still `sent` when the provider may have it (a time-out): the same key goes again.
    settlement.state = PENDING if settlement.provider_refund_id is None else SENT
    settlement.next_attempt_at = clock.now() + wait
    record(session, settlement, "retry", error)
    log.warning("refund settlement %s: %s, next try in %s", claim.id, error, wait)
    return "retry"


def apply_answer(session: Session, settlement_id: int, answer: RefundAnswer) -> str | None:
    """Store what a provider said about a settlement (a call's answer or a webhook).

    Returns:
        The settlement's outcome ("succeeded", "pending", "failed"), or None when it was
        already settled (a webhook after the call's answer, a duplicate delivery).
    """
    settlement = session.get(RefundSettlement, settlement_id)
    if settlement is None or settlement.state not in OPEN_STATES:
        return None
    if answer.refund_id:
        settlement.provider_refund_id = answer.refund_id
    if answer.state == PENDING:
        settlement.sent_at = settlement.sent_at or clock.now()
        settlement.state = SENT
        settlement.next_attempt_at = clock.now() + timedelta(
            minutes=settings.PAYMENT_PENDING_CHECK_MINUTES
        )
        record(session, settlement, PENDING, answer.detail or "at the provider")
        return PENDING
    if answer.state == SUCCEEDED:
        settlement.sent_at = settlement.sent_at or clock.now()
    settlement.last_error = answer.detail[:300] if answer.state == FAILED else None
    return _finish(session, settlement, answer.state, answer.detail)


def _finish(session: Session, settlement: RefundSettlement, state: str, detail: str) -> str | None:
    """Move a settlement to `state` once: only the caller whose update lands e-mails her."""
    session.flush()
    moved = session.execute(
        sa.update(RefundSettlement)
        .where(RefundSettlement.id == settlement.id, RefundSettlement.state.in_(OPEN_STATES))
        .values(state=state, settled_at=clock.now())
    )
    if moved.rowcount != 1:
        return None
    session.refresh(settlement)
    record(session, settlement, state, detail)
    if state == SUCCEEDED:
        settlement_emails.record_refund_paid(session, settlement)
    return state


def settlement_by_provider_ref(
    session: Session, provider: str, refund_id: str | None, key: str | None = None
) -> RefundSettlement | None:
    """The settlement a provider's event is about: by its refund id, else its idempotency key."""
    query = select(RefundSettlement).where(RefundSettlement.provider == provider)
    if refund_id:
        found = session.exec(query.where(RefundSettlement.provider_refund_id == refund_id)).first()
        if found:
            return found
    if key:
        return session.exec(query.where(RefundSettlement.idempotency_key == key)).first()
    return None


def _failed(session: Session, settlement_id: object) -> RefundSettlement | None:
    if not isinstance(settlement_id, int) or isinstance(settlement_id, bool):
        return None
    settlement = session.exec(
        select(RefundSettlement).where(RefundSettlement.id == settlement_id).with_for_update()
    ).first()
    return settlement if settlement and settlement.state == FAILED else None


def retry(session: Session, staff_id: int, settlement_id: object) -> Outcome:
    """Staff: send a failed refund again now (with the same idempotency key).

    Returns:
        Done ("staff.refund.retried"), or invalid "staff.refund.not_failed".
    """
    settlement = _failed(session, settlement_id)
    if settlement is None:
        return Outcome.invalid("staff.refund.not_failed")
    if not (settlement.last_error or "").startswith(UNREACHABLE):
        # The provider refused, or its refund failed: no refund stands, so a new one is asked
        # (the old key would only replay the refusal). Never reached: it may hold the refund,
        # so the same key goes again.
        settlement.idempotency_key = f"alme-refund-{uuid.uuid4()}"
        settlement.provider_refund_id = None
    settlement.state, settlement.attempts = PENDING, 0
    settlement.next_attempt_at, settlement.settled_at = clock.now(), None
    record(session, settlement, PENDING, "retry asked by staff", staff_id)
    session.flush()
    return Outcome.done("staff.refund.retried")


def credit_note_instead(session: Session, staff_id: int, settlement_id: object) -> Outcome:
    """Staff: the provider cannot refund; issue a credit note for the amount instead (R8).

    Returns:
        Done ("staff.refund.credit_note"), or invalid "staff.refund.not_failed".
    """
    settlement = _failed(session, settlement_id)
    if settlement is None:
        return Outcome.invalid("staff.refund.not_failed")
    order = session.get(Order, settlement.order_id)
    note = stored_values.issue(
        session,
        StoredValueKind.CREDIT_NOTE,
        email=order.email,
        cents=settlement.amount_cents,
        order_id=order.id,
    )
    settlement.state, settlement.credit_note_id = CREDIT_NOTE, note.id
    settlement.settled_at = clock.now()
    record(session, settlement, CREDIT_NOTE, note.code, staff_id)
    settlement_emails.record_credit_note_instead(session, settlement, note)
    session.flush()
    return Outcome.done("staff.refund.credit_note")
