"""What the referral page writes about each friend referred (F5), in one language."""

from __future__ import annotations

from alme_portal.i18n import translate
from alme_portal.i18n.dates import format_day
from alme_portal.models import ReferralInvite
from alme_portal.rules import referral
from alme_portal.rules.money import mask_email


def build_invites(rows: list[ReferralInvite], language: str) -> list[dict[str, str]]:
    """Each referral: masked e-mail, state, since when, why refused, and if it can be fixed."""
    views = []
    for row in rows:
        moment = row.rewarded_at or row.code_sent_at or row.invited_at
        views.append(
            {
                "id": str(row.id),
                "email": mask_email(row.friend_email),
                "status": translate(language, f"referral.status.{row.status}"),
                "status_key": row.status,
                "since": translate(
                    language, "referral.list.since", date=format_day(moment, language)
                ),
                "reason": translate(language, row.refusal) if row.refusal else "",
                "pending": "yes" if row.status in referral.PENDING else "",
            }
        )
    return views
