"""A load balancer for tests: sends every new connection to the worker the test chose.

`switch()` ends every open connection and sends the next ones to the other worker, as a
balancer draining a worker does: the worker's side is closed first (the worker sees its
client leave), then, once `drained()` returns, the browser's side; the browser's websocket
reconnects, now to the other worker, and its next events are served there.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from typing import Any

CHUNK = 65536


class SwitchingProxy:
    """TCP proxy on `listen` to one of `workers` at a time, run in a thread of its own."""

    def __init__(self, listen: tuple[str, int], workers: list[tuple[str, int]]) -> None:
        """Prepare the proxy (started by `running()`).

        Args:
            listen: Host and port the browser connects to.
            workers: Host and port of each worker, in the order `switch()` visits them.
        """
        self.listen = listen
        self.workers = workers
        self.current = 0
        self.websockets = [0] * len(workers)
        """Websocket handshakes each worker received."""
        self._browser_side: set[asyncio.StreamWriter] = set()
        self._worker_side: set[asyncio.StreamWriter] = set()
        self._draining = False
        self._loop = asyncio.new_event_loop()
        self._websocket_seen = threading.Condition()

    @contextlib.contextmanager
    def running(self) -> Iterator[SwitchingProxy]:
        """Serve until the block ends."""
        started: Future = Future()
        thread = threading.Thread(target=self._serve, args=(started,), daemon=True)
        thread.start()
        started.result(timeout=10)
        try:
            yield self
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            thread.join(timeout=10)

    def switch(self, drained: Callable[[], None] = lambda: None) -> int:
        """Move every connection to the next worker; returns its index.

        Args:
            drained: Called once the workers' side of every connection is closed, before the
                browser's side is: returns when the worker has let go of its clients.
        """
        self._in_loop(self._close_worker_side)
        drained()
        return self._in_loop(self._move_browser_side)

    def _close_worker_side(self) -> None:
        self._draining = True
        for writer in list(self._worker_side):
            writer.transport.abort()

    def _move_browser_side(self) -> int:
        self._draining = False
        self.current = (self.current + 1) % len(self.workers)
        for writer in list(self._browser_side):
            writer.transport.abort()
        return self.current

    def _in_loop(self, function: Callable[[], Any]) -> Any:
        done: Future = Future()
        self._loop.call_soon_threadsafe(lambda: done.set_result(function()))
        return done.result(timeout=10)

    def wait_for_websocket(self, worker: int, count: int, timeout: float = 15) -> None:
        """Block until `worker` has received `count` websocket handshakes in all."""
        with self._websocket_seen:
            if not self._websocket_seen.wait_for(
                lambda: self.websockets[worker] >= count, timeout=timeout
            ):
                msg = f"worker {worker} received {self.websockets[worker]} websockets, not {count}"
                raise TimeoutError(msg)

    def _serve(self, started: Future) -> None:
        asyncio.set_event_loop(self._loop)
        server = self._loop.run_until_complete(asyncio.start_server(self._pipe, *self.listen))
        started.set_result(True)
        self._loop.run_forever()
        server.close()
        for writer in [*self._browser_side, *self._worker_side]:
            writer.transport.abort()
        self._loop.run_until_complete(asyncio.sleep(0))
        self._loop.close()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        worker = self.current
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(*self.workers[worker])
        except OSError:
            writer.transport.abort()
            return
        self._browser_side.add(writer)
        self._worker_side.add(upstream_writer)
        first = await reader.read(CHUNK)
        if first.startswith(b"GET /_event"):
            with self._websocket_seen:
                self.websockets[worker] += 1
                self._websocket_seen.notify_all()
        upstream_writer.write(first)
        await asyncio.gather(
            self._copy(reader, upstream_writer), self._copy(upstream_reader, writer)
        )
        self._browser_side.discard(writer)
        self._worker_side.discard(upstream_writer)

    async def _copy(self, source: asyncio.StreamReader, target: asyncio.StreamWriter) -> None:
        try:
            while data := await source.read(CHUNK):
                target.write(data)
                await target.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            if not (self._draining and target in self._browser_side):
                target.transport.abort()  # while draining, the browser's side waits
