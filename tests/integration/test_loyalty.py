"""Almé Lovers on the real database: purchases from the feed, missions, rewards, dashboard."""

import inspect
import threading
from datetime import date, datetime, time, timedelta

import pytest
import reflex as rx
import sqlalchemy as sa
from conftest import NOW, run
from sqlmodel import func, select
from test_order_feed import event, order_data

from alme_portal import cli
from alme_portal.accounts.models.customers import Customer
from alme_portal.accounts.services import auth as accounts
from alme_portal.loyalty import rules
from alme_portal.loyalty.models import LovesCheckpoint, LovesEntry, LoyaltyVoucher
from alme_portal.loyalty.services import ledger as loyalty
from alme_portal.orders.models.orders import Order
from alme_portal.orders.services import feed as order_feed
from alme_portal.platform import clock, db, settings
from alme_portal.platform.models import OutboxEmail
from alme_portal.state.loyalty import LoyaltyState

MEMBER = "lea.martin@example.fr"  # the demo's new member: no loves yet
TODAY = clock.in_paris(NOW).date()


def member_id(session, email=MEMBER):
    return session.exec(select(Customer.id).where(Customer.email == email)).one()


@pytest.fixture(autouse=True)
def demo_ledger_end(demo_session):
    """The demo's own ledger rows end here; the tests look at the rows they add."""
    BASELINE[0] = demo_session.exec(select(func.max(LovesEntry.id))).one() or 0


BASELINE = [0]


def entries(session, kind=None):
    query = select(LovesEntry).where(LovesEntry.id > BASELINE[0]).order_by(LovesEntry.id)
    if kind:
        query = query.where(LovesEntry.kind == kind)
    return session.exec(query).all()


def vouchers(session):
    query = select(LoyaltyVoucher).where(LoyaltyVoucher.customer_id == member_id(session))
    return session.exec(query).all()


def give(session, customer, loves, days_ago=30):
    """Released loves from an old purchase (the demo has no ledger yet)."""
    day = TODAY - timedelta(days=days_ago)
    loyalty.append(session, customer, rules.Entry("purchase", loves, day, day, f"OLD{loves}"))
    session.commit()


def place(session, number, email, event_id, logged_in=True, **changes):
    data = order_data(number=number, email=email, logged_in=logged_in, **changes)
    with clock.use_clock(NOW):
        outcome = order_feed.apply_feed_event(session, event("order.created", data, event_id))
    session.commit()
    return outcome


