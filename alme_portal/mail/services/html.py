"""The branded HTML part of an e-mail, drawn from its plain text (one source of words).

Paragraphs are the plain text's blank-line blocks; links become buttons' worth of underlined
text; everything else is escaped, so a name or a subject can never add markup. The layout is
one centred table with inline styles: what every mail client renders alike.
"""

from __future__ import annotations

import html
import re

from alme_portal.content import brand
from alme_portal.i18n import hours_text, translate
from alme_portal.platform import settings

_URL = re.compile(r"https?://[^\s<>\"]+")


def _linked(line: str) -> str:
    """`line` escaped, with its web addresses as links."""
    parts, last = [], 0
    for match in _URL.finditer(line):
        url = match.group(0).rstrip(".,;:!?)")
        parts.append(html.escape(line[last : match.start()]))
        parts.append(
            f'<a href="{html.escape(url)}" style="color:{brand.TERRACOTTA};'
            f'text-decoration:underline;word-break:break-all">{html.escape(url)}</a>'
        )
        last = match.start() + len(url)
    parts.append(html.escape(line[last:]))
    return "".join(parts)


def _paragraphs(body: str) -> str:
    blocks = [block for block in re.split(r"\n\s*\n", body.strip()) if block.strip()]
    lines = ("<br>".join(_linked(line) for line in block.splitlines()) for block in blocks)
    return "".join(f'<p style="margin:0 0 16px">{line}</p>' for line in lines)


_TABLE = 'role="presentation" width="100%" cellpadding="0" cellspacing="0"'
_WORDMARK = (
    f"padding:8px 0 24px;font-family:{brand.SERIF};font-size:28px;letter-spacing:0.32em;"
    f"color:{brand.INK}"
)
_CARD = (
    f"background:#ffffff;border:1px solid {brand.LINE};padding:32px 28px;"
    f"font-family:{brand.SANS};font-size:15px;line-height:1.6;color:{brand.INK}"
)
_FOOTER = (
    f"padding:20px 4px;font-family:{brand.SANS};font-size:12px;line-height:1.5;color:{brand.MUTED}"
)


def render(body: str, language: str, *, subject: str, unsubscribe_url: str | None) -> str:
    """The HTML document for an e-mail whose plain text is `body`.

    Args:
        body: the plain-text body (the same words as the text part).
        language: "en" or "fr": the footer's language and the document's `lang`.
        subject: the subject, as the document's title.
        unsubscribe_url: for a marketing e-mail, the link that stops them (with why it came).
    """
    help_line = translate(
        language, "email.footer.help", email=settings.CONTACT_EMAIL,
        phone=settings.CONTACT_PHONE, hours=hours_text(language),
    )  # fmt: skip
    signature = translate(language, "email.footer.signature")
    unsubscribe = ""
    if unsubscribe_url:
        why = html.escape(translate(language, "email.footer.why_marketing"))
        stop = html.escape(translate(language, "email.footer.unsubscribe"))
        link = f'<a href="{html.escape(unsubscribe_url)}" style="color:{brand.MUTED}">{stop}</a>'
        unsubscribe = f'<p style="margin:12px 0 0">{why} {link}</p>'
    return f"""<!DOCTYPE html>
<html lang="{language}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{html.escape(subject)}</title></head>
<body style="margin:0;padding:0;background:{brand.IVORY}">
<table {_TABLE} style="background:{brand.IVORY}"><tr><td align="center" style="padding:32px 12px">
<table {_TABLE} style="max-width:560px">
<tr><td align="center" style="{_WORDMARK}">ALMÉ</td></tr>
<tr><td style="{_CARD}">{_paragraphs(body)}</td></tr>
<tr><td style="{_FOOTER}"><p style="margin:0">{html.escape(help_line)}</p>
<p style="margin:6px 0 0">{html.escape(signature)}</p>{unsubscribe}</td></tr>
</table></td></tr></table>
</body></html>
"""
