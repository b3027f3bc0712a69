"""`/api/unsubscribe?token=`: the link every marketing e-mail carries (RFC 8058).

GET shows a page with one button (link checkers and previews open links: they must not
unsubscribe anyone); POST, from that button or from the mail client's one-click, unsubscribes.
"""

from __future__ import annotations

import html

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from alme_portal.content import brand
from alme_portal.i18n import translate
from alme_portal.mail.services import recipients
from alme_portal.platform import db, settings

UNSUBSCRIBE_PATH = "/api/unsubscribe"


def _page(language: str, message_key: str, *, form_action: str | None = None) -> HTMLResponse:
    button = ""
    if form_action:
        label = html.escape(translate(language, "unsubscribe.button"))
        button = (
            f'<form method="post" action="{html.escape(form_action)}">'
            f'<button type="submit" style="background:{brand.INK};color:{brand.IVORY};border:0;'
            f'padding:14px 28px;letter-spacing:0.12em;text-transform:uppercase;cursor:pointer">'
            f"{label}</button></form>"
        )
    return HTMLResponse(
        f"""<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{settings.BRAND_NAME}</title></head>
<body style="margin:0;background:{brand.IVORY};color:{brand.INK};font-family:{brand.SANS}">
<main style="max-width:480px;margin:0 auto;padding:64px 20px;text-align:center">
<p style="font-family:{brand.SERIF};font-size:28px;letter-spacing:0.32em">ALMÉ</p>
<p style="line-height:1.6;margin:32px 0">{html.escape(translate(language, message_key))}</p>
{button}</main></body></html>""",
        headers={"Cache-Control": "no-store"},
    )


async def unsubscribe(request: Request) -> Response:
    """Ask (GET) or unsubscribe (POST) the address whose link carries `token`."""
    language = settings.supported_language(request.query_params.get("lang"))
    token = request.query_params.get("token", "")
    if request.method == "GET":
        with db.session_scope() as session:
            known = recipients.token_is_known(session, token)
        if not known:
            return _page(language, "unsubscribe.unknown")
        return _page(language, "unsubscribe.ask", form_action=str(request.url))
    with db.session_scope(write=True) as session:
        done = recipients.unsubscribe(session, token)
    if not done:
        return Response(status_code=404)
    return _page(language, "unsubscribe.done")
