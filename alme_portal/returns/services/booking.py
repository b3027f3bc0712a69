"""Rule R3: a return's prepaid Mondial Relay label, booked with the carrier until it is.

The return is stored first (`declaration`), with a `pending` booking. Confirming tries at once
(`book`); if the carrier fails (time-out, 5xx, a STAT), the page says the label comes within the
hour and the worker (`book_due`) tries again after `RETURN_BOOKING_RETRY_MINUTES`. A booked
label's PDF is fetched once and stored; then the label is e-mailed.

One caller at a time: `_claim` is a conditional update, which holds on SQLite and PostgreSQL
alike, so the page and workers never call the carrier for the same return at once. No database
transaction stays open during a carrier call. A crash between the carrier's answer and the
database write leaves the booking pending: the next attempt books a second expedition and the
first one is never dropped off (API V1 has no idempotency key).
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from alme_portal.adapters.carriers.http import CarrierError, CarrierUnavailable
from alme_portal.adapters.carriers.mondial_relay import MondialRelayClient
from alme_portal.adapters.carriers.mondial_relay_booking import (
    BookedLabel,
    BookingRefused,
    Party,
    book_return,
    fetch_label,
)
from alme_portal.adapters.carriers.mondial_relay_connect import ConnectClient
from alme_portal.platform import clock, db, outbox, settings
from alme_portal.returns.models import ReturnBooking, ReturnRequest
from alme_portal.returns.services import emails as return_emails
from alme_portal.returns.services import status as return_status

log = logging.getLogger(__name__)

PENDING, BOOKED, READY = "pending", "booked", "ready"


def open_booking(
    session: Session, request: ReturnRequest, *, street: str, postcode: str, city: str,
    phone: str, items: int, paperless: bool = False,
) -> ReturnBooking:  # fmt: skip
    """Add the pending booking of a return just stored (the caller commits).

    The page that stored it books it at once (`book`); the worker leaves it alone for
    `RETURN_BOOKING_CLAIM_SECONDS`, in case the page could not. `paperless`: she has no printer;
    the carrier gives a QR code a relay point prints from.
    """
    order_country = request.sender_address.splitlines()[-1]
    booking = ReturnBooking(
        return_id=request.id, sender_street=street, sender_postcode=postcode,
        sender_city=city, sender_country=order_country, sender_phone=phone,
        weight_grams=items * settings.RETURN_PARCEL_WEIGHT_GRAMS,
        next_attempt_at=clock.now() + timedelta(seconds=settings.RETURN_BOOKING_CLAIM_SECONDS),
        paperless=paperless,
    )  # fmt: skip
    session.add(booking)
    return booking


def book(
    client: MondialRelayClient, return_number: str, connect: ConnectClient | None = None
) -> str | None:
    """Try now to book the label of a return just declared; its booking status after, or None.

    `client` books printed labels (API V1), `connect` paperless ones (API Connect).

    Returns:
        "ready" (label stored and e-mailed), "booked" or "pending" (the worker goes on), or
        None if the return has no booking (not Mondial Relay) or another caller holds it.
    """
    with db.session_scope() as session:
        booking_id = session.exec(
            select(ReturnBooking.id)
            .join(ReturnRequest, ReturnRequest.id == ReturnBooking.return_id)
            .where(ReturnRequest.number == return_number)
        ).first()
    return _attempt(client, connect, booking_id) if booking_id else None


def book_due(
    client: MondialRelayClient, limit: int = 20, connect: ConnectClient | None = None
) -> Counter:
    """Try every booking whose next attempt is due (the worker's job; clients as in `book`).

    Returns:
        How many ended `ready`, `booked` or `pending` this time.
    """
    now = clock.now()
    with db.session_scope() as session:
        due = list(
            session.exec(
                select(ReturnBooking.id)
                .where(ReturnBooking.status != READY, ReturnBooking.next_attempt_at <= now)
                .order_by(ReturnBooking.next_attempt_at)
                .limit(limit)
            )
        )
    counts: Counter = Counter()
    for booking_id in due:
        status = _attempt(client, connect, booking_id)
        if status:
            counts[status] += 1
    return counts


def retry_wait(attempts: int) -> timedelta:
    """How long after its `attempts`-th failure a booking is tried again."""
    waits = settings.RETURN_BOOKING_RETRY_MINUTES
    return timedelta(minutes=waits[min(attempts, len(waits)) - 1])


@dataclass(frozen=True)
class _Claim:
    """What a caller holding a booking needs for the carrier, read before the call."""

    return_number: str
    sender: Party
    weight_grams: int
    paperless: bool
    booked: BookedLabel | None
    """The carrier's booking once made (its label not stored yet)."""


def _attempt(
    client: MondialRelayClient, connect: ConnectClient | None, booking_id: int
) -> str | None:
    with db.session_scope(write=True) as session:
        claim = _claim(session, booking_id)
    if claim is None:
        return None
    if claim.paperless:
        return _attempt_paperless(connect, booking_id, claim)
    try:
        booked = claim.booked
        if booked is None:
            booked = book_return(client, claim.sender, _atelier(), claim.weight_grams)
            with db.session_scope(write=True) as session:
                _store_booked(session, booking_id, booked)
        pdf = fetch_label(client, booked)
    except (CarrierError, sa.exc.IntegrityError) as error:
        with db.session_scope(write=True) as session:
            return _store_failure(session, booking_id, _reason(error))
    with db.session_scope(write=True) as session:
        return _store_ready(session, booking_id, pdf=pdf)


def _attempt_paperless(connect: ConnectClient | None, booking_id: int, claim: _Claim) -> str:
    """API Connect books and gives the QR code in one call: booked and ready at once."""
    try:
        if connect is None:
            raise CarrierUnavailable("paperless returns are not offered here")
        qr = connect.book_return_qr(
            claim.sender, _atelier(), claim.weight_grams, claim.return_number
        )
        with db.session_scope(write=True) as session:
            _store_booked(session, booking_id, BookedLabel(qr.expedition, ""))
            return _store_ready(session, booking_id, qr=qr.png)
    except (CarrierError, sa.exc.IntegrityError) as error:
        with db.session_scope(write=True) as session:
            return _store_failure(session, booking_id, _reason(error))


def _claim(session: Session, booking_id: int) -> _Claim | None:
    """Hold the booking for this caller, or None if it is ready or someone else holds it."""
    now = clock.now()
    held = session.execute(
        sa.update(ReturnBooking)
        .where(
            ReturnBooking.id == booking_id,
            ReturnBooking.status != READY,
            sa.or_(ReturnBooking.claimed_until.is_(None), ReturnBooking.claimed_until < now),
        )
        .values(
            claimed_until=now + timedelta(seconds=settings.RETURN_BOOKING_CLAIM_SECONDS),
            attempts=ReturnBooking.attempts + 1,
        )
    )
    if held.rowcount != 1:
        return None
    booking = session.get(ReturnBooking, booking_id)
    request = session.get(ReturnRequest, booking.return_id)
    sender = Party(
        name=request.sender_name, street=booking.sender_street,
        postcode=booking.sender_postcode, city=booking.sender_city,
        country=booking.sender_country, phone=booking.sender_phone, email=request.email,
    )  # fmt: skip
    booked = None
    if booking.status == BOOKED:
        booked = BookedLabel(request.parcel_reference, booking.label_url)
    return _Claim(request.number, sender, booking.weight_grams, booking.paperless, booked)


def _atelier() -> Party:
    """The recipient of every return: the Atelier (`ATELIER_RETURN_ADDRESS`)."""
    name, street, town, _country = settings.ATELIER_RETURN_ADDRESS
    postcode, city = town.split(" ", 1)
    return Party(name=name, street=street, postcode=postcode, city=city, country="FR",
                 phone=settings.CONTACT_PHONE_E164, email=settings.CONTACT_EMAIL)  # fmt: skip


def _reason(error: Exception) -> str:
    if isinstance(error, BookingRefused):
        return error.reason
    if isinstance(error, sa.exc.IntegrityError):  # a number reused: a simulator restarted
        return "expedition number already used by another return"
    return str(error)[:120] or type(error).__name__


def _store_booked(session: Session, booking_id: int, booked: BookedLabel) -> None:
    booking = session.get(ReturnBooking, booking_id)
    request = session.get(ReturnRequest, booking.return_id)
    booking.status, booking.label_url, booking.booked_at = BOOKED, booked.label_url, clock.now()
    request.parcel_reference = booked.expedition


def _store_failure(session: Session, booking_id: int, reason: str) -> str:
    booking = session.get(ReturnBooking, booking_id)
    booking.last_error, booking.claimed_until = reason, None
    booking.next_attempt_at = clock.now() + retry_wait(booking.attempts)
    log.warning("return booking %s: attempt %s failed: %s", booking_id, booking.attempts, reason)
    if not booking.customer_told:
        _email(session, booking, "return_declared", pending=True)
    return booking.status


def _store_ready(
    session: Session, booking_id: int, *, pdf: bytes | None = None, qr: bytes | None = None
) -> str:
    booking = session.get(ReturnBooking, booking_id)
    booking.status, booking.claimed_until, booking.last_error = READY, None, None
    booking.label_pdf, booking.qr_png = pdf, qr
    kind = "return_label" if booking.customer_told else "return_declared"
    _email(session, booking, kind, pending=False)
    return READY


def _email(session: Session, booking: ReturnBooking, kind: str, *, pending: bool) -> None:
    """The declaration e-mail (with the label, or saying it follows), or the label's own."""
    request = session.get(ReturnRequest, booking.return_id)
    paperless = booking.paperless
    if kind == "return_label":
        texts = return_emails.label_email(request, request.language, paperless=paperless)
    else:
        texts = return_emails.declared_email(
            request, request.language, label_pending=pending, paperless=paperless
        )
    label = return_status.label_attachment(request, "png" if paperless else "pdf")
    outbox.record_email(
        session, recipient=request.email, kind=kind, language=request.language,
        order_id=request.order_id, attachments=[] if pending else [label], **texts,
    )  # fmt: skip
    booking.customer_told = True
