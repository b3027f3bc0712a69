"""Help search: accent- and case-insensitive word prefixes, all words required, titles first."""

from alme_portal.content.help import HELP_TOPICS
from alme_portal.content.search import MAX_QUERY_LENGTH, fold, search_help, words


def ids(topics):
    return [topic.id for topic in topics]


def test_fold_strips_case_and_accents():
    assert fold("Échange À ÉTÉ Noël") == "echange a ete noel"
    assert words("L'échange, c'est gratuit !") == ["l", "echange", "c", "est", "gratuit"]


def test_empty_or_blank_query_returns_every_topic_in_page_order():
    every = list(HELP_TOPICS)
    for query in ("", "   ", "\t\n", "…!?"):
        assert search_help(query, "fr", limit=len(every)) == every
    assert search_help("", "en") == every[:20]


def test_accentless_query_finds_accented_french_words():
    found = search_help("echange", "fr")
    exchange_topics = {topic.id for topic in HELP_TOPICS if topic.section == "exchanges"}
    assert exchange_topics <= set(ids(found))
    for topic in found:
        assert "echange" in fold(topic.title["fr"] + topic.body["fr"])
    assert ids(search_help("ÉCHANGE", "fr")) == ids(found)
    assert ids(search_help("Échange", "fr")) == ids(found)


def test_query_words_match_word_prefixes_only():
    found = search_help("rembours", "fr")
    assert "refund-timing" in ids(found)
    for topic in found:
        text_words = words(topic.title["fr"] + " " + topic.body["fr"])
        assert any(word.startswith("rembours") for word in text_words)
    assert search_help("bours", "fr") == []  # inside "remboursement", not at its start


def test_every_query_word_must_match():
    both = set(ids(search_help("colissimo chronopost", "en")))
    assert both == {"delivery-times"}
    gift = set(ids(search_help("gift", "en")))
    refund = set(ids(search_help("refund", "en")))
    assert set(ids(search_help("gift refund", "en"))) == gift & refund
    assert search_help("colissimo instagram", "en") == []


def test_title_matches_rank_above_body_matches():
    found = ids(search_help("gift card", "en"))
    # "Orders paid with a gift card" matches in its title; payment methods only in its body,
    # although it comes first on the page.
    assert found.index("gift-card-refunds") < found.index("payment-methods")
    assert found[0] == "gift-card-refunds"


def test_ranking_keeps_title_matches_first_for_any_query():
    for query in ("return", "loves", "retour", "colis", "e-mail"):
        for language in ("en", "fr"):
            found = search_help(query, language, limit=len(HELP_TOPICS))
            title_hits = [
                all(
                    any(word.startswith(term) for word in words(topic.title[language]))
                    for term in words(query)
                )
                for topic in found
            ]
            assert title_hits == sorted(title_hits, reverse=True), (query, language)


def test_equally_ranked_topics_keep_page_order():
    found = search_help("mondial", "en", limit=len(HELP_TOPICS))
    assert len(found) >= 3
    page_order = [topic for topic in HELP_TOPICS if topic in found]
    assert found == page_order  # no topic has "Mondial" in its title


def test_limit_caps_the_results():
    assert len(search_help("", "en", limit=3)) == 3
    assert len(search_help("the", "en", limit=2)) == 2
    assert search_help("the", "en", limit=0) == []
    assert search_help("the", "en", limit=-5) == []


def test_query_is_bounded():
    padded = "colissimo" + " " * MAX_QUERY_LENGTH + "zzzz"
    assert ids(search_help(padded, "en")) == ["delivery-times"]
    assert search_help("z" * 10_000, "en") == []


def test_unknown_language_searches_english():
    assert search_help("refund", "de") == search_help("refund", "en")
    assert search_help("remboursement", "de") == []
    assert search_help("remboursement", "fr") != []


def test_non_text_query_returns_every_topic():
    assert search_help(None, "en", limit=len(HELP_TOPICS)) == list(HELP_TOPICS)
