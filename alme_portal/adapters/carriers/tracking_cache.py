"""Where the tracking service keeps each parcel's last carrier answer.

In one process, its memory. With several workers, Redis: every worker reuses the same fresh
answer and shows the same "last known events" while the carrier is down (in each worker's
memory they alternated with "The carrier is not answering", and each worker called the carrier).
"""

from __future__ import annotations

import json
import threading
from dataclasses import asdict
from datetime import datetime
from typing import Protocol

import redis

from alme_portal.adapters.carriers.statuses import TrackingEvent, TrackingResult, TrackingStatus
from alme_portal.platform import settings

Key = tuple[str, str]
"""(carrier, tracking number)."""


class TrackingCache(Protocol):
    """The last answer per parcel."""

    def get(self, key: Key) -> TrackingResult | None:
        """The last answer kept for `key`, if any."""

    def put(self, key: Key, result: TrackingResult) -> None:
        """Keep `result` as the last answer for `key`."""


class MemoryTrackingCache:
    """This process's memory: the single-process default."""

    def __init__(self) -> None:
        self._last: dict[Key, TrackingResult] = {}
        self._lock = threading.Lock()

    def get(self, key: Key) -> TrackingResult | None:
        """The last answer kept for `key`, if any."""
        with self._lock:
            return self._last.get(key)

    def put(self, key: Key, result: TrackingResult) -> None:
        """Keep `result` as the last answer for `key`."""
        with self._lock:
            self._last[key] = result


class RedisTrackingCache:
    """Redis, shared by every worker; an answer is kept `TRACKING_KEEP_LAST_DAYS`."""

    PREFIX = "alme:tracking:"

    def __init__(self, url: str) -> None:
        self._redis = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)

    def get(self, key: Key) -> TrackingResult | None:
        """The last answer kept for `key`, if any."""
        raw = self._redis.get(self._name(key))
        return None if raw is None else result_from_json(raw)

    def put(self, key: Key, result: TrackingResult) -> None:
        """Keep `result` as the last answer for `key`."""
        keep = settings.TRACKING_KEEP_LAST_DAYS * 24 * 3600
        self._redis.set(self._name(key), result_to_json(result), ex=keep)

    def _name(self, key: Key) -> str:
        return f"{self.PREFIX}{key[0]}:{key[1]}"


def result_to_json(result: TrackingResult) -> str:
    """A tracking result as JSON (instants as ISO 8601 with their offset)."""
    return json.dumps(asdict(result), default=datetime.isoformat)


def result_from_json(raw: str | bytes) -> TrackingResult:
    """The tracking result `result_to_json` wrote (one written before a field existed lacks it)."""
    data = json.loads(raw)

    def when(value: str | None) -> datetime | None:
        return datetime.fromisoformat(value) if value else None

    return TrackingResult(
        carrier=data["carrier"],
        tracking_number=data["tracking_number"],
        status=TrackingStatus(data["status"]),
        events=tuple(
            TrackingEvent(when(e["at"]), TrackingStatus(e["status"]), e["code"], e["label"])
            for e in data["events"]
        ),
        delivered_at=when(data["delivered_at"]),
        relay_point_code=data["relay_point_code"],
        fetched_at=when(data["fetched_at"]),
        source=data["source"],
        estimated_from=when(data.get("estimated_from")),
        estimated_until=when(data.get("estimated_until")),
    )


def configured_tracking_cache() -> TrackingCache:
    """Redis when the deployment has one (`ALME_REDIS_URL` / `REFLEX_REDIS_URL`), else memory."""
    url = settings.redis_url()
    return RedisTrackingCache(url) if url else MemoryTrackingCache()
