"""What booking the prepaid label adds to "Confirm my return" (rule R3), measured in process.

The same step twice on copies of one returnable order, interleaved: the return stored alone
(the step as it was before labels were booked with Mondial Relay), and stored then booked with
the carrier simulator over loopback HTTP (booking, label PDF fetch, e-mail written). The
simulator runs in a process of its own, as the real carrier is another machine.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from alme_portal.adapters.carriers.mondial_relay import MondialRelayClient
from alme_portal.orders.services import lookup as order_lookup
from alme_portal.platform import clock, db, settings
from alme_portal.returns.services import booking, declaration
from alme_portal.returns.services import options as return_options
from bench import portal, portal_db
from bench.portal_scenarios import SENDER_PHONE

RELAY_POINT = "FR-046872"


def _draft(session, order_id: int) -> dict:
    line = return_options.return_options(session, order_id, "fr", clock.today())["lines"][0]
    sender = {"first_name": "Camille", "last_name": "Moreau", "address": "18 rue Saint-Maur",
              "postcode": "75011", "city": "Paris", "phone": SENDER_PHONE}  # fmt: skip
    item = {"order_line_id": line["id"], "quantity": 1, "reason": "too_small",
            "resolution": "refund", "refund_method": "credit_note"}  # fmt: skip
    return {"lines": [item], "method": "mondial_relay", "relay_point_code": RELAY_POINT,
            "sender": sender}  # fmt: skip


def _confirm(number: str, client: MondialRelayClient | None) -> float:
    """Milliseconds to confirm a return of order `number` (and book its label with `client`)."""
    with db.session_scope() as session:
        order_id = order_lookup.order_id_for_number(session, number)
        draft = _draft(session, order_id)
    started = time.perf_counter()
    with db.session_scope(write=True) as session:
        outcome = declaration.declare_return(
            session, order_id=order_id, draft_data=draft, language="fr"
        )
    if not outcome.ok:
        raise RuntimeError(f"confirming {number}: {outcome.message_key}")
    if client is not None and booking.book(client, outcome.value) != "ready":
        raise RuntimeError(f"booking {outcome.value} did not end ready")
    return (time.perf_counter() - started) * 1e3


def _p95(values: list[float]) -> float:
    return round(statistics.quantiles(values, n=20)[-1], 3)


def run(samples: int = 200, warmup: int = 10) -> dict[str, Any]:
    """`samples` confirmations of each kind, interleaved, after `warmup` of each.

    Returns:
        p50 and p95 in milliseconds of `stored` (no carrier call) and `booked`.
    """
    total = 2 * (samples + warmup)
    with tempfile.TemporaryDirectory() as folder, portal.carrier_simulator() as carriers:
        number, _ = portal.template_order()
        url = portal_db.prepare(Path(folder) / "confirm.db", template=number, copies=total)
        client = MondialRelayClient(
            f"{carriers}/mondialrelay/Web_Services.asmx",
            settings.DEFAULT_MONDIAL_RELAY_ENSEIGNE, settings.DEFAULT_MONDIAL_RELAY_KEY,
            label_host=f"{carriers}/mondialrelay",
        )  # fmt: skip
        before = os.environ.get(settings.DATABASE_URL_ENV)
        os.environ[settings.DATABASE_URL_ENV] = url
        try:
            timings: dict[str, list[float]] = {"stored": [], "booked": []}
            for index in range(samples + warmup):
                for kind, order in (("stored", 2 * index + 1), ("booked", 2 * index + 2)):
                    carrier = client if kind == "booked" else None
                    elapsed = _confirm(portal_db.clone_number(order), carrier)
                    if index >= warmup:
                        timings[kind].append(elapsed)
        finally:
            if before is None:
                os.environ.pop(settings.DATABASE_URL_ENV, None)
            else:
                os.environ[settings.DATABASE_URL_ENV] = before
            db.engine_for(url).dispose()
    return {
        kind: {"p50": round(statistics.median(values), 3), "p95": _p95(values),
               "count": len(values)}
        for kind, values in timings.items()
    }  # fmt: skip
