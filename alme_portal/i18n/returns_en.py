"""English messages of returns, exchanges, alerts and withdrawal (keys shared with returns_fr)."""

MESSAGES: dict[str, str] = {
    "returns.kicker": "Returns & exchanges",
    "returns.title": "Return or exchange an item",
    "returns.intro": (
        "You have {days} days from delivery. Find your order with its number and e-mail: we"
        " will guide you step by step."
    ),
    "returns.step.items": "Items",
    "returns.step.resolve": "Reason",
    "returns.step.details": "Details",
    "returns.step.method": "Return method",
    "returns.step.review": "Confirm",
    "returns.progress": "Step {index} of {count}",
    "returns.items.title": "Select the items to return",
    "returns.items.intro": "Several items can travel in the same parcel.",
    "returns.quantity": "Quantity to return",
    "returns.until": "Returnable until {date}",
    "returns.refused.not_delivered": "Not delivered yet: you can return it once it arrives.",
    "returns.refused.window_closed": "The 14-day return window closed on {date}.",
    "returns.refused.already_returned": "Already declared in a return.",
    "returns.items.none": "Choose at least one item to return.",
    "returns.nothing_returnable": "Nothing on this order can be returned today.",
    "returns.continue": "Continue",
    "returns.order_being_returned": "Returning from order",
    "returns.find_another_order": "Find another order",
    "returns.loves.taken": (
        "Almé Lovers: this return cancels {loves} of this order's pending loves if we receive it"
        " before {date} (after that day they are yours). Your tier does not change."
    ),
    "returns.loves.unchanged": "Almé Lovers: your loves and your tier do not change.",
    "returns.relay_points_label": "Mondial Relay points near you",
    "returns.back": "Back",
    "returns.add_items": "Add other items",
    "returns.item_of": "Item {index} of {count}",
    "returns.reason": "Why are you returning it?",
    "returns.reason.damaged_or_defective": "Damaged or defective",
    "returns.reason.poor_quality": "Poor quality",
    "returns.reason.arrived_crumpled": "Arrived crumpled",
    "returns.reason.wrong_item": "Item received incorrectly (wrong item)",
    "returns.reason.too_small": "Too small",
    "returns.reason.too_big": "Too big",
    "returns.reason.fit": "The cut does not suit me",
    "returns.reason.not_as_pictured": "Different from the pictures",
    "returns.reason.changed_mind": "I changed my mind",
    "returns.defect_note": (
        "Defective items are set aside on arrival. A defect found on receipt must be reported"
        " within 48 hours to {email}."
    ),
    "returns.resolution": "What would you like instead?",
    "returns.resolution.refund": "A refund",
    "returns.resolution.size_exchange": "Exchange the item for another size",
    "returns.resolution.product_exchange": "Exchange the item for another product or colour",
    "returns.refund_method": "How would you like to be refunded?",
    "returns.refund.credit_note": "Credit note, valid 1 year, usable over several orders",
    "returns.refund.original": "Original payment method",
    "returns.confirm_refund": "Confirm refund",
    "returns.exchange_size": "Exchange the item",
    "returns.exchange_product": "Exchange the item for another product",
    "returns.size": "New size",
    "returns.size_out": "{size} – out of stock",
    "returns.product": "Product",
    "returns.colour": "Colour",
    "returns.variant": "{size} · {price}",
    "returns.variant_out": "{size} · {price} – out of stock",
    "returns.diff.pay": "You pay the difference: {amount}.",
    "returns.diff.refund": "We refund the difference: {amount}.",
    "returns.diff.none": "Same price: nothing to pay.",
    "returns.same_price": "The price you paid stands, whatever today's price.",
    "returns.free_shipping": (
        "Exchange shipping is free, to your original delivery address or relay point. It"
        " leaves once we receive your return (about {days} days after drop-off)."
    ),
    "returns.out_of_stock": (
        "This size is out of stock. You can return the item instead, and we can e-mail you"
        " as soon as it is back."
    ),
    "returns.return_instead": "Return it instead",
    "returns.alert.title": "Back-in-stock alert",
    "returns.alert.email": "E-mail",
    "returns.alert.create": "CREATE ALERT",
    "alert.created": "Done: we will e-mail you as soon as this size is back.",
    "alert.exists": "An alert is already set for this size and e-mail.",
    "alert.invalid.email": "Please enter a valid e-mail address.",
    "alert.invalid.in_stock": "This size is in stock: no alert needed.",
    "alert.invalid.variant": "This size does not exist.",
    "returns.details.title": "Check your details",
    "returns.details.intro": "They are printed as the sender on your return label.",
    "returns.method.title": "How will you send it back?",
    "returns.method.mondial_relay": "Mondial Relay drop-off, prepaid label",
    "returns.method.store": "Drop off my return in store",
    "returns.method.self_ship": "Ship it yourself, reimbursed up to {cap}",
    "returns.method.self_ship_note": (
        "Mondial Relay does not serve your country: send the parcel to our Atelier with the"
        " carrier of your choice and keep the receipt. We reimburse postage up to {cap}."
    ),
    "returns.relay.any": "Any Mondial Relay point accepts your label; choosing one is optional.",
    "returns.relay.postcode": "Postcode",
    "returns.relay.search": "Find relay points",
    "returns.relay.chosen": "Your drop-off point",
    "returns.relay.locker": "Locker",
    "relay.invalid.country": "Mondial Relay points can be searched in France and Belgium.",
    "relay.invalid.postcode": "Please enter a valid postcode.",
    "relay.none_near": (
        "No Mondial Relay point near this postcode: try another one nearby, or drop your return"
        " in store."
    ),
    "relay.unavailable": "Mondial Relay is not answering right now. Please try again shortly.",
    "returns.salon": "Salon",
    "returns.review.title": "Check and confirm",
    "returns.review.method": "Return method",
    "returns.review.sender": "Sender",
    "returns.confirm": "Confirm my return",
    "returns.outcome.size_exchange": "Exchange for {item}",
    "returns.outcome.product_exchange": "Exchange for {item}",
    "returns.done.title": "Your return {number} is recorded",
    "returns.done.mondial_relay": (
        "Print your label, stick it over the old label, put the recipient card inside and drop"
        " the parcel at any Mondial Relay point before {date}."
    ),
    "returns.done.store": "Bring your parcel, recipient card inside, to {salon}.",
    "returns.done.self_ship": (
        "Send your parcel to our Atelier, recipient card inside, and keep the postage receipt:"
        " we pay the postage back up to {cap}."
    ),
    "returns.done.asked": "What you asked for",
    "returns.review.refund_amount": "{amount} back once we inspect it",
    "returns.done.email": "We have also e-mailed it to you.",
    "returns.download": "Download your return label",
    "returns.download.pdf": "PDF to print",
    "returns.download.png": "Image for your phone",
    "returns.status_link": "Follow my return",
    "returns.invalid.draft": "Something is missing in your return. Please check each step.",
    "returns.invalid.order": "Find your order again to return it.",
    "returns.invalid.line": "This item is not part of your order.",
    "returns.invalid.quantity": "You cannot return more than you received.",
    "returns.invalid.refund_method": "Choose how you would like to be refunded.",
    "returns.invalid.exchange": "Choose the item you would like instead.",
    "returns.invalid.pick_exchange": "Choose the item you would like instead.",
    "returns.invalid.out_of_stock": "This item is out of stock: choose another or a refund.",
    "returns.invalid.method": "Choose how you will send your return.",
    "returns.invalid.salon": "Choose a salon.",
    "returns.invalid.relay_point": "This relay point is unknown: search again.",
    "returns.invalid.reason": "Choose a reason.",
    "returns.invalid.resolution": "Choose a refund or an exchange.",
    "returns.invalid.details": "Please fill in every field.",
    "returns.label.expired": "This label has expired (labels last 14 days). Please contact us.",
    "returns.label.format": "This file format is not available.",
    "returns.label.none": "This return has no label.",
    "returns.label.pending": "Your label is being prepared, we e-mail it within the hour.",
    "returns.label.paperless": "Your return has a QR code instead: download it as an image.",
    "returns.paperless.choice": "No printer? Show a QR code at the relay point instead",
    "returns.done.mondial_relay_paperless": (
        "No printer needed: show this QR code at any Mondial Relay point before {date}. They "
        "print your prepaid label and stick it on your parcel; put the recipient card inside."
    ),
    "returns.download.qr": "QR code for the relay point",
    "returns.invalid.paperless": "The QR code is not available: your label will be printed.",
    "returns.status.parcel": "Mondial Relay parcel {number}",
    "returns.parcel.title": "Your parcel",
    "returns.parcel.booked": "Label booked with Mondial Relay",
    "returns.parcel.dropped_off": "Handed in at a relay point",
    "returns.parcel.on_its_way": "On its way to our Atelier",
    "returns.parcel.at_atelier": "Delivered to our Atelier",
    "returns.parcel.problem": (
        "Mondial Relay reports a problem with your parcel. We are looking into it and will "
        "write to you."
    ),
    "returns.invalid.phone": (
        "Mondial Relay needs your mobile number to text you about your parcel: please enter it."
    ),
    "returns.invalid.street_too_long": (
        "Mondial Relay prints your street on two lines of 32 characters: please shorten it."
    ),
    "returns.sender.phone": "Mobile phone (Mondial Relay texts you when your parcel is scanned)",
    "returns.money.credit_note_on_page": (
        "Your credit note is issued as soon as we receive and inspect your return, valid 1 year:"
        " its code shows on this page."
    ),
    "returns.shoes.packing": (
        "Shoes go back in their shoe box with their dust bag, and keep their protective sole on"
        " the soles: without them the Atelier cannot accept the return."
    ),
    "returns.money.credit_note": (
        "Your credit note is e-mailed as soon as we receive and inspect your return. It is"
        " valid 1 year."
    ),
    "returns.money.original": (
        "Refunded to your payment method as soon as we receive and inspect your return;"
        " visible on your account 2 to 3 days later."
    ),
    "returns.money.gift_card": "Credited back to your gift card once we inspect your return.",
    "returns.money.gift_card_first": (
        "Your gift card is credited first, up to what it paid; the rest goes back to your"
        " other payment method."
    ),
    "returns.money.instalments": (
        "Your remaining instalments are reduced, or cancelled with the excess refunded."
    ),
    "returns.money.deferred": (
        "Received before your payment date, the item is never charged; after it, it is"
        " credited back."
    ),
    "returns.money.exchange": "Nothing to refund: your new item ships once we receive this one.",
    "returns.status.kicker": "Return",
    "returns.status.title": "Return {number}",
    "returns.status.order": "Order {number}",
    "returns.status.declared": "Declared",
    "returns.status.dropped_off": "Dropped off",
    "returns.status.received": "Received at the Atelier",
    "returns.status.inspected": "Inspected",
    "returns.status.done": "Refunded or exchanged",
    "returns.status.refunded": "Refunded",
    "returns.status.credit_note_issued": "Credit note issued",
    "returns.status.exchange_shipped": "Exchange shipped",
    "returns.status.refused": "Refused after inspection",
    "returns.status.items": "Items",
    "returns.status.money": "Your money",
    "returns.status.place": "Where to send it",
    "returns.status.denied": "Find your order first to see its returns.",
    "returns.label_until": "Label valid until {date}",
    # EU withdrawal function
    "withdrawal.link": "Withdraw from contract here",
    "withdrawal.title": "Withdraw from your contract",
    "withdrawal.intro": (
        "You may withdraw from this order within 14 days of receiving it, without giving a"
        " reason. We only need what identifies your contract."
    ),
    "withdrawal.name": "Your name",
    "withdrawal.email": "E-mail used for the order",
    "withdrawal.confirm": "Confirm withdrawal",
    "withdrawal.done": "We have received your withdrawal",
    "withdrawal.next": "Start my return",
    "withdrawal.invalid.email": "This e-mail is not the one of the order.",
    "withdrawal.invalid.name": "Please enter your name.",
    "withdrawal.invalid.closed": "The withdrawal period of this order has ended.",
    "withdrawal.invalid.order": "Find your order first.",
}
