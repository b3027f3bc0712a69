"""What a service action did: one result type for every domain.

A page shows `message_key` (a catalogue key) and, when the action produced something (a
customer id, a return number, a code), reads it from `value`. Nothing changed unless `ok`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")


class Status(StrEnum):
    """How an action ended."""

    DONE = "done"
    """What was asked happened."""
    ALREADY_DONE = "already_done"
    """The same request was fulfilled before: nothing new, and not an error (idempotent)."""
    INVALID = "invalid"
    """The input was wrong or unknown: nothing changed."""
    REFUSED = "refused"
    """A rule says no: nothing changed."""
    RATE_LIMITED = "rate_limited"
    """Too many tries: nothing changed; `retry_at` says when to try again, if known."""
    CONFLICT = "conflict"
    """The same request id came with other content: nothing changed."""


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """The result of a service action.

    Attributes:
        status: how it ended.
        message_key: the catalogue key of what to tell the person.
        value: what the action produced, when it did.
        retry_at: when a rate-limited action may be tried again.
        detail: why, in plain words for a machine or a log (never shown to customers).
    """

    status: Status
    message_key: str = ""
    value: T | None = None
    retry_at: datetime | None = None
    detail: str = ""

    @property
    def ok(self) -> bool:
        """Whether the action happened now or had happened before."""
        return self.status in (Status.DONE, Status.ALREADY_DONE)

    @classmethod
    def done(cls, message_key: str = "", value: T | None = None) -> Outcome[T]:
        """It happened."""
        return cls(Status.DONE, message_key, value)

    @classmethod
    def already_done(cls, message_key: str = "", value: T | None = None) -> Outcome[T]:
        """It had happened before: nothing new."""
        return cls(Status.ALREADY_DONE, message_key, value)

    @classmethod
    def invalid(
        cls, message_key: str = "", value: T | None = None, *, detail: str = ""
    ) -> Outcome[T]:
        """Wrong or unknown input: nothing changed (`value` may say what it was about)."""
        return cls(Status.INVALID, message_key, value, detail=detail)

    @classmethod
    def refused(cls, message_key: str, value: T | None = None) -> Outcome[T]:
        """A rule says no: nothing changed."""
        return cls(Status.REFUSED, message_key, value)

    @classmethod
    def rate_limited(cls, message_key: str, retry_at: datetime | None = None) -> Outcome[T]:
        """Too many tries: nothing changed."""
        return cls(Status.RATE_LIMITED, message_key, retry_at=retry_at)

    @classmethod
    def conflict(cls, detail: str) -> Outcome[T]:
        """The same request id with other content: nothing changed."""
        return cls(Status.CONFLICT, detail=detail)
