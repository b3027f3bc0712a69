"""The layers stay apart: rules, services, models, content and catalogues never import Reflex."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "alme_portal"
PLAIN_LAYERS = (
    "rules",
    "services",
    "models",
    "content",
    "i18n",
    "carriers",
    "labels",
    "simulator",
    "views",
    "api",
)
PLAIN_MODULES = ("settings.py", "clock.py", "db.py", "cli.py")


def _plain_files():
    for layer in PLAIN_LAYERS:
        yield from sorted((PACKAGE / layer).rglob("*.py"))
    for name in PLAIN_MODULES:
        yield PACKAGE / name


def _imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            roots.add(node.module.split(".")[0])
            if node.module.startswith("alme_portal.state") or node.module.startswith(
                "alme_portal.pages"
            ):
                roots.add("alme_portal.ui-layer")
    return roots


@pytest.mark.parametrize("path", list(_plain_files()), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_plain_python_layers_do_not_import_reflex(path):
    roots = _imported_roots(path)
    assert "reflex" not in roots
    assert "alme_portal.ui-layer" not in roots


def test_tables_are_plain_sqlmodel_not_rx_model():
    for path in (PACKAGE / "models").rglob("*.py"):
        assert "rx.Model" not in path.read_text()
