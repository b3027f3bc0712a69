"""docs/rules.md resolves every rule id: a row each, real modules, real tests that name the rule."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TABLE = ROOT / "docs" / "rules.md"
RULEBOOK = ROOT.parent / "shared" / "policy" / "RULES.md"
ROW = re.compile(r"^\| ([A-Z]\d+) \| (.+?) \| (.+?) \| (.+?) \|$")


def _rows() -> dict[str, tuple[str, list[str], list[str]]]:
    rows = {}
    for line in TABLE.read_text().splitlines():
        match = ROW.match(line)
        if match:
            rule, summary, modules, tests = match.groups()
            rows[rule] = (
                summary,
                re.findall(r"`([^`]+)`", modules),
                re.findall(r"`([^`]+)`", tests),
            )
    return rows


ROWS = _rows()


def _test_source(reference: str) -> str | None:
    path, _, name = reference.partition("::")
    file = ROOT / path
    if not file.is_file():
        return None
    for node in ast.walk(ast.parse(file.read_text())):
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return ast.get_source_segment(file.read_text(), node)
    return None


def test_the_table_has_a_row_for_each_family_of_rules():
    assert {rule[0] for rule in ROWS} == {"O", "R", "E", "L", "F", "C"}
    assert len(ROWS) >= 50


@pytest.mark.skipif(not RULEBOOK.is_file(), reason="the shared rulebook is not beside this clone")
def test_every_rule_of_the_rulebook_has_a_row():
    ids = re.findall(r"^\| ([A-Z]\d+) \|", RULEBOOK.read_text(), re.M)
    assert set(ids) == set(ROWS)


@pytest.mark.parametrize("rule", sorted(ROWS))
def test_the_row_names_real_modules_and_tests_that_cite_the_rule(rule):
    summary, modules, tests = ROWS[rule]
    assert summary.strip() and modules and tests
    for module in modules:
        assert (ROOT / module).is_file(), module
    for reference in tests:
        source = _test_source(reference)
        assert source is not None, f"{reference} does not exist"
        name = reference.partition("::")[2]
        cited = re.search(rf"(^|_){rule.lower()}(_|$)", name.removeprefix("test_"))
        assert cited or re.search(rf"\b{rule}\b", source), f"{reference} does not name {rule}"
