"""Load client speaking a Reflex 0.10 browser's raw Engine.IO v4 / Socket.IO v5 frames.

One `Session` is one browser tab: a websocket to `/_event/?token=<uuid4>&EIO=4&transport=websocket`
with the Reflex version as subprotocol, the hydrate event sent as the auth payload of the
Socket.IO CONNECT of namespace `/_event`, and events as `42/_event,["event",{...}]`. A background
reader answers Engine.IO pings (`2` -> `3`), merges every delta into `Session.state` (as the
browser's reducers do: per substate, shallow) and queues the `event` frames for `event()`.

Completion of an event: the server sends nothing for an event that changes no var (nor for an
unknown handler name), one delta for a plain handler, one per `yield` for a generator, and
events chained to backend handlers run later in the same per-token queue without any marker.
So `event()` ends at the first frame for which `until(merged_delta)` holds (default: the first
frame), raising `BackendError` if the frame carries the default backend exception toast (the
handler raised); `fence()` sends `set_is_hydrated(True)`, which always answers, to wait until
everything sent before it has been processed.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import time
import urllib.parse
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import websockets

NAMESPACE = "/_event"
ROOT_STATE = "reflex___state____state"
FIELD_SUFFIX = "_rx_state_"
HYDRATED = "is_hydrated" + FIELD_SUFFIX
FRAME_TIMEOUT_S = 30.0


class ProtocolError(RuntimeError):
    """The server refused, closed, or answered something a browser would not accept."""


class BackendError(RuntimeError):
    """A handler raised: the reply carries the default backend exception toast."""


def handler_name(state_cls: Any, handler: str) -> str:
    """Full event name of a handler: `<state_cls.get_full_name()>.<handler>`.

    Args:
        state_cls: The `rx.State` subclass (importing the app module is the caller's business).
        handler: The handler's method name.

    Returns:
        The name the frontend sends, e.g. `reflex___state____state.app___app____s.increment`.
    """
    return f"{state_cls.get_full_name()}.{handler}"


def _const(text: str, name: str) -> Any:
    match = re.search(rf"^export const {name} = (.+?);?$", text, re.MULTILINE)
    if match is None:
        msg = f"`export const {name}` not found in context.jsx"
        raise ProtocolError(msg)
    return json.loads(match.group(1))


@dataclass(frozen=True)
class AppInfo:
    """What the compiled frontend sends at hydrate, read from `.web/utils/context.jsx`."""

    state_hashes: list[str]
    state_schema: str
    initial_state: dict[str, dict[str, Any]]
    state_name: str = ROOT_STATE
    version: str = ""

    @classmethod
    def from_app_dir(cls, app_dir: Path) -> AppInfo:
        """Read the hashes, schema and initial state of a built app.

        Args:
            app_dir: The app directory (holding `.web/` after a build).

        Returns:
            The app info.
        """
        text = (Path(app_dir) / ".web" / "utils" / "context.jsx").read_text()
        try:
            from reflex_base.constants import Reflex

            version = Reflex.VERSION
        except ImportError:  # pragma: no cover - the harness runs in the app's venv
            version = ""
        return cls(
            state_hashes=_const(text, "initialStateHashes"),
            state_schema=_const(text, "stateSchema"),
            initial_state=_const(text, "initialState"),
            state_name=_const(text, "state_name"),
            version=version,
        )


@dataclass
class Frame:
    """One `event` frame from the server and the `perf_counter` time it arrived."""

    t: float
    delta: dict[str, dict[str, Any]]
    events: list[dict[str, Any]] = field(default_factory=list)
    backend_error: bool = False


def _router_data(pathname: str, query: Mapping[str, str] | None) -> dict[str, Any]:
    search = f"?{urllib.parse.urlencode(query)}" if query else ""
    data: dict[str, Any] = {"pathname": pathname, "asPath": pathname + search}
    if query:
        data["query"] = dict(query)
    return data


def _merge(into: dict[str, dict[str, Any]], delta: Mapping[str, Mapping[str, Any]]) -> None:
    for substate, changes in delta.items():
        into.setdefault(substate, {}).update(changes)


class Session:
    """One simulated browser tab on a Reflex app.

    Attributes:
        state: The client-side state, compiled defaults merged with every delta received.
        token: The tab's token (a uuid4; replaced if the server sends `new_token`).
        last_events: Frontend events (`_redirect`, `_call_function`...) of the last `event()`.
        stray_frames: Frames received while no `event()` was waiting (merged, not timed).
        pings: Engine.IO pings answered.
    """

    def __init__(
        self,
        app: AppInfo,
        *,
        token: str | None = None,
        frame_timeout: float = FRAME_TIMEOUT_S,
    ) -> None:
        self.app = app
        self.token = token or str(uuid.uuid4())
        self.frame_timeout = frame_timeout
        self.state: dict[str, dict[str, Any]] = json.loads(json.dumps(app.initial_state))
        self.pathname = "/"
        self.query: dict[str, str] = {}
        self.last_events: list[dict[str, Any]] = []
        self.stray_frames = 0
        self.pings = 0
        self._ws: Any = None
        self._reader: asyncio.Task | None = None
        self._frames: asyncio.Queue[Frame | BaseException] = asyncio.Queue()
        self._error: BaseException | None = None

    def get(self, state_name: str, var: str, default: Any = None) -> Any:
        """Value of a var in the merged client-side state.

        Args:
            state_name: Full state name (`State.get_full_name()`).
            var: The var name, without the `_rx_state_` suffix.
            default: Returned when absent.

        Returns:
            The value.
        """
        return self.state.get(state_name, {}).get(var + FIELD_SUFFIX, default)

    @property
    def hydrated(self) -> bool:
        """Whether the root state says the page is hydrated (on_load handlers done)."""
        return bool(self.state.get(self.app.state_name, {}).get(HYDRATED))

    async def connect(
        self,
        base_url: str,
        pathname: str = "/",
        query: Mapping[str, str] | None = None,
        *,
        headers: Mapping[str, str] | None = None,
        cookies: Mapping[str, str] | None = None,
        storage_vars: Mapping[str, Any] | None = None,
    ) -> tuple[float, dict[str, dict[str, Any]]]:
        """Open the websocket, hydrate as the browser does and wait until hydrated.

        Args:
            base_url: `http://host:port` of the app.
            pathname: The page's path as the browser's router sees it (e.g. `/counter/`).
            query: The page's query parameters.
            headers: Extra HTTP headers of the websocket handshake.
            cookies: Cookies sent with the handshake.
            storage_vars: Client storage vars (`rx.Cookie`/`rx.LocalStorage`), sent as the
                hydrate's `vars` the way the browser sends the ones it holds.

        Returns:
            (milliseconds from opening the TCP connection to `is_hydrated` true, merged state).

        Raises:
            ProtocolError: On a refused connect, `state_mismatch` or a closed socket.
        """
        self.pathname, self.query = pathname, dict(query or {})
        parsed = urllib.parse.urlsplit(base_url)
        scheme = "wss" if parsed.scheme == "https" else "ws"
        url = f"{scheme}://{parsed.netloc}{NAMESPACE}/?token={self.token}&EIO=4&transport=websocket"
        extra = {"Origin": f"{parsed.scheme}://{parsed.netloc}", **(headers or {})}
        if cookies:
            extra["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        payload: dict[str, Any] = {"hashes": self.app.state_hashes}
        if storage_vars:
            payload["vars"] = dict(storage_vars)
        auth = {
            "event": {
                "name": f"{self.app.state_name}.hydrate_and_load",
                "payload": payload,
                "router_data": _router_data(pathname, self.query),
            },
            "state_schema": self.app.state_schema,
        }
        t0 = time.perf_counter()
        self._ws = await websockets.connect(
            url,
            subprotocols=[self.app.version] if self.app.version else None,
            additional_headers=extra,
            compression=None,
            max_size=None,
            ping_interval=None,
            open_timeout=self.frame_timeout,
        )
        opening = await asyncio.wait_for(self._ws.recv(), self.frame_timeout)
        if not opening.startswith("0"):
            msg = f"expected an Engine.IO open packet, got {opening[:200]!r}"
            raise ProtocolError(msg)
        self._reader = asyncio.create_task(self._read())
        await self._ws.send(f"40{NAMESPACE},{json.dumps(auth, separators=(',', ':'))}")
        merged: dict[str, dict[str, Any]] = {}
        while True:
            frame = await self._next_frame()
            _merge(merged, frame.delta)
            if merged.get(self.app.state_name, {}).get(HYDRATED):
                return (frame.t - t0) * 1e3, merged

    async def event(
        self,
        name: str,
        payload: Mapping[str, Any] | None = None,
        *,
        until: Callable[[dict[str, dict[str, Any]]], bool] | None = None,
        pathname: str | None = None,
        query: Mapping[str, str] | None = None,
    ) -> tuple[float, dict[str, dict[str, Any]]]:
        """Send one event and wait for its reply.

        Args:
            name: Full event name (see `handler_name`).
            payload: The handler's arguments by name.
            until: Predicate on the delta merged so far; the round trip ends at the first frame
                for which it is true. Default: the first frame.
            pathname: router_data pathname; default the page connected to (or last given).
            query: router_data query; default the connected page's.

        Returns:
            (round trip in ms from send to the ending frame, the merged delta of the frames).

        Raises:
            ProtocolError: On `state_mismatch` or a closed socket.
            BackendError: If the handler raised (the default backend exception toast came back).
            TimeoutError: When no frame arrives for `frame_timeout` seconds.
        """
        while not self._frames.empty():  # frames nobody waited for: already merged
            item = self._frames.get_nowait()
            if isinstance(item, BaseException):
                raise item
            self.stray_frames += 1
        if pathname is not None:
            self.pathname = pathname
        if query is not None:
            self.query = dict(query)
        message = {
            "name": name,
            "payload": dict(payload or {}),
            "router_data": _router_data(self.pathname, self.query),
        }
        text = f'42{NAMESPACE},["event",{json.dumps(message, separators=(",", ":"))}]'
        self.last_events = []
        merged: dict[str, dict[str, Any]] = {}
        t0 = time.perf_counter()
        await self._ws.send(text)
        while True:
            frame = await self._next_frame()
            _merge(merged, frame.delta)
            self.last_events.extend(frame.events)
            if frame.backend_error:
                msg = f"{name} raised on the server (see the server log)"
                raise BackendError(msg)
            if until is None or until(merged):
                return (frame.t - t0) * 1e3, merged

    async def fence(self) -> float:
        """Wait until the server has processed everything this tab sent before.

        Sends `set_is_hydrated(True)`, which always answers with a delta; events of one token run
        in order, but backend events chained by a handler are queued behind the fence.

        Returns:
            The round trip in ms.
        """

        def done(delta: dict[str, dict[str, Any]]) -> bool:
            return HYDRATED in delta.get(self.app.state_name, {})

        ms, _ = await self.event(
            f"{self.app.state_name}.set_is_hydrated", {"value": True}, until=done
        )
        return ms

    async def close(self) -> None:
        """Disconnect the namespace and close the websocket."""
        if self._ws is not None:
            with contextlib.suppress(Exception):
                await self._ws.send(f"41{NAMESPACE},")
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._ws.close(), 5)
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._reader

    async def __aenter__(self) -> Session:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def _next_frame(self) -> Frame:
        if self._error is not None and self._frames.empty():
            raise self._error
        try:
            item = await asyncio.wait_for(self._frames.get(), self.frame_timeout)
        except TimeoutError:
            msg = f"no frame from the server in {self.frame_timeout:.0f} s"
            raise TimeoutError(msg) from None
        if isinstance(item, BaseException):
            raise item
        return item

    def _fail(self, error: BaseException) -> None:
        if self._error is None:
            self._error = error
        self._frames.put_nowait(error)

    async def _read(self) -> None:
        ws = self._ws
        try:
            async for text in ws:
                now = time.perf_counter()
                if text == "2":
                    await ws.send("3")
                    self.pings += 1
                elif text.startswith("42"):
                    self._on_message(now, text)
                elif text.startswith(("44", "41")) or text == "1":
                    self._fail(ProtocolError(f"server refused or ended the session: {text[:300]}"))
                    return
        except websockets.ConnectionClosed as exc:
            self._fail(ProtocolError(f"websocket closed: {exc}"))
            return
        self._fail(ProtocolError("websocket closed by the server"))

    def _on_message(self, now: float, text: str) -> None:
        body = text[2:]
        if body.startswith(NAMESPACE):
            body = body[len(NAMESPACE) + 1 :]
        kind, *args = json.loads(body)
        if kind == "event":
            update = args[0] if args else {}
            delta = update.get("delta") or {}
            _merge(self.state, delta)
            events = update.get("events") or []
            # The default backend exception handler's toast (`["id"] : "backend_error"` in JS),
            # or an app's own handler setting a var `backend_failed` (the portal's banner).
            error = (bool(events) and "backend_error" in body) or any(
                values.get("backend_failed" + FIELD_SUFFIX) is True for values in delta.values()
            )
            self._frames.put_nowait(Frame(now, delta, events, error))
        elif kind == "state_mismatch":
            self._fail(ProtocolError(f"state_mismatch: {args}: the frontend build is stale"))
        elif kind == "new_token":
            self.token = args[0]
