"""E-mails, the withdrawal statement and the return label, in English.

Every e-mail has a `.subject` and a `.body`; `brand` is always given to the texts.
"""

MESSAGES: dict[str, str] = {
    "email.dispatch.subject": "Your order {number} is on its way",
    "email.dispatch.body": (
        "Hello {first_name},\n\nYour order {number} has left our warehouse with "
        "{carrier}.\nTracking number: {tracking_number}\nFollow your parcel: "
        "{tracking_url}\n\nTracking may take a little time to update after dispatch.\nThis "
        "e-mail may land in your spam folder: add {contact} to your contacts.\n\nThe "
        "{brand} team"
    ),
    "email.change.subject": "We have recorded your request for order {number}",
    "email.change.body": (
        "Hello {first_name},\n\nWe have recorded your request to {action} order "
        "{number}.\nIt is not guaranteed: your order may ship in the meantime. If it does, "
        "you can return it once received.\n\nThe {brand} team"
    ),
    "email.change.action.modify": "modify",
    "email.change.action.cancel": "cancel",
    "email.account.reset.subject": "Your new Almé password",
    "email.account.reset.body": (
        "Hello,\n\nChoose a new password here within {minutes} minutes (the link works "
        "once):\n{url}\n\nIf you did not ask, ignore this e-mail."
    ),
    "email.account.verify.subject": "Confirm your e-mail address",
    "email.account.verify.body": (
        "Hello {name},\n\nConfirm that this address is yours within {minutes} minutes (the "
        "link works once):\n{url}\n\nOnce it is confirmed, the orders you placed with it as "
        "a guest appear in your account."
    ),
    "email.account.change.subject": "Confirm your new e-mail address",
    "email.account.change.body": (
        "Hello {name},\n\nYou asked to use this address for your Almé account. Confirm it "
        "within {minutes} minutes (the link works once):\n{url}\n\nIf you did not ask, "
        "ignore this e-mail."
    ),
    "email.account.change_requested.subject": "Your Almé e-mail address is about to change",
    "email.account.change_requested.body": (
        "Hello {name},\n\nSomeone logged in to your account asked to move it to {email}. It "
        "changes only once that address is confirmed.\n\nIf it was not you, change your "
        "password now:\n{url}"
    ),
    "email.account.claim.subject": "Count the loves of order {number}?",
    "email.account.claim.body": (
        "Hello,\n\n{name} asked to count the loves of order {number}, placed with this "
        "address, for her Almé account. If that is you, confirm within {minutes} minutes "
        "(the link works once):\n{url}\n\nIf not, ignore this e-mail: nothing changes."
    ),
    "email.account.changed.subject": "Your Almé e-mail address has changed",
    "email.account.changed.body": (
        "Hello {name},\n\nYour account now uses {email}; this address receives nothing more "
        "from it.\n\nIf it was not you, contact our customer service."
    ),
    "email.loyalty.welcome.subject": "Welcome to {tier}",
    "email.loyalty.welcome.body": (
        "Hello {name},\n\nYou have reached the {tier} status of Almé Lovers: it is yours "
        "for one year from today. A surprise is waiting for you in your next parcel.\n\nThe "
        "{brand} team"
    ),
    "email.referral.invitation.subject": "€15 for you at Almé, from a friend",
    "email.referral.invitation.body": (
        "Hello,\n\n{member} thinks you will love Almé and offers you €15 off your first "
        "order. Get your code here:\n{url}\n\nThe {brand} team"
    ),
    "email.referral.friend_code.subject": "Your €15 Almé code",
    "email.referral.friend_code.body": (
        "Hello,\n\nHere is your code for €15 off your first Almé order, valid until "
        "{last_day}:\n\n{code}\n\nEnter it exactly as written, with the e-mail "
        "{email}.\n\nThe {brand} team"
    ),
    "email.referral.reward.subject": "Your friend ordered: €15 for you",
    "email.referral.reward.body": (
        "Hello {member},\n\nYour friend {friend} placed her first Almé order. Here is your "
        "€15 voucher, valid until {last_day}:\n\n{code}\n\nThe {brand} team"
    ),
    "email.return.declared.subject": "Your return {number}",
    "email.return.declared.body": (
        "Hello,\n\nWe have recorded your return {number}.\n\n{how}\n\nFollow it here: "
        "{url}\n\nThe {brand} team"
    ),
    "email.return.how.mondial_relay": (
        "Your prepaid label is attached and can be downloaded until {expires}. Print it, "
        "stick it over the old label, put the recipient card inside and drop the parcel at "
        "any Mondial Relay point."
    ),
    "email.return.how.mondial_relay_pending": (
        "Mondial Relay is preparing your prepaid label: we e-mail it to you within the hour. "
        "It can be used until {expires} at any Mondial Relay point."
    ),
    "email.return.label.subject": "Your prepaid label for return {number}",
    "email.return.label.body": (
        "Hello,\n\nHere is the prepaid label for your return {number} (Mondial Relay parcel "
        "{expedition}), attached and downloadable until {expires}. Print it, stick it over "
        "the old label, put the recipient card inside and drop the parcel at any Mondial "
        "Relay point.\n\nFollow it here: {url}\n\nThe {brand} team"
    ),
    "email.return.how.mondial_relay_paperless": (
        "No printer needed: show the attached QR code at any Mondial Relay point before "
        "{expires}. They print your prepaid label and stick it on your parcel. Put the "
        "recipient card inside."
    ),
    "email.return.label_paperless.subject": "Your QR code for return {number}",
    "email.return.label_paperless.body": (
        "Hello,\n\nHere is the QR code for your return {number} (Mondial Relay parcel "
        "{expedition}). No printer needed: show it at any Mondial Relay point before "
        "{expires}; they print your prepaid label and stick it on your parcel.\n\nFollow it "
        "here: {url}\n\nThe {brand} team"
    ),
    "email.return.how.store": (
        "Your label is attached and can be downloaded until {expires}. Bring your parcel "
        "with the recipient card inside to the salon you chose and show the label's QR "
        "code."
    ),
    "email.return.how.self_ship": (
        "Your label is attached and can be downloaded until {expires}. Send your parcel to "
        "{atelier} with the recipient card inside. Keep the postage receipt: we reimburse "
        "up to {cap}."
    ),
    "email.stock.subject": "{product} in size {size} is back",
    "email.stock.body": (
        "Hello,\n\nThe size you were waiting for is back in stock: {product}, {colour}, size "
        "{size}.\n\nThe {brand} team"
    ),
    "email.withdrawal.subject": "We received your withdrawal from order {number}",
    "email.withdrawal.body": "{statement}\n\nThe {brand} team",
    "withdrawal.statement": (
        "Statement of withdrawal\n\n{name} withdraws from the contract for order {number}, "
        "placed on {placed}.\n\nItems of the order:\n{items}\n\nWithdrawal made on "
        "{made}.\n\nNext steps: send the items back within {days} days of this withdrawal. "
        "The refund follows the return process: it is made once the items are back at our "
        "Atelier."
    ),
    "withdrawal.statement.item": "- {name}, {colour}, size {size} × {quantity}",
    "withdrawal.statement.more": "- and {count} more item(s)",
    "withdrawal.moment": "{day} {year} at {time} (Paris time)",
    "label.brand": "ALMÉ",
    "label.from": "From",
    "label.to": "To",
    "label.return": "Return",
    "label.parcel": "Parcel",
    "label.valid_until": "Valid until {date}",
    "label.prepaid": "Prepaid – {carrier}",
    "label.self_ship": "Postage paid by sender",
    "label.store": "Salon drop-off",
    "label.instructions": (
        "Print this label and stick it over the old label. Put the recipient card inside "
        "the parcel."
    ),
    "email.footer.help": "A question? Write to {email} or call {phone}, {hours}.",
    "email.footer.signature": "Almé Paris",
    "email.footer.unsubscribe": "Receive no more e-mails like this one",
    "email.footer.why_marketing": (
        "You receive this e-mail because you, or an Almé Lovers member, asked us to write to you."
    ),
    "unsubscribe.ask": (
        "Receive no more Almé invitations and back-in-stock alerts at this address? E-mails "
        "about your orders and your account still come."
    ),
    "unsubscribe.button": "Unsubscribe",
    "unsubscribe.done": "Done: this address receives no more invitations or alerts from Almé.",
    "unsubscribe.unknown": (
        "This link is not valid. Write to hello@almeparis.com and we will stop these e-mails."
    ),
    "email.parcel.out_for_delivery.subject": "Your Almé parcel arrives today",
    "email.parcel.out_for_delivery.body": (
        "Hello {first_name},\n\nYour parcel of order {number} is out for delivery with "
        "{carrier} today.\nFollow it: {tracking_url}\n\nThe {brand} team"
    ),
    "email.parcel.at_relay.subject": "Your Almé parcel is waiting for you at {relay}",
    "email.parcel.at_relay.body": (
        "Hello {first_name},\n\nYour parcel of order {number} is waiting for you at {relay}"
        ", {relay_address}.\nCollect it by {date} with an ID; after that it comes back to "
        "us.\nFollow it: {tracking_url}\n\nThe {brand} team"
    ),
    "email.parcel.late.subject": "Your Almé parcel is taking longer than expected",
    "email.parcel.late.body": (
        "Hello {first_name},\n\nYour parcel of order {number} was expected by {date} and "
        "has not arrived yet. {carrier} is still carrying it; follow it here:\n{tracking_url}"
        "\n\nIf nothing moves in the next few days, contact {carrier} with the tracking "
        "number {tracking_number}, or write to us at {contact}.\n\nThe {brand} team"
    ),
    "email.parcel.silent.subject": "No news of your Almé parcel for a few days",
    "email.parcel.silent.body": (
        "Hello {first_name},\n\nThe tracking of your parcel of order {number} has not moved "
        "since {date}. Tracking can lag; if it stays silent, contact {carrier} directly with "
        "the tracking number {tracking_number}:\n{tracking_url}\n\nThe {brand} team"
    ),
    "email.parcel.returned.subject": "Your Almé parcel is coming back to us",
    "email.parcel.returned.body": (
        "Hello {first_name},\n\n{carrier} is returning your parcel of order {number} to our "
        "Atelier. It cannot be sent again: once it is back, we refund it automatically "
        "within {days} working days.\n\nThe {brand} team"
    ),
}
