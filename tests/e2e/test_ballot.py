"""A resident fills the participatory budget's basket on a phone, with JavaScript off and on:
over budget (the error, nothing lost), fixed, voted (an address typed, confirmed by e-mail),
then changed. Every state of the block is accessible and valid at 375 and 1280 px."""

import re
from urllib.parse import urlencode

import pytest

from .checks import assert_accessible, assert_valid_html, unfold
from .conftest import ARTIFACTS, screenshot
from .test_participation import latest_link
from .test_proposals import path_of

BUDGET = "/fr/concertations/budget-participatif-2027/"
TOWN = "Toute la ville"  # the demo's 600 000 € basket
AMOUNT = 600_000


def plain(text):
    """Text with the spaces French typography puts in numbers made plain."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


def envelope(page):
    return unfold(
        page.locator("section.ballot__envelope").filter(
            has=page.get_by_role("heading", name=TOWN, exact=True)
        )
    )


def boxes(section):
    """{checkbox: cost} of the projects on the ballot."""
    found = section.locator("input[type=checkbox][data-cost]")
    return [
        (found.nth(n), int(found.nth(n).get_attribute("data-cost"))) for n in range(found.count())
    ]


def fill_over_budget(section):
    """Tick projects, cheapest last, until the basket goes over the amount."""
    total = 0
    for box, cost in sorted(boxes(section), key=lambda item: -item[1]):
        box.check()
        total += cost
        if total > AMOUNT:
            return total
    raise AssertionError("the demo's projects should cost more than the envelope")


def fix_basket(section):
    """Untick the costliest projects until the basket fits; returns the titles kept."""
    ticked = [(box, cost) for box, cost in boxes(section) if box.is_checked()]
    total = sum(cost for _box, cost in ticked)
    for box, cost in sorted(ticked, key=lambda item: -item[1]):
        if total <= AMOUNT:
            break
        box.uncheck()
        total -= cost
    return kept(section)


def kept(section):
    return {
        box.locator("xpath=following-sibling::label").locator(".ballot__project-title").inner_text()
        for box, _cost in boxes(section)
        if box.is_checked()
    }


def shoot(page, name):
    """The whole page, and the envelope's part of the block alone (easier to look at)."""
    screenshot(page, name)
    envelope(page).screenshot(path=str(ARTIFACTS / f"{name}-block.png"))


def press(page, section, name):
    section.get_by_role("button", name=name).click()
    page.wait_for_load_state("load")
    return envelope(page)


def served(page, section, action):
    """The HTML the server answers the block's form with (`action`: its button), for the Nu
    checker: what the browser shows is its parse, not what was sent."""
    fields = section.locator("form").evaluate("form => Array.from(new FormData(form).entries())")
    address = page.url.split("#")[0]
    response = page.request.post(
        address,
        data=urlencode([*map(tuple, fields), ("action", action)]),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Referer": address},
    )
    return response.text()


@pytest.mark.parametrize("javascript", [False, True], ids=["without-js", "with-js"])
def test_a_resident_fills_a_basket_votes_and_changes_the_vote(
    new_page, server, mail_dir, javascript
):
    mode = "js" if javascript else "nojs"
    page = new_page("phone", javascript=javascript)

    def check():
        # axe runs in the page, which needs JavaScript: without it, the same HTML is checked
        # by the other run and by test_the_ballot_is_accessible_and_valid_in_every_state.
        if javascript:
            assert_accessible(page)

    page.goto(BUDGET)
    section = envelope(page)
    assert "600 000 €" in plain(section.locator(".ballot__rules").inner_text())
    check()
    shoot(page, f"ballot-initial-phone-{mode}")

    # Over budget: JavaScript says so at once; the server says it either way, nothing lost.
    total = fill_over_budget(section)
    tally = section.locator("[data-ballot-tally]")
    if javascript:
        page.wait_for_function(
            "el => el.classList.contains('ballot__tally--over')", arg=tally.element_handle()
        )
        assert "de plus" in tally.inner_text()
    chosen = kept(section)
    section = press(page, section, "Mettre à jour mon panier")
    summary = section.locator(".error-summary")
    assert summary.is_visible() and "de plus" in summary.inner_text()
    assert section.locator(".ballot__group .field__error").is_visible()
    assert kept(section) == chosen
    over = f"{total - AMOUNT:,}".replace(",", " ")
    assert over in plain(section.locator("[data-ballot-tally]").inner_text())
    if javascript:  # portal.js hands focus to the summary
        assert summary.evaluate("element => element === document.activeElement")
    check()
    shoot(page, f"ballot-error-phone-{mode}")

    # Fixed: the total fits, and the address is asked to vote.
    chosen = fix_basket(section)
    section = press(page, section, "Mettre à jour mon panier")
    assert not section.locator(".error-summary").count()
    assert kept(section) == chosen
    assert "il reste" in section.locator("[data-ballot-tally]").inner_text()
    check()
    shoot(page, f"ballot-updated-phone-{mode}")
    email = f"panier-{mode}@example.org"
    section.get_by_label("Votre adresse électronique").fill(email)
    section = press(page, section, "Voter")
    assert "Presque fini" in page.locator(".messages").inner_text()
    assert "attend que vous confirmiez" in section.inner_text()

    # The e-mail lists the vote; its link's button makes it count.
    link = latest_link(mail_dir, "/participation/confirmer/")
    page.goto(path_of(link))
    assert "voter dans « Toute la ville »" in page.locator("main").inner_text()
    page.get_by_role("button", name="Confirmer").click()
    page.wait_for_load_state("load")
    section = envelope(page)
    assert "Vous avez voté le" in section.inner_text()
    assert kept(section) == chosen
    check()
    shoot(page, f"ballot-voted-phone-{mode}")

    # Changing the vote: one project out, the vote again.
    dropped = sorted(chosen)[0]
    section.get_by_label(re.compile(re.escape(dropped))).uncheck()
    section = press(page, section, "Modifier mon vote")
    assert "votre vote est compté" in page.locator(".messages").inner_text()
    assert kept(section) == chosen - {dropped}


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_the_ballot_is_accessible_and_valid_in_every_state(new_page, server, mail_dir, width):
    page = new_page(width)
    page.goto(BUDGET)
    section = envelope(page)
    documents = [("initial", page.request.get(page.url).text())]
    assert_accessible(page)
    fill_over_budget(section)
    documents.append(("error", served(page, section, "update")))
    section = press(page, section, "Mettre à jour mon panier")
    assert section.locator(".error-summary").is_visible()
    assert_accessible(page)
    shoot(page, f"ballot-error-{width}")
    fix_basket(section)
    documents.append(("updated", served(page, section, "update")))
    section = press(page, section, "Mettre à jour mon panier")
    assert_accessible(page)
    shoot(page, f"ballot-updated-{width}")
    section.get_by_label("Votre adresse électronique").fill(f"etats-{width}@example.org")
    section = press(page, section, "Voter")
    documents.append(("waiting", page.request.get(page.url).text()))
    assert_accessible(page)
    page.goto(path_of(latest_link(mail_dir, "/participation/confirmer/")))
    documents.append(("confirmation page", page.request.get(page.url).text()))
    page.get_by_role("button", name="Confirmer").click()
    page.wait_for_load_state("load")
    assert "Vous avez voté le" in envelope(page).inner_text()
    assert_accessible(page)
    shoot(page, f"ballot-voted-{width}")
    documents.append(("voted", page.request.get(page.url).text()))
    assert_valid_html(*documents)
