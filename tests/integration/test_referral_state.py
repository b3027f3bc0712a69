"""Refer a friend through its states: hers only, forged calls refused, the friend's landing."""

import reflex as rx
from conftest import run
from sqlmodel import func, select
from test_accounts import log_in

from alme_portal.referral.models import ReferralInvite
from alme_portal.state.referral import FriendState, ReferralState


def state_of(cls, **values):
    state = rx.State().get_substate(cls.get_full_name().split(".")[1:])
    for name, value in values.items():
        setattr(state, name, value)
    return state


def invites(session):
    session.commit()
    return session.exec(select(func.count()).select_from(ReferralInvite)).one()


def test_f1_her_page_gives_her_link_and_refuses_forged_input(demo_session):
    state = state_of(ReferralState, _login_token=log_in(demo_session).value.token)
    run(state.load_referral())
    assert state.referral_link.endswith(state.referral_link[-8:]) and "/r/" in state.referral_link
    assert state.whatsapp_url.startswith("https://wa.me/?text=")
    for forged in (None, "x", {"email": ["a@b.fr"]}, {"email": "no"}):
        run(state.send_invite(forged))
        assert not state.referral_ok
    for forged in ({"invite_id": "1 or 1=1", "email": "a@b.fr"}, {"invite_id": "999"}, None):
        run(state.correct_invite(forged))
        assert not state.referral_ok
    assert invites(demo_session) == 0


def test_a_logged_out_tab_refers_nobody_and_downloads_nothing(demo_session):
    state = state_of(ReferralState)
    run(state.send_invite({"email": "friend@example.fr"}))
    assert run(state.download_qr()) is None
    assert state.referral_link == "" and invites(demo_session) == 0


def test_f5_another_members_referral_cannot_be_corrected(demo_session):
    camille = state_of(ReferralState, _login_token=log_in(demo_session).value.token)
    run(camille.send_invite({"email": "lea.nwe@example.fr"}))
    invite_id = camille.invites[0]["id"]
    ines = state_of(
        ReferralState,
        _login_token=log_in(
            demo_session, email="ines.benali@example.fr", password="Lovers-Lyon-2026"
        ).value.token,
    )
    run(ines.correct_invite({"invite_id": invite_id, "email": "mine@example.fr"}))
    assert ines.referral_message == "This referral is not yours."
    demo_session.commit()
    assert demo_session.exec(select(ReferralInvite.friend_email)).one() == "lea.nwe@example.fr"


def test_f3_the_friend_gets_her_code_on_a_known_link_only(demo_session, monkeypatch):
    camille = state_of(ReferralState, _login_token=log_in(demo_session).value.token)
    run(camille.load_referral())
    code = camille.referral_link.rsplit("/", 1)[1]
    friend = state_of(FriendState)
    monkeypatch.setattr(FriendState, "_code", lambda self: "NOTACODE")
    run(friend.load_friend())
    assert not friend.link_known
    monkeypatch.setattr(FriendState, "_code", lambda self: code)  # what /r/<code> gives
    run(friend.load_friend())
    assert friend.link_known and friend.kicker == "A gift from Camille"
    run(friend.get_code({"email": "zoe@example.fr"}))
    assert friend.friend_code.startswith("AMIE-") and "zoe@example.fr" in friend.friend_until
