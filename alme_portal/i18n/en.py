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
    "error.generic": (
        "Something went wrong on our side. Please try again in a moment, or contact"
        " hello@almeparis.com."
    ),
    # Rule C2
    "c2.warning": (
        "Addresses ending in @wanadoo.fr or @orange.fr currently receive no e-mail from us."
        " Please note this information, or call us on {phone} ({hours})."
    ),
}
