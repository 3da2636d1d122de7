"""A resident reads the results of the demo's 2026 participatory budget on its restitution, on
a phone and on a computer."""

import pytest

from .checks import assert_accessible, assert_valid_html
from .conftest import screenshot

RESTITUTION = "/fr/concertations/budget-participatif-2026/resultats/"


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_the_budget_results_are_readable_and_accessible(new_page, width):
    page = new_page(width)
    assert page.goto(RESTITUTION).status == 200
    block = page.locator(".block-budget")
    envelopes = block.locator("h3").all_inner_texts()
    assert envelopes[0].startswith("Toute la ville")
    winners = block.locator(".block-budget__winners").first.locator("li").all_inner_texts()
    assert len(winners) == 5 and all("€" in winner for winner in winners)
    # Every chart has its table: the projects' votes and the ballots by district.
    assert block.locator("svg.bar-chart").count() == block.locator("table.data-table").count()
    assert block.locator("table.data-table").count() == 2 * len(envelopes)
    screenshot(page, f"budget-results-{width}")
    assert_accessible(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the results scroll sideways by {overflow}px at {width}"


def test_the_budget_results_are_valid_html(new_page, server):
    page = new_page()
    assert_valid_html(("budget-results", page.request.get(server + RESTITUTION).text()))
