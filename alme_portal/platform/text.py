"""People's names as they may appear in the brand's e-mails: short, plain, never a link.

A first name goes into e-mails sent to other people (a referral invitation, a claim request),
so a name that carries a link or an address would let anyone send the brand's e-mails with their
own message in them. Names are refused at sign-up when they look like one, and cleaned again
wherever they are written into an e-mail.
"""

from __future__ import annotations

import re
import unicodedata

NAME_IN_EMAIL_MAX = 40
"""Characters of a person's name written into an e-mail."""
_TLDS = (
    "com|net|org|info|biz|io|co|app|dev|xyz|online|site|shop|link|click|top|me|ly|gl|to|tk"
    "|fr|be|ch|de|uk|es|it|nl|eu|us|ru|cn|ca|au|pt|pl|lu|at|ie|se|no|dk|fi"
)
_LINK = re.compile(rf"(?i)(\w+://\S*|www\.\S*|\S+@\S+|\S+\.(?:{_TLDS})\b(?:[/:?#]\S*)?)")
"""A URL, a bare www. address, an e-mail address or a domain name (`evil.com/path`)."""


def looks_like_link(text: str) -> bool:
    """Whether `text` holds a URL, an e-mail address or a domain name."""
    return bool(_LINK.search(text))


def name_for_email(name: object) -> str:
    """`name` as an e-mail may write it: links and control characters out, cut to length."""
    if not isinstance(name, str):
        return ""
    kept = "".join(
        char if unicodedata.category(char)[0] not in "CZ" or char == " " else " " for char in name
    )
    plain = " ".join(_LINK.sub(" ", kept).split())
    if len(plain) > NAME_IN_EMAIL_MAX:
        plain = plain[: NAME_IN_EMAIL_MAX - 1].rstrip() + "…"
    return plain
