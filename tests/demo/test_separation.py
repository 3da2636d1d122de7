"""The demo app stays apart: nothing else in portal/ imports it, and production lacks it."""

import ast
import runpy
from pathlib import Path

PORTAL = Path(__file__).resolve().parents[2] / "portal"


def imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def test_nothing_outside_the_demo_app_imports_it():
    importers = [
        str(path.relative_to(PORTAL.parent))
        for path in PORTAL.rglob("*.py")
        if PORTAL / "demo" not in path.parents
        and any(
            name == "portal.demo" or name.startswith("portal.demo.")
            for name in imported_modules(path)
        )
    ]
    assert importers == []


def test_production_does_not_install_the_demo_but_the_bench_does(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "separation-check")
    production = runpy.run_module("portal.settings.production")["INSTALLED_APPS"]
    bench = runpy.run_module("portal.settings.bench")["INSTALLED_APPS"]
    assert "portal.demo" not in production
    assert bench == [*production, "portal.demo"]
