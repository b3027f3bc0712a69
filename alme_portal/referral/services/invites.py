"""Refer a friend on the database (F1, F3, F5): link, invitations, the friend's code.

The reward of the friend's first order is `referral.services.rewards`.

Every refusal says why and changes nothing; one referral per friend is kept by a unique key
on the friend's e-mail reduced to the person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, func, select

from alme_portal.accounts.models.customers import Customer
from alme_portal.i18n.dates import format_day
from alme_portal.orders.models.orders import Order
from alme_portal.orders.rules import codes as code_rules
from alme_portal.platform import clock, outbox, random_codes, settings
from alme_portal.platform.contact import normalise_email, person_key
from alme_portal.platform.outcome import Outcome
from alme_portal.platform.vocabulary import CodeKind, ReferralStatus
from alme_portal.referral import rules as referral
from alme_portal.referral.models import ReferralInvite
from alme_portal.referral.services.emails import referral_email

CODE_LENGTH = random_codes.CODE_LENGTH


@dataclass(frozen=True)
class FriendCode:
    """The friend's €15 code and the last day she can use it (F3)."""

    code: str
    last_day: date


def new_code(prefix: str) -> str:
    """A code of `CODE_LENGTH` unambiguous characters after `prefix`."""
    return prefix + random_codes.random_code(CODE_LENGTH)


def friend_codes(session: Session, texts: list[str]) -> dict[str, code_rules.Code]:
    """F3: the friends' codes among `texts`: hers only, once, for 14 days."""
    invites = session.exec(select(ReferralInvite).where(ReferralInvite.friend_code.in_(texts)))
    return {
        invite.friend_code: code_rules.Code(
            invite.friend_code,
            CodeKind.REFERRAL,
            invite.code_last_day,
            used=invite.status != ReferralStatus.CODE_SENT,
            owner_email=invite.friend_email,
        )
        for invite in invites
    }


def keep_friend_code(_session: Session, _code: str, _order_id: int, _cents: int) -> None:
    """F2: a friend's code is marked used with the member's reward (`rewards`), not here."""
    return None


def link(code: str) -> str:
    """The member's referral link (F1)."""
    return f"{settings.portal_url()}/r/{code}"


def member_code(session: Session, member_id: int) -> str:
    """Her personal referral code, made the first time she needs it."""
    member = session.get(Customer, member_id)
    if member.referral_code is None:
        while True:
            code = new_code("")
            taken = select(Customer.id).where(Customer.referral_code == code)
            if session.exec(taken).first() is None:
                member.referral_code = code
                session.flush()
                break
    return member.referral_code


def member_for_code(session: Session, code: Any) -> Customer | None:
    """The member whose link carries `code`, if she can still refer (None otherwise)."""
    if not isinstance(code, str) or len(code) != CODE_LENGTH:
        return None
    member = session.exec(select(Customer).where(Customer.referral_code == code)).first()
    return member if member is not None and member.left_loyalty_on is None else None


def _locked_member(session: Session, member_id: Any) -> Customer | None:
    """The member's row, locked until the end of the transaction.

    FOR UPDATE on PostgreSQL (SQLite's write lock already holds): her invitations and her
    daily limit are checked and written one tab at a time.
    """
    if not isinstance(member_id, int) or isinstance(member_id, bool):
        return None
    return session.exec(select(Customer).where(Customer.id == member_id).with_for_update()).first()


def _member_emails(session: Session, member: Customer) -> list[str]:
    orders = select(Order.email).where(Order.customer_id == member.id).distinct()
    return [member.email, *session.exec(orders)]


def _has_ordered(session: Session, email: str) -> bool:
    """F2: an order was placed by the same person, whatever dots or +tag she typed."""
    query = select(Order.id).where(Order.email_key == person_key(email))
    return session.exec(query).first() is not None


def _refusal(session: Session, member: Customer, email: str, invite_id: int | None = None):
    taken = session.exec(
        select(ReferralInvite.id).where(ReferralInvite.friend_key == person_key(email))
    ).first()
    return referral.invite_refusal(
        member_emails=_member_emails(session, member),
        friend_email=email,
        friend_has_ordered=_has_ordered(session, email),
        already_referred=taken is not None and taken != invite_id,
    )


def _busy_today(session: Session, member_id: int) -> bool:
    """Whether her link and invitations reached today's number of friends."""
    start = clock.paris_midnight(clock.today())
    today = session.exec(
        select(func.count())
        .select_from(ReferralInvite)
        .where(ReferralInvite.member_id == member_id, ReferralInvite.invited_at >= start)
    ).one()
    return today >= settings.REFERRAL_FRIENDS_PER_DAY


def send_email(session: Session, which: str, recipient: str, language: str, **values) -> None:
    """Record one referral e-mail in the outbox."""
    email = referral_email(which, language, **values)
    outbox.record_email(session, recipient=recipient, language=language, **email)


