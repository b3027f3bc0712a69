"""Fault injection and request counting, per simulator app instance.

`POST /_control/faults` arms faults for the next N calls of a route; `POST /_control/reset`
clears faults and counters; `GET /_control/requests` tells how many calls each route received.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import JSONResponse

ROUTES = (
    "laposte",
    "mondialrelay",
    "mondialrelay-label",
    "mondialrelay-connect",
    "stripe",
    "stripe-checkout",
    "paypal",
    "alma",
)
"""La Poste's tracking, Mondial Relay's SOAP web services, its label PDFs and API Connect; the
payment providers' refund (and checkout) calls."""
KINDS = ("429", "500", "503", "slow", "malformed", "stat", "timeout", "402", "409", "declined")
"""`stat`: Mondial Relay answers the call with that STAT code alone (97 bad key, 80-series...).
`timeout`: a provider does the call but answers after `delay` seconds (the client gave up);
`402`: refused at once (card declined); `declined`: accepted, then failed by webhook (Stripe);
`409`: an idempotency conflict."""


@dataclass
class Fault:
    """What the next `count` calls of a route suffer."""

    kind: str
    count: int = 1
    retry_after: float | None = None
    delay: float = 0.0
    stat: int = 0


class FaultBoard:
    """The armed faults and the request counters of one app instance (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: dict[str, list[Fault]] = {}
        self.requests: Counter[str] = Counter()

    def arm(self, route: str, fault: Fault) -> None:
        """Queue a fault for the next calls of `route`."""
        with self._lock:
            self._faults.setdefault(route, []).append(fault)

    def next_call(self, route: str) -> Fault | None:
        """Count one call of `route` and return the fault it suffers, if any."""
        with self._lock:
            self.requests[route] += 1
            queue = self._faults.get(route) or []
            if not queue:
                return None
            fault = queue[0]
            fault.count -= 1
            if fault.count <= 0:
                queue.pop(0)
            return fault

    def count(self, route: str) -> None:
        """Count one call of `route` that no fault applies to (a counter of its own)."""
        with self._lock:
            self.requests[route] += 1

    def reset(self) -> None:
        """Forget every fault and counter."""
        with self._lock:
            self._faults.clear()
            self.requests.clear()


def board_of(request: Request) -> FaultBoard:
    """Return the fault board of the app serving `request`."""
    return request.app.state.faults


async def arm_fault(request: Request) -> JSONResponse:
    """`POST /_control/faults` with {"route", "kind", "count", "retry_after", "delay", "stat"}."""
    try:
        data = await request.json()
        route, kind = data["route"], str(data["kind"])
        fault = Fault(
            kind,
            int(data.get("count", 1)),
            None if data.get("retry_after") is None else float(data["retry_after"]),
            float(data.get("delay", 0.0)),
            int(data.get("stat", 0)),
        )
    except (ValueError, KeyError, TypeError):
        return JSONResponse({"error": "expected JSON with route and kind"}, status_code=400)
    if route not in ROUTES or kind not in KINDS or fault.count < 1:
        return JSONResponse({"error": f"route in {ROUTES}, kind in {KINDS}"}, status_code=400)
    board_of(request).arm(route, fault)
    return JSONResponse({"armed": {"route": route, "kind": kind, "count": fault.count}})


async def reset(request: Request) -> JSONResponse:
    """`POST /_control/reset`: clear faults and counters."""
    board_of(request).reset()
    return JSONResponse({"reset": True})


async def request_counts(request: Request) -> JSONResponse:
    """`GET /_control/requests`: calls per route since the last reset, and other counters."""
    return JSONResponse(dict.fromkeys(ROUTES, 0) | dict(board_of(request).requests))
