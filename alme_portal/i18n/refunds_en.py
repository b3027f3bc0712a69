"""English texts of refunds (R8-R12, O9), exchange orders (E6) and the staff console (R6)."""

MESSAGES: dict[str, str] = {
    "refund.new_credit_note": "Credit note {code}: {amount}, valid until {date}",
    "refund.new_gift_card": "New gift card {code}: {amount}, valid until {date}",
    "refund.gift_card": "{amount} back on your gift card {code}",
    "refund.credit_back": "{amount} back to your {method}, visible by {date}",
    "refund.not_charged": "{amount} less charged on your {method}",
    "refund.instalment_reduced": "Instalment {sequence} of your 3 instalments: {amount} less",
    "refund.postage": "{amount} for your postage",
    "refund.exchange_order": "Your exchange order {number} ships free to your delivery address.",
    "refund.supplement": "The new item costs {amount} more: we e-mail you a payment link.",
    "refund.refused": "{item}: refused ({grounds})",
    "refund.returned_parcel": "Your parcel came back to the Atelier: it is refunded in full.",
    "refund.email.subject": "Your return {number} is processed",
    "refund.email.body": (
        "Hello,\n\nWe have received and inspected your return {number}.\n\n{lines}\n\n"
        "The {brand} team"
    ),
    "refund.email.parcel_subject": "Your order {number} is refunded",
    "refund.email.parcel_body": "Hello,\n\n{lines}\n\nThe {brand} team",
    "ground.missing_labels": "original labels missing",
    "ground.stains": "stains or washout",
    "ground.odour": "unpleasant odour or lye",
    "ground.torn": "torn or damaged",
    "ground.not_alme": "not an ALME product",
    "ground.worn": "worn",
    "ground.sole_removed": "protective sole removed",
    "ground.box_missing": "shoe box or dust bag missing",
}
