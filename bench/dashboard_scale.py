"""Dashboard data for a member with 10,000 ledger entries against one with 10 (issue 6).

The Almé Lovers dashboard must not slow down as a member's history grows. Both members live in
the same demo database, settled as the nightly `alme-portal loyalty settle` does; their
dashboards are read alternately (`loyalty.services.ledger.dashboard` plus the first history page, as
the page does), and the p95 of the long ledger is compared with the short one's (goal: ratio
under 1.5).

Run: `python -m bench.dashboard_scale [--entries 10 10000] [--iterations 500] [--json F]`.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlmodel import Session

from alme_portal.accounts.models.customers import Customer
from alme_portal.accounts.services import passwords
from alme_portal.demo import loader as demo
from alme_portal.loyalty import rules
from alme_portal.loyalty.models import LovesEntry
from alme_portal.loyalty.services import ledger as loyalty
from alme_portal.platform import clock, db, schema
from bench.harness.load import summarize

GOAL_RATIO = 1.5
DEFAULT_ENTRIES = (10, 10_000)


def _member(session: Session, index: int, entries: int) -> int:
    """A member whose ledger holds `entries` rows spread over three years, some pending."""
    member = Customer(
        email=f"ledger{index}@example.fr",
        first_name="Ledger",
        last_name=str(index),
        password_hash=passwords.hash_password("bench only"),
        created_at=clock.now(),
    )
    session.add(member)
    session.flush()
    today = clock.today()
    rows = []
    for n in range(entries):
        day = today - timedelta(days=(n * 7) % 1_100)
        kind, loves = ("mission", 100) if n < 3 else ("purchase", 10 + n % 300)
        rows.append(
            LovesEntry(
                customer_id=member.id,
                kind=kind,
                loves=loves,
                recorded_on=day,
                available_on=day + timedelta(days=18),
                reference=f"B{index}-{n}",
                created_at=clock.now(),
            )
        )
    session.add_all(rows)
    session.flush()
    return member.id


def prepare(folder: Path, sizes: Sequence[int]) -> tuple[str, dict[int, int]]:
    """A demo database with one member per ledger size; (URL, {size: member id})."""
    url = f"sqlite:///{folder / 'dashboard.db'}"
    schema.upgrade(url)
    with Session(db.engine_for(url)) as session:
        demo.load_demo(session)
        members = {size: _member(session, index, size) for index, size in enumerate(sizes)}
        loyalty.settle_all(session, clock.today())  # the nightly `alme-portal loyalty settle`
        session.commit()
    return url, members


def _visit(engine, member: int) -> float:
    started = time.perf_counter()
    with Session(engine) as session:
        loyalty.dashboard(session, member, clock.today())
        loyalty.history(session, member)
    return (time.perf_counter() - started) * 1e3


def run(
    sizes: Sequence[int] = DEFAULT_ENTRIES, iterations: int = 500, warmup: int = 50
) -> dict[str, Any]:
    """Measure both members alternately; the figures, ratio and verdict."""
    with tempfile.TemporaryDirectory(prefix="alme-dashboard-") as folder:
        url, members = prepare(Path(folder), sizes)
        engine = db.engine_for(url)
        with Session(engine) as session:
            counts = {
                size: len(loyalty.ledger(session, member)) for size, member in members.items()
            }
            balances = {
                size: loyalty.balance(session, member, clock.today())
                for size, member in members.items()
            }
            ruled = {
                size: rules.balance(loyalty.ledger(session, member), clock.today())
                for size, member in members.items()
            }
        samples: dict[int, list[float]] = {size: [] for size in sizes}
        for round_ in range(warmup + iterations):
            order = sizes if round_ % 2 else list(reversed(sizes))
            for size in order:
                ms = _visit(engine, members[size])
                if round_ >= warmup:
                    samples[size].append(ms)
        engine.dispose()
    figures = {str(size): {"entries": counts[size], **summarize(samples[size])} for size in sizes}
    small, large = figures[str(min(sizes))], figures[str(max(sizes))]
    ratio = round(large["p95"] / small["p95"], 3)
    consistent = all(balances[size] == ruled[size] for size in sizes)
    return {
        "sizes": figures,
        "ratio": ratio,
        "goal": GOAL_RATIO,
        "pass": ratio < GOAL_RATIO and consistent,
        "balances_match_rules": consistent,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: run, print a short table, optionally write JSON; 1 with --check on a miss."""
    parser = argparse.ArgumentParser(prog="python -m bench.dashboard_scale", description=__doc__)
    parser.add_argument("--entries", type=int, nargs=2, default=list(DEFAULT_ENTRIES))
    parser.add_argument("--iterations", type=int, default=500)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    result = run(sorted(args.entries), args.iterations)
    for size, figures in result["sizes"].items():
        sys.stdout.write(
            f"{int(size):>7,} entries: p50 {figures['p50']} ms, p95 {figures['p95']} ms\n"
        )
    sys.stdout.write(
        f"ratio {result['ratio']} (goal < {GOAL_RATIO}): {'PASS' if result['pass'] else 'FAIL'}\n"
    )
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 1 if args.check and not result["pass"] else 0


if __name__ == "__main__":
    sys.exit(main())
