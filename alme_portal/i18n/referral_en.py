"""English texts of Refer a friend (F1-F5)."""

MESSAGES: dict[str, str] = {
    "referral.kicker": "Refer a friend",
    "referral.title": "€15 for you, €15 for your friend",
    "referral.intro": (
        "Share your link: your friend gets €15 off her first order, and you get a €15 voucher"
        " as soon as she orders."
    ),
    "referral.link.title": "Your referral link",
    "referral.copy": "Copy link",
    "referral.copied": "Link copied: paste it wherever you like.",
    "referral.whatsapp": "Share on WhatsApp",
    "referral.whatsapp.text": "€15 off your first Almé order, with my link:",
    "referral.qr": "Download the QR code",
    "referral.qr.hint": "A PNG for a phone screen or a printed card.",
    "referral.invite.title": "Invite by e-mail",
    "referral.invite.email": "Your friend's e-mail",
    "referral.invite.submit": "Send the invitation",
    "referral.invited": "Invitation sent.",
    "referral.list.title": "Your referrals",
    "referral.list.none": "No referral yet: share your link.",
    "referral.list.since": "Since {date}",
    "referral.correct": "Correct the e-mail",
    "referral.correct.submit": "Save",
    "referral.corrected": "E-mail corrected: we sent it again.",
    "referral.status.invited": "Invited",
    "referral.status.code_sent": "Code sent",
    "referral.status.ordered": "Ordered",
    "referral.status.rewarded": "Rewarded",
    "referral.status.expired": "Expired",
    "referral.status.refused": "Refused",
    "referral.refused.self": "You cannot refer yourself.",
    "referral.refused.customer": "Only someone new to Almé, and not referred yet, can be referred.",
    "referral.refused.taken": "Only someone new to Almé, and not referred yet, can be referred.",
    "referral.refused.email": "Her order used another e-mail.",
    "referral.refused.not_first": "It was not her first Almé order.",
    "referral.refused.expired": "Her code had expired.",
    "referral.refused.cap": "You reached this month's referral rewards.",
    "referral.not_found": "This referral is not yours.",
    "referral.not_pending": "This referral can no longer be changed.",
    "referral.closed": "Referrals are for Almé Lovers members.",
    "referral.unknown": "This referral link is unknown or no longer valid.",
    "friend.kicker": "A gift from {name}",
    "friend.kicker.plain": "A gift for you",
    "friend.title": "€15 off your first Almé order",
    "friend.intro": (
        "Give your e-mail: we show you your code and send it to you. It is valid 14 days,"
        " for your first order placed with this e-mail."
    ),
    "friend.email": "Your e-mail",
    "friend.submit": "Get my €15 code",
    "friend.code": "Your code",
    "friend.until": "Valid until {date}, with the e-mail {email}.",
    "friend.shop": "Discover Almé",
    "referral.code.sent": "Here is your code; we have also sent it by e-mail.",
    "referral.limit": "Enough friends for today: try again tomorrow.",
    "referral.confirm_first": (
        'Confirm your e-mail address first (My account, "Send me the link"): then invite'
        " your friends by e-mail. Your link and its QR code already work."
    ),
}