def test_l1_l3_an_order_of_a_member_earns_pending_loves_once(demo_session):
    outcome = place(demo_session, "AL200001", MEMBER.upper(), "evt-member")
    assert outcome.status == "done"
    [entry] = entries(demo_session, "purchase")
    total = order_data()["total_cents"]
    assert (entry.customer_id, entry.loves) == (member_id(demo_session), total // 10)
    assert entry.reference == "AL200001"
    assert entry.available_on == date(2026, 11, 25) + timedelta(days=18)
    assert place(demo_session, "AL200001", MEMBER.upper(), "evt-member").status == "already_done"
    assert len(entries(demo_session, "purchase")) == 1


def test_l9_an_order_placed_logged_out_or_as_a_guest_earns_nothing(demo_session):
    place(demo_session, "AL200002", "someone.new@example.fr", "evt-guest")
    place(demo_session, "AL200004", MEMBER, "evt-logged-out", logged_in=False)
    assert entries(demo_session) == []


def test_l2_mission_credited_once_and_unknown_refused(demo_session):
    member = member_id(demo_session)
    with clock.use_clock(NOW):
        first = loyalty.complete_mission(demo_session, member, "instagram")
        again = loyalty.complete_mission(demo_session, member, "instagram")
        unknown = loyalty.complete_mission(demo_session, member, "myspace")
        forged = loyalty.complete_mission(demo_session, "1 OR 1=1", "birthday")
    demo_session.commit()
    assert (first.status, first.value.loves) == ("done", 200)
    assert (again.status, unknown.status, forged.status) == ("already_done", "invalid", "invalid")
    assert [(e.kind, e.loves, e.reference) for e in entries(demo_session)] == [
        ("mission", 200, "instagram")
    ]


def test_l2_birthday_is_a_real_date_set_once(demo_session):
    camille = member_id(demo_session, "camille.moreau@example.fr")
    ines = member_id(demo_session, "ines.benali@example.fr")
    with clock.use_clock(NOW):
        tries = [
            loyalty.complete_mission(demo_session, ines, "birthday", birthday=value).message_key
            for value in (None, "14/05/1991", "2026-02-30", "2030-01-01", "1850-01-01")
        ]
        done = loyalty.complete_mission(demo_session, ines, "birthday", birthday="1994-02-28")
        changed = loyalty.complete_mission(demo_session, camille, "birthday", birthday="1990-01-01")
    demo_session.commit()
    assert tries == ["loyalty.birthday.invalid"] * 5
    assert done.status == "done"
    assert str(demo_session.get(Customer, ines).birthday) == "1994-02-28"
    assert changed.message_key == "loyalty.birthday.set"  # hers is 14 May 1991: no farming
    assert str(demo_session.get(Customer, camille).birthday) == "1991-05-14"
    assert len(entries(demo_session, "mission")) == 1


def test_l2_newsletter_mission_records_the_subscription(demo_session):
    member = member_id(demo_session)
    with clock.use_clock(NOW):
        assert loyalty.complete_mission(demo_session, member, "newsletter").status == "done"
    demo_session.commit()
    assert clock.as_utc(demo_session.get(Customer, member).newsletter_since) == NOW


def test_l2_the_database_refuses_a_mission_twice(demo_session, monkeypatch):
    member = member_id(demo_session)
    with clock.use_clock(NOW):
        loyalty.complete_mission(demo_session, member, "newsletter")
        # Another tab checked the ledger before the first one wrote.
        monkeypatch.setattr(loyalty, "missions_done", lambda *args: [])
        assert loyalty.complete_mission(demo_session, member, "newsletter").status == "already_done"
    demo_session.commit()
    assert len(entries(demo_session, "mission")) == 1


def test_l5_redeeming_turns_loves_into_a_three_month_voucher(demo_session):
    member = member_id(demo_session)
    give(demo_session, member, 1_200)
    with clock.use_clock(NOW):
        outcome = loyalty.redeem(demo_session, member, 1_000)
    demo_session.commit()
    assert outcome.status == "done" and outcome.value.code.startswith("LOVE-")
    [voucher] = vouchers(demo_session)
    bought = (voucher.code, voucher.amount_cents, voucher.loves_spent)
    assert bought == (outcome.value.code, 1_200, 1_000)
    assert (voucher.issued_on, voucher.last_day) == (TODAY, date(2027, 2, 24))
    assert rules.balance(loyalty.ledger(demo_session, member), TODAY).available == 200


@pytest.mark.parametrize(("loves", "key"), [(2_500, "loyalty.reward.unaffordable"),
                                            (700, "loyalty.reward.unknown"),
                                            ("500", "loyalty.reward.unknown")])  # fmt: skip
def test_l5_unknown_or_unaffordable_reward_stores_nothing(demo_session, loves, key):
    member = member_id(demo_session)
    give(demo_session, member, 1_200)
    with clock.use_clock(NOW):
        outcome = loyalty.redeem(demo_session, member, loves)
    demo_session.commit()
    assert (outcome.status, outcome.message_key) == ("invalid", key)
    assert len(entries(demo_session)) == 1
    assert vouchers(demo_session) == []


@pytest.mark.both_databases
def test_l5_two_redemptions_at_the_same_moment_spend_once(demo_session, database_url):
    member = member_id(demo_session)
    give(demo_session, member, 1_000)  # enough for one 1,000-love reward, not two
    tabs, start, outcomes = 6, threading.Barrier(6), []

    def redeem():
        start.wait()
        with clock.use_clock(NOW), db.session_scope(write=True) as session:
            outcomes.append(loyalty.redeem(session, member, 1_000).status)

    threads = [threading.Thread(target=redeem) for _ in range(tabs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["done"] + ["invalid"] * (tabs - 1)
    demo_session.commit()  # a new snapshot: what the tabs committed
    assert len(vouchers(demo_session)) == 1
    assert rules.balance(loyalty.ledger(demo_session, member), TODAY).available == 0


@pytest.mark.both_databases
def test_l2_a_mission_done_in_several_tabs_at_once_earns_once(demo_session, database_url):
    """Issue 20: the member's row is locked first, on PostgreSQL as on SQLite."""
    member = member_id(demo_session)
    demo_session.commit()
    tabs, start, outcomes = 6, threading.Barrier(6), []

    def newsletter():
        start.wait()
        with clock.use_clock(NOW), db.session_scope(write=True) as session:
            outcomes.append(loyalty.complete_mission(session, member, "newsletter").status)

    threads = [threading.Thread(target=newsletter) for _ in range(tabs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["already_done"] * (tabs - 1) + ["done"]
    demo_session.commit()
    assert len(entries(demo_session, "mission")) == 1


def test_l11_dashboard_shows_balance_pending_tier_missions_rewards_and_vouchers(demo_session):
    member = member_id(demo_session)
    give(demo_session, member, 600)
    place(demo_session, "AL200003", MEMBER, "evt-dash")  # €345.90 paid: pending loves
    with clock.use_clock(NOW):
        loyalty.complete_mission(demo_session, member, "birthday", birthday="1991-05-14")
        code = loyalty.redeem(demo_session, member, 500).value.code
        view = loyalty.dashboard(demo_session, member, TODAY)
    demo_session.commit()
    assert view["available"] == 600 + 100 - 500
    assert view["pending"] == [(date(2026, 12, 13), order_data()["total_cents"] // 10)]
    assert view["tier"] == rules.tier_for_spend(view["spend_cents"])
    assert view["spend_cents"] >= order_data()["total_cents"]
    assert ("birthday", 100, True) in view["missions"]
    assert ("instagram", 200, False) in view["missions"]
    assert view["rewards"][0] == (500, 500, False)  # 200 left: no longer affordable
    assert [voucher.code for voucher in view["vouchers"]] == [code]
    page, older = loyalty.history(demo_session, member)
    assert not older and [row.kind for row in page] == ["redemption", "mission", "purchase",
                                                         "purchase"]  # fmt: skip


def test_l11_the_database_sums_the_ledger_as_the_rule_does(demo_session):
    member = member_id(demo_session)
    days = [TODAY - timedelta(days=40), TODAY, TODAY + timedelta(days=3), TODAY + timedelta(days=9)]
    for index, loves in enumerate([1_000, -300, 250, 40, -40, 77, 0, 5]):
        day = days[index % len(days)]
        entry = rules.Entry("purchase", loves, TODAY, day, f"SUM{index}")
        loyalty.append(demo_session, member, entry)
    demo_session.commit()
    for today in (
        TODAY - timedelta(days=41),
        TODAY,
        TODAY + timedelta(days=5),
        TODAY + timedelta(days=90),
    ):
        expected = rules.balance(loyalty.ledger(demo_session, member), today)
        assert loyalty.balance(demo_session, member, today) == expected


def test_l11_history_pages_newest_first_until_the_oldest(demo_session):
    member = member_id(demo_session)
    for index in range(loyalty.HISTORY_PAGE_SIZE * 2 + 3):
        give(demo_session, member, index + 1)
    shown, before, older = [], None, True
    while older:
        page, older = loyalty.history(demo_session, member, before)
        shown += [row.loves for row in page]
        before = page[-1].id
    assert shown == list(range(loyalty.HISTORY_PAGE_SIZE * 2 + 3, 0, -1))
    assert loyalty.history(demo_session, member, "1 OR 1=1")[0][0].loves == len(shown)


def test_l11_settled_history_keeps_the_balance_of_the_whole_ledger(demo_session):
    member = member_id(demo_session)
    for days_ago, loves in ((400, 1_000), (100, -300), (40, 250), (10, 77), (-5, 40)):
        day = TODAY - timedelta(days=days_ago)
        loyalty.append(demo_session, member, rules.Entry("purchase", loves, day, day, f"S{loves}"))
    before = {
        day: loyalty.balance(demo_session, member, day)
        for day in (TODAY, TODAY + timedelta(days=9))
    }
    checkpoint = loyalty.settle(demo_session, member, TODAY)
    assert checkpoint.before_day == TODAY - timedelta(days=settings.LOVES_SETTLE_DAYS)
    assert checkpoint.loves == 1_000 - 300 + 250
    for day, expected in before.items():
        assert loyalty.balance(demo_session, member, day) == expected
        assert expected == rules.balance(loyalty.ledger(demo_session, member), day)
    old = TODAY - timedelta(days=settings.LOVES_SETTLE_DAYS + 1)
    with pytest.raises(ValueError):
        loyalty.append(demo_session, member, rules.Entry("mission", 5, old, old, "late"))
    assert loyalty.settle_all(demo_session, TODAY) >= 1


def test_loyalty_settle_command_settles_every_member(database_url):
    assert cli.main(["demo", "load"]) == 0
    assert cli.main(["loyalty", "settle"]) == 0
    with db.session_scope() as session:
        settled = session.exec(select(func.count()).select_from(LovesCheckpoint)).one()
        members = session.exec(select(func.count(LovesEntry.customer_id.distinct()))).one()
    assert settled == members > 0


def tier_emails(session):
    query = select(OutboxEmail).where(OutboxEmail.kind == loyalty.TIER_EMAIL_KIND)
    return session.exec(query.order_by(OutboxEmail.id)).all()


def test_l7_crossing_a_status_records_its_welcome_email_once(demo_session):
    place(demo_session, "AL200010", MEMBER, "evt-tier-1")  # €304.90: still Flirt
    assert tier_emails(demo_session) == []
    place(demo_session, "AL200011", MEMBER, "evt-tier-2")  # €609.80 in 12 months: Crush
    [welcome] = tier_emails(demo_session)
    assert welcome.recipient == MEMBER and welcome.language == "fr"
    assert welcome.subject == "Bienvenue au statut Crush"  # no typed name in a subject
    assert welcome.body.startswith("Bonjour Léa,")
    assert "surprise" in welcome.body
    place(demo_session, "AL200012", MEMBER, "evt-tier-3")  # still Crush: nothing more
    assert len(tier_emails(demo_session)) == 1


def test_l7_a_member_already_in_love_gets_no_welcome(demo_session):
    place(demo_session, "AL200013", "camille.moreau@example.fr", "evt-tier-camille")
    assert tier_emails(demo_session) == []


def test_l7_her_purchases_are_read_from_the_tier_horizon_one_sum_per_moment(demo_session):
    lea = member_id(demo_session)
    place(demo_session, "AL200014", MEMBER, "evt-old", placed_at="2024-01-10T09:00:00+00:00")
    place(demo_session, "AL200015", MEMBER, "evt-a", placed_at="2026-11-24T23:30:00+00:00")
    place(demo_session, "AL200016", MEMBER, "evt-b", placed_at="2026-11-24T23:30:00+00:00")
    paid = order_data()["total_cents"]
    paris_day = date(2026, 11, 25)  # 00:30 in Paris
    assert sorted(loyalty.member_purchases(demo_session, lea)) == [
        (date(2024, 1, 10), paid), (paris_day, 2 * paid)
    ]  # fmt: skip
    since = rules.tier_horizon(TODAY)
    assert loyalty.member_purchases(demo_session, lea, since=since) == [(paris_day, 2 * paid)]
    assert loyalty.member_purchases(demo_session, lea, since=paris_day) == [(paris_day, 2 * paid)]
    assert loyalty.member_purchases(demo_session, lea, since=date(2026, 11, 26)) == []
    excluded = demo_session.exec(select(Order.id).where(Order.number == "AL200016")).one()
    assert loyalty.member_purchases(demo_session, lea, since=since, excluding=excluded) == [
        (paris_day, paid)
    ]  # fmt: skip


def test_l7_her_purchases_are_read_from_their_index_in_time_order(demo_session):
    """However many orders she placed: no table row read, no sort (`ix_order_member_purchases`)."""
    engine = demo_session.get_bind()
    if engine.dialect.name != "sqlite":
        pytest.skip("SQLite's plan: PostgreSQL's planner picks by its table statistics")
    seen, lea = [], member_id(demo_session)
    record = lambda *args: seen.append((args[2], args[3]))  # noqa: E731  (statement, parameters)
    sa.event.listen(engine, "before_cursor_execute", record)
    try:
        loyalty.member_purchases(demo_session, lea, since=TODAY)
    finally:
        sa.event.remove(engine, "before_cursor_execute", record)
    [(statement, parameters)] = seen
    plan = " ".join(
        row[-1] for row in demo_session.connection().exec_driver_sql(
            f"EXPLAIN QUERY PLAN {statement}", parameters)
    )  # fmt: skip
    assert "COVERING INDEX ix_order_member_purchases" in plan and "TEMP B-TREE" not in plan


# --- L11: the chart of loves over time and the history through the page's state ----------


def test_l11_month_end_balances_follow_the_rule_at_every_month_end(demo_session):
    member = member_id(demo_session)
    # (release day counted from TODAY, loves): spent, taken back, pending, across two years.
    ledger = [(-400, 1_000), (-300, 250), (-200, -500), (-95, 77), (-60, 1_230), (-59, -1_230),
              (-31, 40), (-1, 5), (0, 300), (3, 120), (20, -20)]  # fmt: skip
    for index, (days, loves) in enumerate(ledger):
        day = TODAY + timedelta(days=days)
        entry = rules.Entry("purchase", loves, min(day, TODAY), day, f"ME{index}")
        loyalty.append(demo_session, member, entry)
    camille = member_id(demo_session, "camille.moreau@example.fr")
    give(demo_session, camille, 9_999, days_ago=100)  # another member's loves never count
    loyalty.settle(demo_session, member, TODAY)  # the nightly job: the chart stays the same
    demo_session.commit()
    for today in (TODAY, date(2027, 1, 1), date(2026, 12, 31)):
        with clock.use_clock(datetime.combine(today, time(10), clock.PARIS)):
            view = loyalty.dashboard(demo_session, member, clock.today())
        days = loyalty.chart_days(today)
        assert [day for day, _ in view["balances"]] == days
        every = loyalty.ledger(demo_session, member)
        assert view["balances"] == [(day, rules.balance(every, day).available) for day in days]
        assert view["balances"][-1] == (today, view["available"])
    assert loyalty.month_end_balances(demo_session, member, TODAY)[-1][1] == 1_000 + 250 - 500 + (
        77 + 40 + 5 + 300)  # fmt: skip


def test_l11_a_new_member_has_a_flat_chart_at_zero(demo_session):
    view = loyalty.dashboard(demo_session, member_id(demo_session), TODAY)
    assert [loves for _, loves in view["balances"]] == [0] * (loyalty.CHART_MONTHS + 1)


LEA_PASSWORD = "Marais-Ivory-26!"  # the demo's new member
CAMILLE_PASSWORD = "Lovers-Paris-26!"


def loyalty_state():
    return rx.State().get_substate(LoyaltyState.get_full_name().split(".")[1:])


def logged_in_state(session, email=MEMBER, password=LEA_PASSWORD):
    with clock.use_clock(NOW):
        outcome = accounts.log_in(session, email=email, password=password, client_address="t")
    session.commit()
    state = loyalty_state()
    state._login_token = outcome.value.token
    run(state.load_loyalty())
    return state


def shown(state):
    return [row["label"] for row in state.history.rows]


def test_l11_history_pages_older_and_newer_through_the_state(demo_session):
    member = member_id(demo_session)
    for index in range(loyalty.HISTORY_PAGE_SIZE * 2 + 5):
        give(demo_session, member, 10 + index)  # "Order OLD10" ... "Order OLD54", oldest first
    state = logged_in_state(demo_session)
    newest = [f"Order OLD{loves}" for loves in range(54, 9, -1)]
    assert shown(state) == newest[:20]
    assert (state.history.older, state.history.newer) == (True, False)
    assert state.history.rows[0]["loves"] == "+54 loves"
    state.dirty_vars.clear()
    run(state.history_newer())  # already the newest: nothing changes, no frame is sent
    assert not state.dirty_vars and shown(state) == newest[:20]
    run(state.history_older())
    assert "history" in state.dirty_vars
    assert shown(state) == newest[20:40] and (state.history.older, state.history.newer) == (
        True, True)  # fmt: skip
    run(state.history_older())
    assert shown(state) == newest[40:] and (state.history.older, state.history.newer) == (
        False, True)  # fmt: skip
    run(state.history_older())  # nothing older: nothing changes
    assert shown(state) == newest[40:]
    run(state.history_newer())
    assert shown(state) == newest[20:40]
    run(state.history_newer())
    assert shown(state) == newest[:20] and not state.history.newer
    state.language_choice = "fr"
    assert state.history.rows[0]["label"] == "Commande OLD54"


def test_l11_history_events_take_nothing_from_the_browser():
    for handler in (LoyaltyState.history_older, LoyaltyState.history_newer):
        assert list(inspect.signature(handler.fn).parameters) == ["self"]
    # The paging keys stay on the server: only the computed page goes to the browser.
    assert not [name for name in LoyaltyState.base_vars if "history" in name]


def test_l11_history_never_shows_another_members_entries(demo_session):
    member = member_id(demo_session)
    for index in range(loyalty.HISTORY_PAGE_SIZE + 3):
        give(demo_session, member, 100 + index)
    camille = member_id(demo_session, "camille.moreau@example.fr")
    hers = demo_session.exec(select(func.max(LovesEntry.id))
                             .where(LovesEntry.customer_id == camille)).one()  # fmt: skip
    state = logged_in_state(demo_session)
    state._history_last_id = hers + 1_000_000  # even a key past everyone's entries
    run(state.history_older())
    assert shown(state) and all(label.startswith("Order OLD1") for label in shown(state))
    assert "Voucher LOVE-DEMO3NEW" not in shown(state)
    # Camille logs in on the same browser: the next page is a fresh dashboard of hers.
    with clock.use_clock(NOW):
        outcome = accounts.log_in(demo_session, email="camille.moreau@example.fr",
                                  password=CAMILLE_PASSWORD, client_address="t")  # fmt: skip
    demo_session.commit()
    state._login_token = outcome.value.token
    run(state.history_newer())
    assert "Voucher LOVE-DEMO3NEW" in shown(state)
    assert not any(label.startswith("Order OLD1") for label in shown(state))
    assert state.dashboard.greeting == "Hello Camille" and not state.history.newer


def test_l11_a_logged_out_tab_gets_no_history(demo_session):
    member = member_id(demo_session)
    for index in range(loyalty.HISTORY_PAGE_SIZE + 3):
        give(demo_session, member, 200 + index)
    nobody = loyalty_state()
    run(nobody.load_loyalty())
    nobody._history_older, nobody._history_last_id = True, 10**9  # as if she had paged before
    run(nobody.history_older())
    assert nobody.history.rows == [] and nobody.dashboard.chart.line == ""
    state = logged_in_state(demo_session)
    assert len(shown(state)) == 20 and state.dashboard.chart.line.startswith("M")
    with clock.use_clock(NOW):
        accounts.log_out(demo_session, state._login_token)  # ended in another tab
    demo_session.commit()
    run(state.history_older())
    assert state.history.rows == [] and not state.history.older and not state.signed_in
    assert state.dashboard.chart.line == "" and state.dashboard.balance == ""
    state = logged_in_state(demo_session)
    run(state.log_out_here())
    assert state.history.rows == [] and state.dashboard.chart.months == []


def test_l11_first_history_page_and_chart_come_with_the_dashboard(demo_session):
    give(demo_session, member_id(demo_session), 1_500, days_ago=40)
    state = logged_in_state(demo_session)
    assert shown(state) == ["Order OLD1500"]
    chart = state.dashboard.chart
    assert len(chart.months) == loyalty.CHART_MONTHS + 1 and chart.line.count("L") == 12
    assert chart.summary.endswith("today: 1,500 loves.")
    assert not state.history.older and not state.history.newer


def test_l11_history_is_newest_first_by_day_even_when_entries_came_in_another_order(demo_session):
    """Issue 19.2: entries recorded late (a back-dated purchase) sort by the day they happened."""
    member = member_id(demo_session)
    for index, days_ago in enumerate([3, 300, 30, 0, 120, 30, 1]):
        day = TODAY - timedelta(days=days_ago)
        loyalty.append(
            demo_session, member, rules.Entry("purchase", index + 1, day, day, f"B{index}")
        )
    demo_session.commit()
    shown, before, older = [], None, True
    while older:
        page, older = loyalty.history(demo_session, member, before)
        shown += page
        before = page[-1].id
    days = [row.recorded_on for row in shown]
    assert days == sorted(days, reverse=True) and len(shown) == len({row.id for row in shown})
    same_day = [row.loves for row in shown if row.recorded_on == TODAY - timedelta(days=30)]
    assert same_day == [6, 3]  # within a day, the later entry first
