"""Reading a webhook's body with a size limit (the shop's feed, the payment providers)."""

from __future__ import annotations

import anyio.from_thread
from starlette.requests import Request


class BodyTooLarge(Exception):
    """The body is longer than the endpoint accepts."""


async def read_body(request: Request, limit: int) -> bytes:
    """The request's body, refused past `limit` bytes (declared or streamed).

    Raises:
        BodyTooLarge: the body is longer than `limit`.
    """
    declared = request.headers.get("content-length", "")
    if declared.isascii() and declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def read_body_in_thread(request: Request, limit: int) -> bytes | None:
    """`read_body` from a sync endpoint's worker thread; None when the body is too large."""
    try:
        return anyio.from_thread.run(read_body, request, limit)
    except BodyTooLarge:
        return None
