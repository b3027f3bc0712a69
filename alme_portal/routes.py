"""Route paths of the portal, in one place."""

HOME = "/"
TRACK = "/track"
RETURNS = "/returns"
LOYALTY = "/loyalty"
REFERRAL = "/referral"
HELP = "/help"
NOT_FOUND = "404"
ORDER = "/track/[order_ref]"


def order_page(order_number: str) -> str:
    """The address of an order's page (it only opens for a tab that looked the order up)."""
    return f"/track/{order_number}"
