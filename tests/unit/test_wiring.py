"""Every event handler, link opener and code source is wired by the bootstrap, whatever is imported.

A rule that runs on an event (loves taken back on a refund, L4) must not depend on which modules
happen to be imported: handlers are registered only by `bootstrap.wire()`, and publishing before
that fails loudly instead of silently skipping them.
"""

import ast
import subprocess
import sys
from pathlib import Path

from alme_portal import bootstrap
from alme_portal.platform import events

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = {
    "OrderPlaced": {"loyalty.services.ledger.on_order_placed",  # L1, L3
                    "referral.services.rewards.on_order_placed"},  # F2, F4
    "OrderDispatched": {"orders.services.shipments.record_dispatch_email"},  # O6
    "OrderCancelled": {"loyalty.services.take_back.on_order_cancelled"},  # L4
    "OrderRefunded": {"loyalty.services.take_back.on_order_refunded"},  # L4
    "StockChanged": {"returns.services.stock_alerts.on_stock_changed"},  # E8
}  # fmt: skip


def _dotted(function) -> str:
    return f"{function.__module__.removeprefix('alme_portal.')}.{function.__name__}"


def _handlers_in_the_code() -> set[str]:
    """Functions anywhere in the portal whose second parameter is typed as an event."""
    names = {kind.__name__ for kind in events.EVENT_TYPES}
    found = set()
    for path in (ROOT / "alme_portal").rglob("*.py"):
        module = ".".join(path.relative_to(ROOT / "alme_portal").with_suffix("").parts)
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef) and len(node.args.args) >= 2:
                annotation = node.args.args[1].annotation
                if annotation is not None and ast.unparse(annotation).split(".")[-1] in names:
                    found.add(f"{module}.{node.name}")
    return found - {"platform.events.publish"}


def test_every_event_handler_in_the_code_is_wired():
    wired = {_dotted(handler) for _, handler in bootstrap.SUBSCRIPTIONS}
    assert _handlers_in_the_code() == wired


def test_the_rules_that_run_on_events_are_wired_by_the_bootstrap_alone():
    script = (
        "from alme_portal import bootstrap\n"
        "from alme_portal.platform import events\n"
        "bootstrap.wire()\n"
        "for kind in events.EVENT_TYPES:\n"
        "    names = sorted(f'{h.__module__}.{h.__name__}' for h in events.handlers(kind))\n"
        "    print(kind.__name__, *names)\n"
    )
    printed = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    wired = {
        kind: {name.removeprefix("alme_portal.") for name in names}
        for kind, *names in (line.split() for line in printed.splitlines())
    }
    assert wired == EXPECTED


def test_publishing_before_the_wiring_fails_loudly():
    script = (
        "from alme_portal.platform import events\n"
        "try:\n"
        "    events.publish(None, events.OrderCancelled(1))\n"
        "except events.NotWired as error:\n"
        "    print('refused:', error)\n"
    )
    printed = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert printed.startswith("refused: events are not wired")


def test_claim_links_and_every_code_kind_are_wired():
    from alme_portal.accounts.services import links
    from alme_portal.orders.services import codes as order_codes

    bootstrap.wire()
    assert links.CLAIM in links._openers  # L9
    sources = {(s.find.__name__, s.use.__name__) for s in order_codes._sources}
    assert sources == {
        ("voucher_codes", "use_voucher"),  # L5
        ("friend_codes", "keep_friend_code"),  # F3
        ("stored_value_codes", "pay_order"),  # R8, R9
    }
