"""A resident follows a consultation without JavaScript and confirms by the e-mailed link;
the follow pages, in each state, pass axe-core and the Nu HTML Checker at 375 and 1280 px."""

import re

import pytest
from playwright.sync_api import expect

from .checks import assert_accessible, assert_valid_html
from .conftest import screenshot
from .test_participation import CONSULTATION, latest_link

BAD_LINK = "/fr/suivre/desabonnement/lien-abime/"
UNSUBSCRIBED = "/fr/suivre/desabonne/"


def follow(page, email):
    """From the consultation's "Stay informed" box to its follow page, a mistake first, then
    the address; returns the follow page's address and the HTML of its states."""
    page.goto(CONSULTATION)
    box = page.locator("#follow")
    assert "Restez informé" in box.inner_text()
    box.locator("a").first.click()
    page.wait_for_url(re.compile(r"/fr/suivre/consultation/"))
    url = page.url
    states = [("follow form", page.content())]
    # A mistake: said in the summary and next to the field, what was chosen is kept.
    page.get_by_label("Votre adresse électronique").fill(email.split(".")[0])
    page.get_by_label("Un résumé par semaine").check()
    page.get_by_role("button", name="Suivre", exact=True).click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert page.get_by_label("Un résumé par semaine").is_checked()
    states.append(("follow form with an error", page.content()))
    return url, states


def test_following_a_consultation_without_javascript(new_page, server, mail_dir):
    page = new_page("phone", javascript=False)
    url, _states = follow(page, "sans-js-suivre@example.org")
    page.get_by_label("Votre adresse électronique").fill("sans-js-suivre@example.org")
    page.get_by_role("button", name="Suivre", exact=True).click()
    assert "Presque terminé" in page.locator(".messages").inner_text()

    page.goto(latest_link(mail_dir, "/participation/confirmer/"))
    assert "suivre la concertation" in page.locator("main li").first.inner_text()
    page.get_by_role("button", name="Confirmer").click()
    page.wait_for_url(url)
    assert "Vous suivez" in page.locator("main").inner_text()
    page.goto(CONSULTATION)
    assert "Vous suivez" in page.locator("#follow").inner_text()


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_the_follow_pages_are_accessible_and_valid(new_page, server, mail_dir, width):
    page = new_page(width)
    url, states = follow(page, f"suivre-{width}@example.org")
    screenshot(page, f"follow-error-{width}")
    assert_accessible(page)
    page.get_by_label("Votre adresse électronique").fill(f"suivre-{width}@example.org")
    page.get_by_role("button", name="Suivre", exact=True).click()
    assert "Presque terminé" in page.locator(".messages").inner_text()
    assert f"suivre-{width}@example.org" not in page.locator("main form").inner_text()
    assert_accessible(page)
    states.append(("follow form, link sent", page.content()))

    page.goto(latest_link(mail_dir, "/participation/confirmer/"))
    page.get_by_role("button", name="Confirmer").click()
    page.wait_for_url(url)
    screenshot(page, f"follow-done-{width}")
    assert_accessible(page)
    states.append(("following", page.content()))
    page.goto(CONSULTATION)
    assert_accessible(page)  # the box with one-click buttons for the other topics
    states.append(("consultation, signed in", page.content()))
    for path in (BAD_LINK, UNSUBSCRIBED):
        page.goto(path)
        assert_accessible(page)
        states.append((path, page.content()))
    assert_valid_html(*states)
