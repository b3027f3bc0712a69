"""Issue 21: every button that says it is working (`loading=`) really spins in the browser.

Reflex sends a tab its changes when a handler yields or ends: the flag a button's spinner reads
must be on at the handler's first yield, before the work, and off once it is done.
"""

import asyncio

import pytest
import reflex as rx
from conftest import NOW

from alme_portal.platform import clock
from alme_portal.state.account import AccountState
from alme_portal.state.account_links import AccountLinkState
from alme_portal.state.loyalty import LoyaltyState
from alme_portal.state.my_account import MyAccountState
from alme_portal.state.order_change import OrderChangeState
from alme_portal.state.referral import ReferralState
from alme_portal.state.return_draft import ReturnState
from alme_portal.state.tracking import TrackState
from alme_portal.state.withdrawal import WithdrawalState

LOOKUP = {"order_number": "AL100101", "email": "camille.moreau@example.fr"}
LOG_IN = {"email": "ines.benali@example.fr", "password": "not her password"}
SPINNING = [
    (TrackState, "find_order", "busy", (LOOKUP,)),
    (ReturnState, "find_for_return", "sending", (LOOKUP,)),
    (WithdrawalState, "confirm_withdrawal", "sending", ({**LOOKUP, "name": "Camille"},)),
    (AccountState, "log_in", "account_busy", (LOG_IN,)),
    (AccountState, "sign_up", "account_busy", ({},)),
    (LoyaltyState, "log_in_here", "account_busy", (LOG_IN,)),
    (LoyaltyState, "sign_up_here", "account_busy", ({},)),
    (MyAccountState, "log_in_account", "account_busy", (LOG_IN,)),
    (MyAccountState, "sign_up_account", "account_busy", ({},)),
    (ReferralState, "log_in_referral", "account_busy", (LOG_IN,)),
    (ReferralState, "sign_up_referral", "account_busy", ({},)),
    (AccountLinkState, "request_reset", "link_busy", ({"email": "ines.benali@example.fr"},)),
    (AccountLinkState, "choose_password", "link_busy", ({"password": "a new one, long"},)),
    (AccountLinkState, "confirm_email", "link_busy", ()),
    (OrderChangeState, "send_modification", "sending", ({},)),
    (OrderChangeState, "confirm_cancellation", "sending", ()),
]


@pytest.mark.parametrize(("cls", "handler", "flag", "args"), SPINNING,
                         ids=[f"{cls.__name__}.{name}" for cls, name, *_ in SPINNING])  # fmt: skip
def test_the_spinner_is_sent_before_the_work_and_stops_after(demo_session, cls, handler, flag,
                                                             args):  # fmt: skip
    state = rx.State().get_substate(cls.get_full_name().split(".")[1:])
    seen = []

    async def press():
        updates = type(state).event_handlers[handler].fn(state, *args)
        await anext(updates)
        seen.append(getattr(state, flag))  # what the first delta carries
        async for _ in updates:
            pass
        seen.append(getattr(state, flag))

    with clock.use_clock(NOW):
        asyncio.run(press())
    assert seen == [True, False]
