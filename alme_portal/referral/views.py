"""What the referral page writes about each friend referred (F5), in one language."""

from __future__ import annotations

from datetime import date

from alme_portal.i18n import translate
from alme_portal.i18n.dates import format_day
from alme_portal.platform.money import mask_email
from alme_portal.platform.vocabulary import ReferralStatus
from alme_portal.referral import rules as referral
from alme_portal.referral.models import ReferralInvite


def shown_status(row: ReferralInvite, today: date) -> str:
    """The state she sees: a code sent whose 14 days are over is expired (F3)."""
    if row.status == ReferralStatus.CODE_SENT and row.code_last_day and row.code_last_day < today:
        return ReferralStatus.EXPIRED
    return row.status


def build_invites(rows: list[ReferralInvite], language: str, today: date) -> list[dict[str, str]]:
    """Each referral: masked e-mail, state, since when, why refused, and if it can be fixed."""
    views = []
    for row in rows:
        status = shown_status(row, today)
        moment = row.rewarded_at or row.code_sent_at or row.invited_at
        views.append(
            {
                "id": str(row.id),
                "email": mask_email(row.friend_email),
                "status": translate(language, f"referral.status.{status}"),
                "since": translate(
                    language, "referral.list.since", date=format_day(moment, language)
                ),
                "reason": translate(language, row.refusal) if row.refusal else "",
                "pending": "yes" if status in referral.PENDING else "",
            }
        )
    return views
