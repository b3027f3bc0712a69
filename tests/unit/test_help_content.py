"""The help topics cover every rule, in both languages, with numbers taken from settings."""

import dataclasses
import re
from pathlib import Path

import pytest

from alme_portal.content.help import HELP_TOPICS, SECTION_TITLES, build_help_topics
from alme_portal.platform import settings
from alme_portal.platform.money import format_cents

RULES_FILE = Path(__file__).resolve().parents[2].parent / "shared/policy/RULES.md"
LANGUAGES = ("en", "fr")
NBSP = "\u00a0"


def _rule_ids_of_rules_file() -> set[str]:
    if not RULES_FILE.exists():
        pytest.skip(f"{RULES_FILE} is not available on this machine")
    return set(re.findall(r"^\| ([A-Z]\d+) \|", RULES_FILE.read_text(), flags=re.MULTILINE))


def _topic_for(rule_id: str, topics=HELP_TOPICS):
    return next(topic for topic in topics if rule_id in topic.rule_ids)


def _all_texts(topics=HELP_TOPICS):
    for topic in topics:
        for language in LANGUAGES:
            yield topic, language, topic.title[language]
            yield topic, language, topic.body[language]


def test_every_rule_of_the_rules_file_has_a_help_topic():
    rule_ids = _rule_ids_of_rules_file()
    assert len(rule_ids) >= 50  # the parse itself worked
    covered = {rule_id for topic in HELP_TOPICS for rule_id in topic.rule_ids}
    assert rule_ids - covered == set()
    assert covered - rule_ids == set()  # no topic cites a rule that does not exist


def test_topic_ids_are_unique_and_sections_known():
    ids = [topic.id for topic in HELP_TOPICS]
    assert len(ids) == len(set(ids))
    assert {topic.section for topic in HELP_TOPICS} == set(SECTION_TITLES)
    assert list(SECTION_TITLES) == [
        "orders",
        "delivery",
        "returns",
        "exchanges",
        "loyalty",
        "referral",
        "contact",
    ]


def test_topics_come_grouped_by_section_in_page_order():
    sections = [topic.section for topic in HELP_TOPICS]
    first_seen = list(dict.fromkeys(sections))
    assert first_seen == list(SECTION_TITLES)
    assert sections == sorted(sections, key=first_seen.index)


def test_every_title_and_body_exists_in_both_languages():
    for titles in SECTION_TITLES.values():
        assert set(titles) == set(LANGUAGES)
        assert all(titles[language].strip() for language in LANGUAGES)
    for topic in HELP_TOPICS:
        for field in (topic.title, topic.body):
            assert set(field) == set(LANGUAGES), topic.id
            assert all(field[language].strip() for language in LANGUAGES), topic.id
        assert topic.body["en"] != topic.body["fr"], topic.id


