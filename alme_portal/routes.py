"""Route paths of the portal, in one place."""

HOME = "/"
TRACK = "/track"
RETURNS = "/returns"
LOYALTY = "/loyalty"
REFERRAL = "/referral"
HELP = "/help"
NOT_FOUND = "404"
