"""Translated text in components: both languages are compiled in, the state picks one."""

from collections.abc import Callable

import reflex as rx

from alme_portal.i18n import translate
from alme_portal.state.ui import UiState


def _text(language: str, key: str, params) -> str:
    values = {name: value(language) if callable(value) else value for name, value in params}
    return translate(language, key, **values)


def t(key: str, **params: object | Callable[[str], object]) -> rx.Var | str:
    """Return the message `key` in the visitor's language.

    Args:
        key: a key of the message catalogues.
        **params: static values for the message's placeholders, or callables that take the
            language code and return the value (for amounts and dates written per language).
    """
    english = _text("en", key, params.items())
    french = _text("fr", key, params.items())
    if english == french:
        return english
    return rx.cond(UiState.is_french, french, english)
