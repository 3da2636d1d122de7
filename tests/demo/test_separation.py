"""The demo app stays apart: production lacks it (that nothing imports it is a contract of
`lint-imports`, pyproject.toml)."""

import runpy


def test_production_does_not_install_the_demo_but_the_bench_does(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "separation-check")
    production = runpy.run_module("portal.settings.production")["INSTALLED_APPS"]
    bench = runpy.run_module("portal.settings.bench")["INSTALLED_APPS"]
    assert "portal.demo" not in production
    assert bench == [*production, "portal.demo"]
