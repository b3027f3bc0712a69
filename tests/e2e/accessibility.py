"""axe-core in the browser tests: every rule of WCAG 2.x A/AA, best practices and experimental.

The script is the `axe-core` npm package the Makefile installs (`ALME_AXE` names its file);
Playwright evaluates it in the page, as a browser extension would, so the page's policy is
unchanged. Each check runs at a phone's and a desktop's width (375 and 1280 px) and leaves a
screenshot of each under `artifacts/screens/a11y/` for a person to look at.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest
from conftest import ARTIFACTS, ROOT

AXE_FILE = Path(os.environ.get("ALME_AXE", ROOT / ".venv/axe/node_modules/axe-core/axe.min.js"))
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa",
            "best-practice", "experimental"]  # fmt: skip
AXE_WIDTHS = (375, 1280)
SCREENS = ARTIFACTS / "screens" / "a11y"
RUN_AXE = """tags => axe.run(document, {
    runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"""


@cache
def axe_source() -> str:
    """The axe-core script; a missing one fails the run (`make test` installs it)."""
    if not AXE_FILE.is_file():
        pytest.fail(f"axe-core is not installed at {AXE_FILE}: run `make test`")
    return AXE_FILE.read_text()


def violations(page) -> list[str]:
    """axe-core's findings on the page as it stands, one line per element."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    found = page.evaluate(RUN_AXE, AXE_TAGS)["violations"]
    return [
        f"{rule['id']} ({rule['impact']}) {node['target']}: {node['failureSummary']}"
        for rule in found
        for node in rule["nodes"]
    ]


def check(page, name: str, findings: dict[str, list[str]], widths=None) -> None:
    """Run axe at each width, record what it finds under `name`, screenshot it.

    Args:
        page: the tab, on the state to check.
        name: what the state is called in the report and the screenshots' names.
        findings: where the findings go, by state (the test asserts it empty at the end).
        widths: only these widths (a state that exists at one width only).
    """
    SCREENS.mkdir(parents=True, exist_ok=True)
    original = page.viewport_size
    for width in widths or AXE_WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(SCREENS / f"{name}-{width}.png"), full_page=True)
        found = violations(page)
        if found:
            findings[f"{name} at {width} px"] = found
    page.set_viewport_size(original)


def report(findings: dict[str, list[str]]) -> str:
    """The findings, readable in a failed test's message."""
    return "\n".join(f"{where}:\n  " + "\n  ".join(lines) for where, lines in findings.items())
