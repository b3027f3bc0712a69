"""Route paths of the portal, in one place."""

HOME = "/"
TRACK = "/track"
RETURNS = "/returns"
LOYALTY = "/loyalty"
ACCOUNT = "/account"
ACCOUNT_RESET = "/account/reset"
ACCOUNT_CONFIRM = "/account/confirm"
STAFF = "/staff"
REFERRAL = "/referral"
FRIEND = "/r/[ref_code]"
HELP = "/help"
NOT_FOUND = "404"
ORDER = "/track/[order_ref]"


def order_page(order_number: str) -> str:
    """The address of an order's page (it only opens for a tab that looked the order up)."""
    return f"/track/{order_number}"


RETURN = "/returns/[return_ref]"
WITHDRAW = "/withdraw"


def return_page(number: str) -> str:
    """The status page of a return (it opens for a tab that found the order)."""
    return f"/returns/{number}"


def returns_for(order_number: str) -> str:
    """The return wizard started on an order this tab already found."""
    return f"{RETURNS}?order={order_number}"


def withdraw_page(order_number: str) -> str:
    """The EU withdrawal form of an order."""
    return f"{WITHDRAW}?order={order_number}"
