"""Search the help topics: case- and accent-insensitive, every word must start a word."""

from __future__ import annotations

import functools
import re
import unicodedata

from alme_portal.content.help import HELP_TOPICS, HelpTopic

MAX_QUERY_LENGTH = 100
SEARCH_LANGUAGES = ("en", "fr")
FALLBACK_LANGUAGE = "en"
_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Return `text` case-folded and without accents (``Échange`` becomes ``echange``)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    """Return the folded words of `text` (apostrophes and hyphens separate words)."""
    return _WORD.findall(fold(text))


@functools.cache
def _index(language: str) -> tuple[tuple[HelpTopic, frozenset[str], frozenset[str]], ...]:
    """Each topic with the words of its title and of its title and body together."""
    index = []
    for topic in HELP_TOPICS:
        title_words = frozenset(words(topic.title[language]))
        index.append((topic, title_words, title_words | frozenset(words(topic.body[language]))))
    return tuple(index)


def _starts_a_word(term: str, vocabulary: frozenset[str]) -> bool:
    return any(word.startswith(term) for word in vocabulary)


def search_help(query: str, language: str, limit: int = 20) -> list[HelpTopic]:
    """Return the help topics that match every word of `query`.

    A query word matches a topic when it starts a word of its title or body ("rembours"
    finds "remboursement"), ignoring case and accents. Topics matching more query words in
    their title come first; otherwise the page order is kept.

    Args:
        query: what the visitor typed; only its first `MAX_QUERY_LENGTH` characters count. A
            query without any word returns every topic in page order.
        language: "en" or "fr"; any other value searches the English text.
        limit: the most topics to return.
    """
    language = language if language in SEARCH_LANGUAGES else FALLBACK_LANGUAGE
    limit = max(limit, 0)
    terms = words(query[:MAX_QUERY_LENGTH]) if isinstance(query, str) else []
    if not terms:
        return list(HELP_TOPICS[:limit])
    ranked = []
    for position, (topic, title_words, all_words) in enumerate(_index(language)):
        if all(_starts_a_word(term, all_words) for term in terms):
            title_hits = sum(_starts_a_word(term, title_words) for term in terms)
            ranked.append((-title_hits, position, topic))
    ranked.sort(key=lambda entry: entry[:2])
    return [topic for _, _, topic in ranked[:limit]]
