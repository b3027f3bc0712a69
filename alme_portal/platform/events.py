"""The one internal event point: what happens to orders, as typed events.

A domain publishes an event inside its transaction; the handlers other domains registered run
synchronously in that same transaction (an exception in one rolls the whole operation back).
Handlers are registered in one place, `alme_portal.bootstrap.wire`, never as a side effect of
an import: until that ran, `publish` refuses, so a rule can never be silently off.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session


@dataclass(frozen=True)
class OrderPlaced:
    """The shop's feed created an order."""

    order_id: int
    number: str


@dataclass(frozen=True)
class OrderDispatched:
    """A parcel of the order left the warehouse (O6)."""

    order_id: int
    shipment_id: int


@dataclass(frozen=True)
class OrderCancelled:
    """The order was cancelled before anything shipped."""

    order_id: int


@dataclass(frozen=True)
class OrderRefunded:
    """The refund engine paid money back for the order (L4)."""

    order_id: int
    refunded_cents: int
    """Everything refunded for the order so far, this refund included."""


@dataclass(frozen=True)
class StockChanged:
    """The stock of one size was set (E8)."""

    variant_id: int


EVENT_TYPES = (OrderPlaced, OrderDispatched, OrderCancelled, OrderRefunded, StockChanged)
Event = OrderPlaced | OrderDispatched | OrderCancelled | OrderRefunded | StockChanged
Handler = Callable[[Session, Any], None]

_handlers: dict[type, list[Handler]] = {kind: [] for kind in EVENT_TYPES}
_wired = False


class NotWired(RuntimeError):
    """An event was published before `alme_portal.bootstrap.wire` registered the handlers."""


def _check_type(event_type: type) -> None:
    if event_type not in _handlers:
        names = ", ".join(kind.__name__ for kind in EVENT_TYPES)
        raise ValueError(f"unknown event type {event_type!r}; expected one of {names}")


def subscribe(event_type: type, handler: Handler) -> None:
    """Register `handler` for events of `event_type` (registering it twice has no extra effect).

    Raises:
        ValueError: `event_type` is not one of `EVENT_TYPES`.
    """
    _check_type(event_type)
    if handler not in _handlers[event_type]:
        _handlers[event_type].append(handler)


def unsubscribe(event_type: type, handler: Handler) -> None:
    """Remove a handler registered with `subscribe` (nothing happens if it is absent)."""
    _check_type(event_type)
    if handler in _handlers[event_type]:
        _handlers[event_type].remove(handler)


def mark_wired() -> None:
    """Record that the bootstrap registered every handler (called by `bootstrap.wire`)."""
    global _wired
    _wired = True


def handlers(event_type: type) -> tuple[Handler, ...]:
    """The handlers registered for `event_type`, in the order they run."""
    _check_type(event_type)
    return tuple(_handlers[event_type])


@contextmanager
def subscribed(event_type: type, handler: Handler) -> Iterator[Handler]:
    """Subscribe `handler` for the duration of a `with` block (tests, one-off jobs)."""
    subscribe(event_type, handler)
    try:
        yield handler
    finally:
        unsubscribe(event_type, handler)


def publish(session: Session, event: Event) -> None:
    """Call every handler of the event's type, in registration order, in the caller's transaction.

    Args:
        session: the caller's session; handlers write through it and never commit.
        event: one of the `EVENT_TYPES` instances.

    Raises:
        NotWired: the handlers were never registered (`alme_portal.bootstrap.wire`).
        ValueError: the event is not one of `EVENT_TYPES`.
    """
    _check_type(type(event))
    if not _wired:
        raise NotWired("events are not wired: call alme_portal.bootstrap.wire() at start-up")
    for handler in list(_handlers[type(event)]):
        handler(session, event)
