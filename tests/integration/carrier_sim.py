"""The carrier simulator over real HTTP on loopback, and its fault controls, for the tests."""

import contextlib
import threading
import time

import httpx
import uvicorn

OKAPI_KEY = "K" * 64
MR_KEY = "TESTKEY1"


@contextlib.contextmanager
def serve(app):
    """Serve `app` with uvicorn on a free loopback port in a background thread; yield its URL."""
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning",
                       timeout_graceful_shutdown=1)
    )  # fmt: skip
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the simulator did not start"
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=5)


def arm(url, route, kind, count=1, **extra):
    """Make the simulator's next `count` calls on `route` fail with `kind`."""
    body = {"route": route, "kind": kind, "count": count, **extra}
    httpx.post(f"{url}/_control/faults", json=body).raise_for_status()


def request_count(url, route):
    """How many calls the simulator has had on `route`."""
    return httpx.get(f"{url}/_control/requests").json()[route]
