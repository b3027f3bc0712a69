"""What the simulated payment providers share: their ledger, faults and webhook delivery.

Each provider keeps its refunds and its idempotency store in a `PaymentBook` on the app. A
provider's asynchronous outcome is a webhook posted back to the portal after the answer
(`deliver`), signed as that provider signs (`docs/payments.md`).
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
from starlette.requests import Request
from starlette.responses import JSONResponse

from alme_portal.simulator.faults import Fault, board_of

log = logging.getLogger(__name__)

WEBHOOK_PATHS = {
    "stripe": "/api/webhooks/stripe",
    "paypal": "/api/webhooks/paypal",
    "alma": "/api/webhooks/alma",
}


@dataclass
class Stored:
    """A write call's first answer, replayed to the same idempotency key."""

    fingerprint: str
    status: int
    body: dict[str, Any]
    done: bool = True


@dataclass
class PaymentBook:
    """One simulator's payment state (thread-safe: the demo serves it from several threads)."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    answers: dict[tuple[str, str], Stored] = field(default_factory=dict)
    refunds: dict[str, dict[str, Any]] = field(default_factory=dict)
    refunded: dict[str, int] = field(default_factory=dict)
    """Cents refunded per payment reference (pi_..., capture id, payment_...)."""
    refund_counts: dict[str, int] = field(default_factory=dict)
    """Refunds made per payment reference."""
    limits: dict[str, int] = field(default_factory=dict)
    """Known payments' amounts (`/_control/payments`); others accept any refund."""
    alma_refunds: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    sessions: dict[str, dict[str, Any]] = field(default_factory=dict)
    tokens: set[str] = field(default_factory=set)
    transmissions: dict[str, str] = field(default_factory=dict)
    """PayPal webhook transmission id -> signature, for `verify-webhook-signature`."""
    webhooks: list[dict[str, Any]] = field(default_factory=list)
    """Every delivery made: provider, status code answered by the portal."""
    webhooks_on: bool = True
    """False drops every webhook (`POST /_control/webhooks {"deliver": false}`)."""

    def new_id(self, prefix: str) -> str:
        """A fresh id like the provider's (`re_...`, `cs_...`)."""
        return f"{prefix}{next(self.ids):06d}SIM"

    def take(self, reference: str, cents: int) -> bool:
        """Count `cents` refunded on a payment; False when it has not that much left."""
        with self.lock:
            done = self.refunded.get(reference, 0)
            limit = self.limits.get(reference)
            if limit is not None and done + cents > limit:
                return False
            self.refunded[reference] = done + cents
            self.refund_counts[reference] = self.refund_counts.get(reference, 0) + 1
            return True


def book_of(request: Request) -> PaymentBook:
    """The payment book of the app serving `request`."""
    return request.app.state.payments


def fingerprint(params: Any) -> str:
    """A stable digest of a call's parameters (a replay must carry the same ones)."""
    return hashlib.sha256(json.dumps(params, sort_keys=True).encode()).hexdigest()


def replay(book: PaymentBook, provider: str, key: str | None, params: Any):
    """The stored answer to this key, "conflict" while it runs or differs, else None."""
    if not key:
        return None
    with book.lock:
        stored = book.answers.get((provider, key))
        if stored is None:
            book.answers[(provider, key)] = Stored(fingerprint(params), 0, {}, done=False)
            return None
    if not stored.done:
        return "in_progress"
    if stored.fingerprint != fingerprint(params):
        return "mismatch"
    return stored


def remember(
    book: PaymentBook,
    provider: str,
    key: str | None,
    params: Any,
    status: int,
    body: dict[str, Any],
) -> None:
    """Store a write call's answer for its idempotency key."""
    if key:
        with book.lock:
            book.answers[(provider, key)] = Stored(fingerprint(params), status, body)


def next_fault(request: Request, route: str) -> Fault | None:
    """Count a call of `route` and return the fault armed for it."""
    return board_of(request).next_call(route)


async def hold_if_timeout(fault: Fault | None) -> None:
    """A `timeout` fault: the call is done, but its answer comes too late for the client."""
    if fault is not None and fault.kind == "timeout":
        await asyncio.sleep(fault.delay or 30.0)


def deliver(
    request: Request,
    provider: str,
    make: Callable[[], tuple[str, dict, bytes | None]],
    method: str = "POST",
) -> None:
    """Post a webhook to the portal after the current answer (`make` builds path, headers, body).

    The delivery runs on the event loop after `webhook_delay` seconds; a portal that does not
    answer 2xx gets it again (PayPal and Stripe retry for days; here twice more).
    """
    app = request.app
    base = app.state.webhook_base
    if not base or not app.state.payments.webhooks_on:
        return

    async def send() -> None:
        await asyncio.sleep(app.state.webhook_delay)
        query, headers, body = make()
        url = base.rstrip("/") + WEBHOOK_PATHS[provider] + query
        for attempt in range(3):
            try:
                async with httpx.AsyncClient(timeout=10) as client:
                    answer = await client.request(method, url, headers=headers, content=body)
                status = answer.status_code
            except httpx.HTTPError as error:
                status = 0
                log.warning("webhook %s to %s failed: %s", provider, url, error)
            app.state.payments.webhooks.append({"provider": provider, "status": status})
            if 200 <= status < 300:
                return
            await asyncio.sleep(0.5 * 2**attempt)

    task = asyncio.get_running_loop().create_task(send())
    app.state.webhook_tasks.add(task)
    task.add_done_callback(app.state.webhook_tasks.discard)


async def register_payment(request: Request) -> JSONResponse:
    """`POST /_control/payments` {"reference", "amount_cents"}: a payment with a known amount."""
    data = await request.json()
    book_of(request).limits[str(data["reference"])] = int(data["amount_cents"])
    return JSONResponse({"registered": data["reference"]})


async def webhook_log(request: Request) -> JSONResponse:
    """`GET /_control/webhooks`: the deliveries made and what the portal answered.

    `POST` with {"deliver": false} drops the webhooks from now on (until the next reset);
    with {"base": url} sends them to the portal at `url` (a portal started after the simulator).
    """
    book = book_of(request)
    if request.method == "POST":
        data = await request.json()
        book.webhooks_on = bool(data.get("deliver", True))
        if data.get("base"):
            request.app.state.webhook_base = str(data["base"])
    return JSONResponse(book.webhooks)


async def refunds_made(request: Request) -> JSONResponse:
    """`GET /_control/refunds?reference=`: how many refunds a payment got, and their cents."""
    book = book_of(request)
    reference = request.query_params.get("reference", "")
    return JSONResponse(
        {"count": book.refund_counts.get(reference, 0), "cents": book.refunded.get(reference, 0)}
    )
