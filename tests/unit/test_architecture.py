"""The layout holds: domains and layers import only downwards, and no import cycle anywhere.

Domains, bottom to top: mail, accounts, orders, refunds, returns, loyalty, referral. Inside a domain
the layers are rules (plain Python), models (tables), services (database work), then views and
api. Any domain may use the shared packages (platform, adapters, i18n, content), any domain's
rules (pure functions) and any domain's models (the one schema); it calls services and views only
of its own domain or of a domain below it. Only the UI (state, pages, components, the app)
imports Reflex.
"""

import ast
import graphlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "alme_portal"
DOMAINS = ("mail", "accounts", "orders", "refunds", "returns", "loyalty", "referral")
SHARED = ("platform", "adapters", "i18n", "content")
UI = ("state", "pages", "components", "alme_portal")
LAYERS = ("rules", "models", "labels", "services", "views", "api")
"""A domain's layers, bottom to top (`returns.labels` draws the label from rules and words)."""
PURE_LIBRARIES = {"sqlmodel", "sqlalchemy", "httpx", "reflex", "starlette", "alembic"}
PURE_PLATFORM = {"settings", "clock", "calendar", "money", "contact", "vocabulary", "random_codes"}


def _name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str) -> set[str]:
    """Every module `name` imports, at the top or inside a function (`from x import module`)."""
    found = set()
    for node in ast.walk(ast.parse(MODULES[name].read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.add(full if full in MODULES else node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _portal_imports(name: str) -> set[str]:
    return {target for target in _imports(name) if target in MODULES and target != name}


def _place(name: str) -> tuple[str, str]:
    """(top package, layer) of a portal module: ("orders", "services"), ("platform", "clock")."""
    parts = name.split(".")
    top = parts[1] if len(parts) > 1 else ""
    layer = parts[2] if len(parts) > 2 else ""
    return top, layer


def _modules_of(*tops: str) -> list[str]:
    return [name for name in MODULES if _place(name)[0] in tops]


def test_no_import_cycle_anywhere():
    graph = {name: _portal_imports(name) - {name} for name in MODULES}
    graphlib.TopologicalSorter(graph).prepare()  # raises CycleError naming the cycle


@pytest.mark.parametrize("name", [n for n in MODULES if _place(n)[0] not in UI])
def test_only_the_ui_imports_reflex_or_the_ui(name):
    imported = _imports(name)
    assert "reflex" not in {target.split(".")[0] for target in imported}
    assert not {target for target in imported if _place(target)[0] in UI[:3]}


@pytest.mark.parametrize("name", [n for n in MODULES if _place(n)[1] == "rules"])
def test_rules_are_plain_python_on_pure_modules(name):
    libraries = {target.split(".")[0] for target in _imports(name)}
    assert not libraries & PURE_LIBRARIES
    for target in _portal_imports(name):
        top, layer = _place(target)
        assert (top == "platform" and layer in PURE_PLATFORM) or layer == "rules", target


@pytest.mark.parametrize("name", [n for n in MODULES if _place(n)[1] == "models"])
def test_models_are_tables_on_the_platform_only(name):
    for target in _portal_imports(name):
        assert _place(target)[0] == "platform", target


@pytest.mark.parametrize("name", _modules_of(*SHARED))
def test_shared_packages_know_no_domain(name):
    for target in _portal_imports(name):
        assert _place(target)[0] in SHARED, target


@pytest.mark.parametrize("name", _modules_of(*DOMAINS))
def test_domains_call_only_their_own_layers_below_and_lower_domains(name):
    top, layer = _place(name)
    for target in _portal_imports(name):
        other, other_layer = _place(target)
        if other in SHARED or other_layer in ("rules", "models"):
            continue
        assert other in DOMAINS, f"{name} imports the entry point or tool {target}"
        if other == top:
            assert LAYERS.index(other_layer) <= LAYERS.index(layer), target
        else:
            assert DOMAINS.index(other) < DOMAINS.index(top), f"{name} calls up into {target}"


def test_every_module_has_a_place():
    tops = {_place(name)[0] for name in MODULES}
    tools = {"", "bootstrap", "cli", "api", "http_security", "demo", "simulator", "worker"}
    assert tops <= set(DOMAINS) | set(SHARED) | set(UI) | tools
    for name in _modules_of(*DOMAINS):
        assert _place(name)[1] in LAYERS or name.count(".") == 1, name


def test_tables_are_plain_sqlmodel_not_rx_model():
    for name in MODULES:
        assert "rx.Model" not in MODULES[name].read_text(), name