def invite(session: Session, member_id: int, friend_email: Any) -> Outcome:
    """F1: e-mail a friend the member's link; the fraud rules first.

    Only a member who confirmed her own address may have the brand e-mail someone else, so a
    freshly made account cannot turn the invitation into a way of sending spam.

    Returns:
        Done, refused until she confirmed her address, or invalid with the refusal key;
        nothing is stored unless done.
    """
    member = _locked_member(session, member_id)
    email = normalise_email(friend_email)
    if member is None or member.left_loyalty_on is not None:
        return Outcome.invalid("referral.closed")
    if email is None:
        return Outcome.invalid("account.email.invalid")
    if not member.email_verified:  # the brand e-mails strangers only for confirmed members
        return Outcome.refused("referral.confirm_first")
    refusal = _refusal(session, member, email)
    if refusal:
        return Outcome.invalid(refusal)
    if _busy_today(session, member.id):
        return Outcome.invalid("referral.limit")
    row = ReferralInvite(
        member_id=member.id,
        friend_email=email,
        status=ReferralStatus.INVITED,
        friend_key=person_key(email),
        invited_at=clock.now(),
    )
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:  # the same friend referred by someone at the same moment
        return Outcome.invalid("referral.refused.taken")
    send_email(
        session,
        "invitation",
        email,
        member.preferred_language,
        member=member.first_name,
        url=link(member_code(session, member.id)),
    )
    return Outcome.done("referral.invited")


def friend_code(session: Session, code: Any, friend_email: Any, language: str) -> Outcome:
    """F1, F3: the friend on the member's link gives her e-mail and gets her €15 code.

    Returns:
        Done with the code and its last day (the same code if she asks again), or
        invalid with "referral.unknown", "account.email.invalid" or a fraud refusal.
    """
    found = member_for_code(session, code)
    member = _locked_member(session, found.id) if found is not None else None
    email = normalise_email(friend_email)
    if member is None:
        return Outcome.invalid("referral.unknown")
    if email is None:
        return Outcome.invalid("account.email.invalid")
    key = person_key(email)
    row = session.exec(select(ReferralInvite).where(ReferralInvite.friend_key == key)).first()
    if (
        row is not None
        and row.member_id == member.id
        and row.friend_code
        and row.status == ReferralStatus.CODE_SENT
        and row.friend_email == email
    ):
        return Outcome.done("referral.code.sent", FriendCode(row.friend_code, row.code_last_day))
    mine = row is not None and row.member_id == member.id and row.status == ReferralStatus.INVITED
    refusal = _refusal(session, member, email, row.id if mine else None)
    if refusal:
        return Outcome.invalid(refusal)
    today = clock.today()
    if row is None and _busy_today(session, member.id):
        return Outcome.invalid("referral.limit")
    if row is None:
        row = ReferralInvite(
            member_id=member.id,
            friend_email=email,
            friend_key=key,
            status=ReferralStatus.INVITED,
            invited_at=clock.now(),
        )
    row.friend_email, row.status, row.code_sent_at = email, ReferralStatus.CODE_SENT, clock.now()
    row.friend_code, row.code_last_day = new_code("AMIE-"), referral.friend_code_last_day(today)
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        return Outcome.invalid("referral.refused.taken")
    send_email(
        session,
        "friend_code",
        email,
        language,
        code=row.friend_code,
        email=email,
        last_day=format_day(row.code_last_day, language),
    )
    return Outcome.done("referral.code.sent", FriendCode(row.friend_code, row.code_last_day))


def correct_email(session: Session, member_id: int, invite_id: Any, new_email: Any) -> Outcome:
    """F5: she corrects a mistyped friend's e-mail while the referral is pending.

    Returns:
        Done, or invalid ("referral.not_found", "referral.not_pending", the e-mail's
        or a fraud refusal); nothing changes when invalid.
    """
    row = session.get(ReferralInvite, invite_id) if isinstance(invite_id, int) else None
    if row is None or row.member_id != member_id:
        return Outcome.invalid("referral.not_found")  # not hers looks like not there
    expired = row.code_last_day is not None and row.code_last_day < clock.today()
    if row.status not in referral.PENDING or expired:
        return Outcome.invalid("referral.not_pending")
    email = normalise_email(new_email)
    if email is None:
        return Outcome.invalid("account.email.invalid")
    member = session.get(Customer, member_id)
    refusal = _refusal(session, member, email, row.id)
    if refusal:
        return Outcome.invalid(refusal)
    row.friend_email, row.friend_key = email, person_key(email)
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        return Outcome.invalid("referral.refused.taken")
    if row.friend_code:  # her code follows her corrected e-mail
        send_email(
            session,
            "friend_code",
            email,
            member.preferred_language,
            code=row.friend_code,
            email=email,
            last_day=format_day(row.code_last_day, member.preferred_language),
        )
    else:
        send_email(
            session,
            "invitation",
            email,
            member.preferred_language,
            member=member.first_name,
            url=link(member_code(session, member.id)),
        )
    return Outcome.done("referral.corrected")


def invites(session: Session, member_id: int) -> list[ReferralInvite]:
    """Her referrals, newest first (F5: she sees each one's state)."""
    query = select(ReferralInvite).where(ReferralInvite.member_id == member_id)
    return list(session.exec(query.order_by(ReferralInvite.id.desc())))