def test_topics_are_frozen_and_hashable():
    topic = HELP_TOPICS[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        topic.id = "other"
    assert len(set(HELP_TOPICS)) == len(HELP_TOPICS)


def test_r1_topic_quotes_the_faq_buttons_in_order():
    body = _topic_for("R1").body["en"]
    buttons = [
        "Find my order",
        "Confirm refund",
        "Continue",
        "Confirm my return",
        "Download your return label",
    ]
    positions = [body.index(f'"{button}"') for button in buttons]
    assert positions == sorted(positions)


def test_r1_steps_are_numbered_in_both_languages():
    for language in LANGUAGES:
        lines = _topic_for("R1").body[language].splitlines()
        assert [line.split(".")[0] for line in lines] == [str(n) for n in range(1, 8)]


def test_e8_topic_quotes_the_create_alert_button():
    assert '"CREATE ALERT"' in _topic_for("E8").body["en"]


def test_exchange_topics_quote_both_exchange_choices():
    body = _topic_for("E1").body["en"]
    assert '"Exchange the item"' in body
    assert '"Exchange the item for another product"' in body


def test_r2_topic_states_the_return_window():
    topic = _topic_for("R2")
    assert f"{settings.RETURN_WINDOW_DAYS} days" in topic.body["en"]
    assert f"{settings.RETURN_WINDOW_DAYS}{NBSP}jours" in topic.body["fr"]


def test_amounts_are_written_with_the_money_formatter():
    assert (
        format_cents(settings.SELF_SHIP_REIMBURSEMENT_CAP_CENTS, "en")
        in (_topic_for("R5").body["en"])
    )
    assert (
        format_cents(settings.SELF_SHIP_REIMBURSEMENT_CAP_CENTS, "fr")
        in (_topic_for("R5").body["fr"])
    )
    referral = _topic_for("F1")
    assert referral.title["fr"].count(format_cents(settings.REFERRAL_AMOUNT_CENTS, "fr")) == 2
    tiers = _topic_for("L7").body["en"]
    for _, threshold in settings.TIER_THRESHOLDS_CENTS[1:]:
        assert format_cents(threshold, "en") in tiers


def test_contact_topics_give_the_contact_details():
    for language in LANGUAGES:
        contact = _topic_for("C1").body[language]
        assert settings.CONTACT_EMAIL in contact
        assert settings.CONTACT_PHONE in contact
        assert settings.CONTACT_PHONE in _topic_for("C2").body[language]
    for domain in settings.UNREACHABLE_EMAIL_DOMAINS:
        assert f"@{domain}" in _topic_for("C2").body["en"]


@pytest.mark.parametrize(
    ("setting", "value", "rule_id", "english", "french"),
    [
        ("RETURN_WINDOW_DAYS", 30, "R2", "30 days", f"30{NBSP}jours"),
        ("REFERRAL_AMOUNT_CENTS", 2_000, "F1", "€20.00", f"20,00{NBSP}€"),
        ("SELF_SHIP_REIMBURSEMENT_CAP_CENTS", 850, "R5", "€8.50", f"8,50{NBSP}€"),
        ("LOVES_PER_EURO", 12, "L1", "12 loves", f"12{NBSP}loves"),
        ("CREDIT_NOTE_VALIDITY_DAYS", 730, "R8", "2 years", f"2{NBSP}ans"),
        ("CREDIT_NOTE_VALIDITY_DAYS", 180, "R8", "180 days", f"180{NBSP}jours"),
        ("CHRONOPOST_CUTOFF_HOUR", 13, "O4", "13:00", f"13{NBSP}h"),
        ("MONDIAL_RELAY_COUNTRIES", ("FR", "BE", "LU"), "O4", "Belgium and LU", "Belgique et LU"),
        ("CONTACT_HOURS", ((10, 0, 16, 0),), "C1", "10:00–16:00", f"de 10{NBSP}h à 16{NBSP}h"),
    ],
)
def test_text_is_built_from_settings(monkeypatch, setting, value, rule_id, english, french):
    monkeypatch.setattr(settings, setting, value)
    topic = _topic_for(rule_id, build_help_topics())
    assert english in topic.title["en"] + topic.body["en"]
    assert french in topic.title["fr"] + topic.body["fr"]


def _setting_digit_runs() -> set[int]:
    """Every number that settings can put in the text, as it may be written."""
    values: list[object] = [
        value for name, value in vars(settings).items() if name.isupper() and name[0] != "_"
    ]
    found: set[int] = set()
    while values:
        value = values.pop()
        if isinstance(value, tuple):
            values.extend(value)
        elif isinstance(value, int):
            found.add(value)
            for language in LANGUAGES:
                found.update(int(run) for run in re.findall(r"\d+", format_cents(value, language)))
        elif isinstance(value, str):
            found.update(int(run) for run in re.findall(r"\d+", value))
    return found


def test_every_number_in_the_text_comes_from_settings():
    allowed = _setting_digit_runs()
    step_number = re.compile(r"^\d+\. ", flags=re.MULTILINE)
    for topic, language, text in _all_texts():
        for run in re.findall(r"\d+", step_number.sub("", text)):
            assert int(run) in allowed, f"{topic.id} ({language}) writes {run} inline"


def test_french_text_has_no_breakable_space_before_double_punctuation():
    for topic, language, text in _all_texts():
        if language == "fr":
            for mark in (":", ";", "?", "!", "»"):
                assert f" {mark}" not in text, topic.id
            assert "« " not in text, topic.id
