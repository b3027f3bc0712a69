"""The demo's e-mail: a local SMTP catcher, the mail worker, and a mailbox page to read them.

`make run` starts `alme-portal demo mail`: the catcher takes every e-mail the worker sends into a
Maildir (`.demo-mail/`, ignored by git), and the portal serves it at `/_demo/mailbox`, so a
person trying the demo can follow a password reset or a referral invitation end to end. Never
in production: the command refuses and the page is not mounted.
"""

from __future__ import annotations

import html
import mailbox
import os
import re
import threading
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from alme_portal.content import brand
from alme_portal.platform import clock, settings

MAILBOX_PATH = "/_demo/mailbox"
MAILDIR_ENV = "ALME_DEMO_MAILDIR"
DEMO_POLL_SECONDS = 1.0
"""The demo's worker looks for e-mails every second: a person waits for the reset link."""
_KEY = re.compile(r"[A-Za-z0-9._-]{1,120}")


def maildir_path() -> Path:
    """Where the catcher keeps what it caught (`ALME_DEMO_MAILDIR`, else `.demo-mail/`)."""
    return Path(os.environ.get(MAILDIR_ENV) or settings.PROJECT_ROOT / ".demo-mail")


def serve(stop: threading.Event | None = None) -> None:
    """Catch e-mails on the configured SMTP port and send the outbox to it, until stopped.

    Args:
        stop: set it to stop (the tests); a signal stops the command.
    """
    from alme_portal import worker  # the worker loop; the page side needs none of it

    port = int(settings.smtp_setting(settings.SMTP_PORT_ENV, str(settings.DEFAULT_SMTP_PORT)))
    catcher = Controller(Mailbox(maildir_path()), hostname="127.0.0.1", port=port)
    catcher.start()
    where = f"{settings.portal_url()}{MAILBOX_PATH}"
    print(f"Demo mail: caught on 127.0.0.1:{port}, read at {where}", flush=True)  # noqa: T201
    try:
        worker.run(stop, poll_seconds=DEMO_POLL_SECONDS)
    finally:
        catcher.stop()


def _messages() -> list[tuple[str, EmailMessage]]:
    """Every caught e-mail with its key, newest first."""
    folder = maildir_path()
    if not folder.exists():
        return []
    box = mailbox.Maildir(folder, factory=None, create=False)
    found = []
    for key in box.keys():
        with box.get_file(key) as file:
            found.append((key, message_from_bytes(file.read(), policy=policy.default)))
    return sorted(found, key=lambda item: _sent_at(item[1]), reverse=True)


def _message(key: str) -> EmailMessage | None:
    if not _KEY.fullmatch(key):
        return None
    try:
        box = mailbox.Maildir(maildir_path(), factory=None, create=False)
        with box.get_file(key) as file:
            return message_from_bytes(file.read(), policy=policy.default)
    except (KeyError, OSError):
        return None


def _sent_at(message: EmailMessage) -> datetime:
    try:
        return parsedate_to_datetime(message["Date"])
    except (TypeError, ValueError):
        return datetime.min.replace(tzinfo=UTC)


def _paris_time(message: EmailMessage) -> str:
    return f"{clock.in_paris(_sent_at(message)):%d/%m %H:%M}"


_LINK = f"color:{brand.TERRACOTTA}"
_CELL = f"padding:10px 8px;border-bottom:1px solid {brand.LINE};vertical-align:top"


def _page(title: str, content: str) -> HTMLResponse:
    return HTMLResponse(
        f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{html.escape(title)}</title></head>
<body style="margin:0;background:{brand.IVORY};color:{brand.INK};font-family:{brand.SANS}">
<main style="max-width:820px;margin:0 auto;padding:32px 16px">{content}</main></body></html>""",
        headers={"Cache-Control": "no-store"},
    )


def mailbox_page(_request: Request) -> HTMLResponse:
    """`GET /_demo/mailbox`: what the demo sent, newest first."""
    rows = "".join(
        f'<tr><td style="{_CELL};white-space:nowrap">{_paris_time(message)}</td>'
        f'<td style="{_CELL}">{html.escape(str(message["To"]))}</td>'
        f'<td style="{_CELL}"><a style="{_LINK}" href="{MAILBOX_PATH}/{key}">'
        f"{html.escape(str(message['Subject']))}</a></td></tr>"
        for key, message in _messages()
    )
    empty = "<p>Nothing sent yet. Ask for a password reset or invite a friend.</p>"
    table = (
        f'<table style="width:100%;border-collapse:collapse;font-size:14px">{rows}</table>'
        if rows
        else empty
    )
    return _page(
        "Demo mailbox · Almé",
        f'<p style="font-family:{brand.SERIF};font-size:28px;letter-spacing:0.32em">ALMÉ</p>'
        f'<h1 style="font-family:{brand.SERIF};font-weight:500">Demo mailbox</h1>'
        f'<p style="color:{brand.MUTED}">Every e-mail the demo portal sent, as its recipient '
        f"sees it. Demo only: a real deployment sends through its SMTP server.</p>{table}",
    )


def message_page(request: Request) -> Response:
    """`GET /_demo/mailbox/{key}`: one e-mail's HTML, under a bar with its headers and files."""
    key = request.path_params["key"]
    message = _message(key)
    if message is None:
        return Response(status_code=404)
    files = " ".join(
        f'<a style="{_LINK}" href="{MAILBOX_PATH}/{key}/{index}">'
        f"{html.escape(part.get_filename() or f'file {index}')}</a>"
        for index, part in enumerate(message.iter_attachments())
    )
    bar = (
        f'<div id="demo-mail-headers" style="font-family:{brand.SANS};font-size:13px;'
        f'background:{brand.SAND};padding:12px 16px;line-height:1.7">'
        f'<a style="{_LINK}" href="{MAILBOX_PATH}">← Demo mailbox</a><br>'
        f"<b>From</b> {html.escape(str(message['From']))} · <b>To</b> "
        f"{html.escape(str(message['To']))}<br><b>Subject</b> "
        f"{html.escape(str(message['Subject']))}"
        + (f"<br><b>Attached</b> {files}" if files else "")
        + "</div>"
    )
    body = message.get_body(("html", "plain"))
    content = body.get_content() if body else ""
    if body is None or body.get_content_type() != "text/html":
        content = f'<pre style="white-space:pre-wrap">{html.escape(content)}</pre>'
    opening = re.search(r"<body[^>]*>", content)
    at = opening.end() if opening else 0
    return HTMLResponse(content[:at] + bar + content[at:], headers={"Cache-Control": "no-store"})


def attachment(request: Request) -> Response:
    """`GET /_demo/mailbox/{key}/{index}`: a file sent with an e-mail, shown by the browser."""
    message = _message(request.path_params["key"])
    parts = list(message.iter_attachments()) if message else []
    index = request.path_params["index"]
    if index >= len(parts):
        return Response(status_code=404)
    part = parts[index]
    return Response(
        part.get_content(), media_type=part.get_content_type(),
        headers={"Content-Disposition": f'inline; filename="{part.get_filename() or "file"}"'},
    )  # fmt: skip


def create_mailbox_app() -> Starlette:
    """The demo mailbox pages (mounted at `/_demo/mailbox` outside production only)."""
    return Starlette(
        routes=[
            Route("/", mailbox_page),
            Route("/{key}", message_page),
            Route("/{key}/{index:int}", attachment),
        ]
    )
