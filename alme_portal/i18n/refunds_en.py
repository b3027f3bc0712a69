"""English texts of refunds (R8-R12, O9), exchange orders (E6) and the staff console (R6)."""

MESSAGES: dict[str, str] = {
    "supplement.item": "Exchange {number}: price difference",
    "supplement.email.subject": "Pay the difference for your exchange {number}",
    "supplement.email.body": (
        "Hello,\n\nThe item you chose in exchange costs {amount} more. Pay the difference by "
        "card here:\n{link}\n\nYour exchange {number} ships as soon as it is paid. Without "
        "payment by {date}, the exchange is cancelled.\n\nThe {brand} team"
    ),
    "supplement.cancelled.subject": "Your exchange {number} is cancelled",
    "supplement.cancelled.body": (
        "Hello,\n\nThe difference for your exchange {number} was not paid in time, so the "
        "exchange is cancelled. Your return is unaffected.\n\nThe {brand} team"
    ),
    "supplement.unavailable": (
        "The payment page cannot open right now. Please try again in a few minutes."
    ),
    "supplement.paid": (
        "Thank you: your payment is received. Your exchange ships as soon as your bank confirms "
        "it, and we e-mail you its tracking."
    ),
    "supplement.unknown": "This payment link is not valid.",
    "refund.where.title": "Where is my refund",
    "refund.where.statement": "On your statement by {date} at the latest",
    "refund.where.done.stripe": "Sent to your bank on {date}",
    "refund.where.done.paypal": "Back on your PayPal account since {date}",
    "refund.where.done.alma": "Done by Alma on {date}",
    "refund.where.sent.stripe": "Sent to your bank on {date}, waiting for its confirmation",
    "refund.where.sent.paypal": "Sent to PayPal on {date}, waiting for its confirmation",
    "refund.where.sent.alma": "Sent to Alma on {date}, waiting for its confirmation",
    "refund.where.sending.stripe": "Being sent to your bank",
    "refund.where.sending.paypal": "Being sent to PayPal",
    "refund.where.sending.alma": "Being sent to Alma",
    "refund.where.failed": (
        "Delayed: the payment provider refused it, our team is on it and will e-mail you"
    ),
    "refund.where.credit_note": (
        "Your payment provider could not take it back: credit note {code} instead, valid "
        "until {date}"
    ),
    "refund.where.instalment": "Instalment {sequence}: {amount} less",
    "refund.where.not_charged": "{amount} less charged on the due date",
    "refund.where.paid_back": "{amount} back on the card that paid",
    "refund.where.new_credit_note": "Credit note {code}",
    "refund.where.new_gift_card": "New gift card {code}",
    "refund.where.issued": "Yours now, valid until {date}",
    "refund.where.stored_now": "Back on it now",
    "refund.paid.subject": "Your refund for order {number} is on its way",
    "refund.paid.body.stripe": (
        "Hello,\n\nWe have sent {amount} back to your {method}. It shows on your statement by "
        "{date} at the latest.\n\nThe {brand} team"
    ),
    "refund.paid.body.paypal": (
        "Hello,\n\n{amount} is back on your PayPal account ({method}). If PayPal returns it to "
        "the card behind it, it shows by {date} at the latest.\n\nThe {brand} team"
    ),
    "refund.paid.body.alma": (
        "Hello,\n\nAlma has taken {amount} off your {method}: the instalments not charged yet "
        "are lowered or cancelled, and what you already paid beyond what you keep goes back to "
        "your card, on your statement by {date} at the latest.\n\nThe {brand} team"
    ),
    "refund.credit_note_instead.subject": "A credit note for your refund on order {number}",
    "refund.credit_note_instead.body": (
        "Hello,\n\nYour payment provider could not take back {amount} on your {method}, so "
        "we have issued credit note {code} for it instead, valid until {date} and usable over "
        "several orders.\n\nThe {brand} team"
    ),
    "staff.refund.title": "Refunds with the payment providers",
    "staff.refund.log": "refund",
    "staff.refund.retry": "Retry",
    "staff.refund.credit_note_button": "Refund as credit note instead",
    "staff.refund.retried": "The refund is sent again.",
    "staff.refund.credit_note": "A credit note is issued and e-mailed instead.",
    "staff.refund.not_failed": "This refund is not failed: nothing changed.",
    "staff.refund.row": "{provider} · {method} · {amount} · {state}",
    "staff.refund.state.pending": "to send",
    "staff.refund.state.sent": "sent",
    "staff.refund.state.succeeded": "succeeded",
    "staff.refund.state.failed": "failed",
    "staff.refund.state.credit_note": "credit note instead",
    "staff.refund.state.retry": "provider unreachable, retried later",
    "refund.new_credit_note": "Credit note {code}: {amount}, valid until {date}",
    "refund.new_gift_card": "New gift card {code}: {amount}, valid until {date}",
    "refund.gift_card": "{amount} back on your gift card {code}",
    "refund.credit_back": "{amount} back to your {method}, visible by {date}",
    "refund.not_charged": "{amount} less charged on your {method}",
    "refund.instalment_reduced": "Instalment {sequence} of your 3 instalments: {amount} less",
    "refund.postage": "{amount} for your postage",
    "refund.exchange_order": "Your exchange order {number} ships free to your delivery address.",
    "refund.supplement": "The new item costs {amount} more: we e-mail you a payment link.",
    "refund.not_collected": (
        "You chose a credit note, but this money was not charged yet: your payment is simply "
        "charged less, so there is nothing to give back as a credit note."
    ),
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
    "staff.kicker": "Atelier",
    "staff.title": "Returns console",
    "staff.intro": "For the Atelier staff only: receive, inspect, refund or exchange.",
    "staff.login.title": "Staff log in",
    "staff.greeting": "Logged in as",
    "staff.receive.title": "Receive a parcel",
    "staff.receive.field": "Return number or QR code",
    "staff.receive.hint": "Type the number (RT-…) or scan the label's QR code.",
    "staff.receive.postage": "Postage paid, in euros (self-shipped returns only)",
    "staff.receive.submit": "Mark received",
    "staff.receive.done": "Return received: inspect its items.",
    "staff.receive.unknown": "No return has this number or QR code.",
    "staff.receive.twice": "This return was already received.",
    "staff.receive.postage_invalid": "Enter the postage as an amount in euros, e.g. 5.90.",
    "staff.queue.to_receive": "To receive",
    "staff.queue.to_inspect": "To inspect",
    "staff.queue.done": "Done",
    "staff.queue.empty": "Nothing here.",
    "staff.queue.parcel": "Mondial Relay {number} · {stage} · {date}",
    "staff.queue.label_pending": "Prepaid label being booked with Mondial Relay",
    "staff.queue.label_failing": (
        "Prepaid label not booked: {attempts} attempt(s), last answer {error}; retried "
        "automatically"
    ),
    "staff.queue.items": "{count} item(s) · {method} · declared {date}",
    "staff.open": "Open",
    "staff.detail.order": "Order {number}",
    "staff.line.reason": "Reason: {reason}",
    "staff.line.defect": "Defect reported within 48 h: isolate for the supplier",
    "staff.line.hint": "Tick what you found; nothing ticked accepts the item.",
    "staff.line.submit": "Record inspection",
    "staff.line.accepted": "Accepted",
    "staff.line.refused": "Refused: {grounds}",
    "staff.inspect.done": "Inspection recorded.",
    "staff.inspect.settled": "Last item inspected: return settled, customer e-mailed.",
    "staff.inspect.unknown": "This item is not part of a return.",
    "staff.inspect.not_received": "Receive the parcel before inspecting it.",
    "staff.inspect.twice": "This item was already inspected.",
    "staff.inspect.grounds": "Tick only grounds from this item's checklist.",
    "staff.outcome": "Outcome",
    "staff.log.received": "received at the Atelier",
    "staff.log.received_postage": "received at the Atelier, postage {amount}",
    "staff.log.accepted": "{item} accepted",
    "staff.log.refused": "{item} refused: {grounds}",
    "staff.log.settled": "settled: {status}",
    "staff.log": "Log",
    "staff.denied": "Staff accounts only.",
}
