"""English messages. Keys are shared with `fr.py`; placeholders are `{name}`."""

MESSAGES: dict[str, str] = {
    # Shell
    "brand.city": "Paris",
    "brand.service": "Customer service",
    "nav.track": "Track an order",
    "nav.returns": "Returns & exchanges",
    "nav.loyalty": "Almé Lovers",
    "nav.referral": "Refer a friend",
    "nav.help": "Help",
    "nav.menu": "Menu",
    "nav.skip": "Skip to content",
    "nav.main_label": "Main",
    "page.title.home": "Almé · Customer service",
    "page.description.home": (
        "Track your Almé order, return or exchange an item, and follow your Almé Lovers loves."
    ),
    "page.title.help": "Help · Almé",
    "page.description.help": "Answers about delivery, returns, exchanges, refunds and Almé Lovers.",
    "page.title.track": "Track my order · Almé",
    "page.description.track": "Find your order with its number and e-mail to follow its parcels.",
    "page.title.order": "My order · Almé",
    "page.description.order": "Your order, its parcels and what you can still change.",
    "page.title.returns": "Returns & exchanges · Almé",
    "page.description.returns": "Return or exchange an item in a few steps, with a prepaid label.",
    "page.title.return": "My return · Almé",
    "page.description.return": "Where your return is, and where your refund is.",
    "page.title.withdrawal": "Withdrawal · Almé",
    "page.description.withdrawal": "Withdraw from your purchase within 14 days of delivery.",
    "page.title.loyalty": "Almé Lovers · Almé",
    "page.description.loyalty": "Your loves, your tier, your missions and your rewards.",
    "page.title.account": "My account · Almé",
    "page.description.account": "Your orders, returns and refunds, your e-mail and password.",
    "page.title.reset": "Forgotten password · Almé",
    "page.description.reset": "Choose a new password for your Almé account.",
    "page.title.confirm": "Confirm your e-mail · Almé",
    "page.description.confirm": "Confirm the e-mail address of your Almé account.",
    "page.title.referral": "Refer a friend · Almé",
    "page.description.referral": "Share your link: your friend gets €15 off, you get a voucher.",
    "page.title.friend": "€15 for your first order · Almé",
    "page.description.friend": "A friend invites you to Almé: €15 off your first order.",
    "page.title.staff": "Atelier console · Almé",
    "page.description.staff": "For the Atelier staff: receive and inspect returns.",
    "page.title.not_found": "Page not found · Almé",
    "page.description.not_found": "This page does not exist.",
    "lang.label": "Language",
    "lang.en": "English",
    "lang.fr": "Français",
    "footer.contact": "Contact us",
    "footer.hours": "Monday to Friday, {morning} and {afternoon}",
    "footer.note": "Our advisers answer by e-mail and phone.",
    "footer.rights": "Almé Paris. Self-service portal.",
    # Home
    "home.kicker": "Almé customer service",
    "home.title": "How can we help you today?",
    "home.intro": (
        "Follow a parcel, return or exchange an item, see your loves and invite a friend:"
        " everything is here, without waiting for an answer."
    ),
    "home.track.title": "Track an order",
    "home.track.body": (
        "Where your parcels are, when they arrive, and what to do if something goes wrong."
    ),
    "home.track.cta": "Track my order",
    "home.returns.title": "Return or exchange",
    "home.returns.body": (
        "Declare a return or an exchange within {days} days of delivery and download your"
        " prepaid label."
    ),
    "home.returns.cta": "Start a return",
    "home.loyalty.title": "Almé Lovers",
    "home.loyalty.body": "Your loves, your tier, your missions and your rewards.",
    "home.loyalty.cta": "See my loves",
    "home.referral.title": "Refer a friend",
    "home.referral.body": "{amount} for you, {amount} for your friend on her first order.",
    "home.referral.cta": "Share my link",
    "home.help.title": "A question?",
    "home.help.body": "Delivery times, refunds, gift cards, tiers: the answers are in our help.",
    "home.help.cta": "Read the help",
    # Help
    "help.title": "Help",
    "help.intro": "Our policies in plain words. Search or browse by topic.",
    "help.search.label": "Search the help",
    "help.search.placeholder": "e.g. refund, relay point, gift card",
    "help.search.button": "Search",
    "help.results.count": "{count} answers",
    "help.results.one": "1 answer",
    "help.results.none": "No answer matches your search.",
    "help.results.none.next": "Try another word, or contact us:",
    "help.clear": "Show all topics",
    # Not found and errors
    "notfound.title": "This page does not exist",
    "notfound.body": "The link may be mistyped or the page may have moved.",
    "notfound.home": "Back to the home page",
    "notfound.help": "Read the help",
    "error.dismiss": "Close",
    "error.generic": (
        "Something went wrong on our side. Please try again in a moment, or contact"
        " hello@almeparis.com."
    ),
    # Tracking: guest lookup (O1-O11)
    "track.kicker": "Order tracking",
    "track.title": "Track my order",
    "track.intro": "Enter your order number and the e-mail address used for the order.",
    "track.number": "Order number",
    "track.number.hint": "8 characters, e.g. AL100101, in your confirmation e-mail",
    "track.email": "E-mail",
    "track.submit": "Find my order",
    "track.not_found": (
        "We could not find an order with this number and e-mail. Check both and try again."
    ),
    "track.rate_limited": "Too many attempts. You can try again at {time}.",
    "track.missing": "Please enter your order number and your e-mail.",
    "track.again": "Look up another order",
    "track.need_lookup": "To see an order, first find it with its number and e-mail.",
    # Tracking: order page
    "order.title": "Order {number}",
    "order.placed": "Placed on {date}",
    "order.items": "Items",
    "order.payment": "Payment",
    "order.delivery": "Delivery",
    "order.relay": "Mondial Relay point",
    "order.subtotal": "Subtotal",
    "order.shipping": "Shipping",
    "order.discount": "Discount",
    "order.total": "Total paid",
    "order.quantity": "Qty {quantity}",
    "order.size": "Size {size}",
    "order.parcels": "Parcels",
    "order.parcel": "Parcel {index} of {count}",
    "order.tracking_number": "Tracking number",
    "order.carrier_link": "Follow on the carrier's site",
    "order.expected": "Expected between {start} and {end}",
    "order.estimate_day": "{carrier} expects to deliver it on {date}.",
    "order.estimate_window": (
        "{carrier} expects to deliver it on {date}, between {start} and {end}."
    ),
    "order.ships_on": "Ships on {date}",
    "order.planned": "Ships on {date} (pre-order)",
    "order.not_dispatched": "Being prepared: it leaves our warehouse within 24 working hours.",
    "order.waiting_relay": "Waiting for you at {relay} until {date}.",
    "order.delivered_on": "Delivered on {date}",
    "order.stale": "The carrier is not answering right now: these are the last known events.",
    "order.unavailable": (
        "The carrier is not answering right now, so we cannot show this parcel's journey."
        " Please try again in a few minutes."
    ),
    "order.no_events": "No tracking events yet.",
    "order.status.confirmed": "Confirmed",
    "order.status.partially_dispatched": "Partly dispatched",
    "order.status.dispatched": "Dispatched",
    "order.status.delivered": "Delivered",
    "order.status.cancelled": "Cancelled",
    "order.status.returned_to_sender": "Returned to the Atelier",
    "parcel.status.planned": "Not dispatched yet",
    "parcel.status.label_created": "Label created",
    "parcel.status.dispatched": "Dispatched",
    "parcel.status.in_transit": "In transit",
    "parcel.status.out_for_delivery": "Out for delivery",
    "parcel.status.available_for_pickup": "Ready to collect",
    "parcel.status.ready_for_pickup": "Ready to collect",
    "parcel.status.delivery_failed": "Delivery attempt failed",
    "parcel.status.exception": "Problem in transit",
    "parcel.status.returning_to_sender": "Returning to us",
    "parcel.status.returned_to_sender": "Back at the Atelier",
    "parcel.status.delivered": "Delivered",
    "parcel.status.unknown": "Status unavailable",
    "payment.card": "Card",
    "payment.instalments_3": "3 instalments",
    "payment.deferred_15": "Deferred payment, 15 days",
    "payment.deferred_30": "Deferred payment, 30 days",
    "payment.paypal": "PayPal",
    "payment.gift_card": "Gift card",
    "payment.credit_note": "Credit note",
    "order.back": "Look up another order",
    "order.events": "Tracking history",
    # Rule O1
    "change.title": "Change of mind?",
    "change.intro": (
        "As long as your order has not been dispatched, we can still cancel it or modify it"
        " (size, colour, delivery location). We cannot guarantee it: your order may ship in the"
        " meantime."
    ),
    "change.modify": "Modify my order",
    "change.cancel": "Cancel my order",
    "change.topic": "What would you like to change?",
    "change.topic.item": "The size or colour of an item",
    "change.topic.address": "The delivery address",
    "change.topic.relay": "The relay point",
    "change.item": "Item",
    "change.colour": "Colour",
    "change.size": "Size",
    "change.first_name": "First name",
    "change.last_name": "Last name",
    "change.address": "Address",
    "change.postcode": "Postcode",
    "change.city": "City",
    "change.same_country": "Delivery stays in the same country.",
    "change.relay_point": "Relay point",
    "change.send": "Send my request",
    "change.close": "Never mind",
    "change.cancel_question": "Cancel the whole order?",
    "change.cancel_body": (
        "We will try to stop it before it leaves our warehouse and refund you. This is not"
        " guaranteed: it may ship in the meantime."
    ),
    "change.cancel_yes": "Yes, cancel my order",
    "change.cancel_no": "Keep my order",
    "change.already_requested": (
        "You have already sent this request: our team answers it by e-mail."
    ),
    "change.pending.cancel": (
        "You asked to cancel this order on {date}: our team answers by e-mail before it ships."
    ),
    "change.pending.modify": (
        "You asked to change this order on {date}: our team answers by e-mail before it ships."
    ),
    "change.recorded": (
        "Your request is recorded and we have e-mailed you a copy. It is not guaranteed: your"
        " order may ship in the meantime."
    ),
    "change.after.delivered": (
        "Your order is delivered, so it can no longer be modified or cancelled: you can return "
        "or exchange it."
    ),
    "change.after.window_closed": (
        "Your order is delivered and its 14-day return window closed on {date}: for a problem "
        "with an item, contact customer service."
    ),
    "change.after.returned": (
        "Your parcel came back to our Atelier: it is refunded in full, with nothing to send back."
    ),
    "change.refused.dispatched": (
        "Your order has left our warehouse, so it can no longer be modified or cancelled. Once"
        " it arrives, you can return or exchange it."
    ),
    "change.refused.cancelled": "This order is cancelled: there is nothing left to change.",
    "change.refused.not_found": "Look up your order again to change it.",
    "change.returns_link": "Return or exchange an item",
    "change.invalid.kind": "This request is not possible.",
    "change.invalid.details": "Please fill in every field of the change you want.",
    "change.invalid.line": "This item is not part of your order.",
    "change.invalid.same_item": "Choose a colour or size different from the one you ordered.",
    "change.invalid.variant": "This item does not exist in that colour and size.",
    "change.invalid.relay_point": "This relay point is not available: please choose another.",
    "guide.silent": (
        "Tracking has not moved for several days. It can lag after a parcel leaves our"
        " warehouse; if it stays silent, contact the carrier directly."
    ),
    "guide.not_received": (
        "Marked delivered but not received? Ask your neighbours, caretaker or concierge and"
        " check your post office. Still missing? Contact us."
    ),
    "guide.returned": (
        "This parcel came back to our Atelier. It cannot be sent again: it will be refunded"
        " automatically by {date}."
    ),
    "guide.customs": (
        "Delivery outside the EU: customs fees may be due when you collect the parcel."
    ),
    "guide.cancelled": (
        "This order is cancelled. A question about it? Contact us at {email} or {phone}."
    ),
    "guide.dispatch_email": (
        "When a parcel leaves, we e-mail its tracking link to {email} (check your spam folder)."
    ),
    # Rule C2
    "c2.warning": (
        "Addresses ending in @wanadoo.fr or @orange.fr currently receive no e-mail from us."
        " Please note this information, or call us on {phone} ({hours})."
    ),
    "c2.bounced": (
        "The mail server of this address refuses our e-mails: this one will not arrive."
        " Please note this information, or call us on {phone} ({hours})."
    ),
}
