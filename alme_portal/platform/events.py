"""The one internal event point: features subscribe to what happens to orders.

Handlers run synchronously inside the publisher's transaction and receive
``(session, payload)``; an exception in a handler rolls the whole operation back. Other
features subscribe at import time without editing the code that publishes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlmodel import Session

ORDER_PLACED = "order_placed"
ORDER_DISPATCHED = "order_dispatched"
ORDER_CANCELLED = "order_cancelled"
ORDER_REFUNDED = "order_refunded"
"""Published by the refund engine with `{"order_id", "refunded_cents"}` (all refunds so far)."""
STOCK_CHANGED = "stock_changed"
KINDS = (ORDER_PLACED, ORDER_DISPATCHED, ORDER_CANCELLED, ORDER_REFUNDED, STOCK_CHANGED)

Handler = Callable[[Session, dict[str, Any]], None]

_handlers: dict[str, list[Handler]] = {kind: [] for kind in KINDS}


def _check_kind(kind: str) -> None:
    if kind not in _handlers:
        raise ValueError(f"unknown event kind {kind!r}; expected one of {', '.join(KINDS)}")


def subscribe(kind: str, handler: Handler) -> Handler:
    """Register `handler` for events of `kind` (registering it twice has no extra effect).

    Args:
        kind: one of `KINDS`.
        handler: called with (session, payload) inside the publisher's transaction.

    Returns:
        The handler itself, so that the function can be used as a decorator helper.

    Raises:
        ValueError: `kind` is not a known event kind.
    """
    _check_kind(kind)
    if handler not in _handlers[kind]:
        _handlers[kind].append(handler)
    return handler


def unsubscribe(kind: str, handler: Handler) -> None:
    """Remove a handler registered with `subscribe` (nothing happens if it is absent)."""
    _check_kind(kind)
    if handler in _handlers[kind]:
        _handlers[kind].remove(handler)


@contextmanager
def subscribed(kind: str, handler: Handler) -> Iterator[Handler]:
    """Subscribe `handler` for the duration of a `with` block (tests, one-off jobs)."""
    subscribe(kind, handler)
    try:
        yield handler
    finally:
        unsubscribe(kind, handler)


def publish(session: Session, kind: str, payload: dict[str, Any]) -> None:
    """Call every handler of `kind`, in subscription order, in the caller's transaction.

    Args:
        session: the caller's session; handlers write through it and never commit.
        kind: one of `KINDS`.
        payload: plain data describing the event (for example the order id).

    Raises:
        ValueError: `kind` is not a known event kind.
    """
    _check_kind(kind)
    for handler in list(_handlers[kind]):
        handler(session, dict(payload))
