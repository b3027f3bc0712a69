"""`make bench --profile`: py-spy's folded stacks summed into each workload's top functions."""

from bench import profile

SITE = "/work/main/.venv/lib/python3.11/site-packages"
FOLDED = f"""\
process 1:"granian";thread (0x1);run (asyncio/events.py:80);OrderState.load_order (/work/main/alme_portal/state/order.py:176);_load_views (alme_portal/state/order.py:97);execute ({SITE}/sqlalchemy/orm/session.py:2488) 30
process 1:"granian";thread (0x1);run (asyncio/events.py:80);OrderState.load_order (alme_portal/state/order.py:176);build_order_page (/work/main/alme_portal/orders/views.py:10) 10
process 1:"granian";thread (0x2);dumps (/root/.pyenv/versions/3.11.7/lib/python3.11/json/__init__.py:231) 60
process 1:"granian";thread (0x3);run (asyncio/events.py:80);EpollSelector.select (/root/.pyenv/versions/3.11.7/lib/python3.11/selectors.py:468) 500
not a stack line
"""  # noqa: E501


def test_own_time_is_the_sampled_frame_and_portal_time_is_under_our_functions():
    """A thread waiting in its event loop's select is not time spent (500 samples left out);
    the portal's files are found whether py-spy names them in full or from the worker's
    directory."""
    found = profile.top_functions(FOLDED)
    assert found["samples"] == 100
    assert found["own"] == [("dumps (json/__init__.py)", 60.0),
                            ("execute (sqlalchemy/orm/session.py)", 30.0),
                            ("build_order_page (alme_portal/orders/views.py)", 10.0)]  # fmt: skip
    assert found["portal"][0] == ("OrderState.load_order (alme_portal/state/order.py)", 40.0)
    assert ("_load_views (alme_portal/state/order.py)", 30.0) in found["portal"]


def test_an_empty_profile_has_no_rows_and_the_report_lists_both_columns():
    assert profile.top_functions("") == {"samples": 0, "own": [], "portal": []}
    text = "\n".join(profile.lines({"lookup": profile.top_functions(FOLDED)}))
    portal = "`OrderState.load_order (alme_portal/state/order.py)` | 40.0"
    assert f"| `dumps (json/__init__.py)` | 60.0 | {portal} |" in text
