"""What every HTTP answer of the portal carries, and which browser origins may talk to it.

`security_headers` wraps the whole backend (pages, API, websocket handshake): a
Content-Security-Policy that allows only the portal's own scripts (the inline ones of the
production build by their SHA-256), no framing, no sniffing, no referrer, no powerful features,
and HSTS once served over HTTPS. `allowed_origins` feeds Reflex's CORS and websocket origin check.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from alme_portal.platform import deployment, settings

BUILD_DIR = settings.PROJECT_ROOT / ".web" / "build" / "client"
"""Where `reflex run --env prod` writes the pages it serves."""
_INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S)
HSTS = "max-age=31536000; includeSubDomains"
PERMISSIONS = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(),"
    " payment=(), usb=(), clipboard-write=(self)"
)


def allowed_origins() -> list[str]:
    """The browser origins allowed to call the backend: the public one (demo: also loopback).

    In the demo the portal is opened as `localhost` or `127.0.0.1` on the port it serves on.
    """
    public = urlsplit(settings.portal_url())
    origins = [f"{public.scheme}://{public.netloc}"]
    if not deployment.is_production() and public.hostname in deployment.LOCAL_HOSTS[:2]:
        port = f":{public.port}" if public.port else ""
        origins += [f"{public.scheme}://{host}{port}" for host in deployment.LOCAL_HOSTS[:2]]
    return sorted(set(origins))


@functools.cache
def _inline_script_hashes(build_dir: Path = BUILD_DIR) -> tuple[str, ...]:
    """The CSP source of each inline script of the production build (computed once)."""
    found = set()
    for page in sorted(build_dir.rglob("*.html")):
        for body in _INLINE_SCRIPT.findall(page.read_bytes()):
            digest = base64.b64encode(hashlib.sha256(body).digest()).decode()
            found.add(f"'sha256-{digest}'")
    return tuple(sorted(found))


def content_security_policy(build_dir: Path = BUILD_DIR) -> str:
    """The portal's Content-Security-Policy."""
    scripts = " ".join(("'self'", *_inline_script_hashes(build_dir)))
    return "; ".join(
        (
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",  # Radix and Emotion write style attributes
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        )
    )


NOT_A_DOCUMENT_POLICY = "default-src 'none'; frame-ancestors 'none'"
"""For scripts, styles, images and data: a policy only acts on documents, and the page's own
(1.4 kB of script hashes) on each of a page's ~20 requests cost 8 % of its bytes."""

NOT_A_DOCUMENT_TYPES = (
    "image/", "font/", "text/css", "text/javascript", "application/javascript",
    "application/json", "text/plain",
)  # fmt: skip
"""Content types that never become the page. Anything else gets the page's policy, including a
304 without a type: the browser keeps a revalidated page's policy from the 304."""


def _is_not_a_document(headers: MutableHeaders) -> bool:
    return headers.get("content-type", "").startswith(NOT_A_DOCUMENT_TYPES)


def _https(scope: Scope) -> bool:
    if scope.get("scheme") in ("https", "wss"):
        return True
    headers = dict(scope.get("headers") or [])
    return headers.get(b"x-forwarded-proto", b"").split(b",")[0].strip() == b"https"


def security_headers(app: ASGIApp) -> ASGIApp:
    """Wrap `app` so that every HTTP answer carries the portal's security headers."""

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = (
                    NOT_A_DOCUMENT_POLICY
                    if _is_not_a_document(headers)
                    else content_security_policy()
                )
                headers["X-Frame-Options"] = "DENY"
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "no-referrer"
                headers["Permissions-Policy"] = PERMISSIONS
                headers["Cross-Origin-Opener-Policy"] = "same-origin"
                if _https(scope) and deployment.is_production():
                    headers["Strict-Transport-Security"] = HSTS
            await send(message)

        await app(scope, receive, send_with_headers)

    return wrapped
