"""A resident follows a consultation without JavaScript, confirms by the e-mailed link, and
the follow pages and the unsubscribe pages pass axe-core and the Nu HTML Checker."""

import re

import pytest

from .checks import assert_accessible, assert_valid_html
from .conftest import screenshot
from .test_participation import CONSULTATION, latest_link


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_following_a_consultation_without_javascript(new_page, server, mail_dir, width):
    page = new_page(width, javascript=False)
    page.goto(CONSULTATION)
    box = page.locator("#follow")
    assert "Restez informé" in box.inner_text()
    box.locator("a").first.click()
    page.wait_for_url(re.compile(r"/fr/suivre/consultation/"))
    follow_url = page.url
    assert_accessible(page)

    # A mistake first: said in the summary and next to the field, what was typed is kept.
    page.get_by_label("Votre adresse électronique").fill("suivre@example")
    page.get_by_label("Un résumé par semaine").check()
    page.get_by_role("button", name="Suivre", exact=True).click()
    assert page.locator(".error-summary").is_visible()
    assert page.get_by_label("Un résumé par semaine").is_checked()
    screenshot(page, f"follow-error-{width}")
    assert_accessible(page)

    page.get_by_label("Votre adresse électronique").fill(f"suivre-{width}@example.org")
    page.get_by_role("button", name="Suivre", exact=True).click()
    assert "Presque terminé" in page.locator(".messages").inner_text()
    assert f"suivre-{width}@example.org" not in page.locator("main form").inner_text()
    assert_accessible(page)

    page.goto(latest_link(mail_dir, "/participation/confirmer/"))
    assert "suivre la concertation" in page.locator("main li").first.inner_text()
    page.get_by_role("button", name="Confirmer").click()
    page.wait_for_url(follow_url)
    assert "Vous suivez" in page.locator("main").inner_text()
    screenshot(page, f"follow-done-{width}")
    assert_accessible(page)
    page.goto(CONSULTATION)
    assert "Vous suivez" in page.locator("#follow").inner_text()
    assert_accessible(page)

    for path in ("/fr/suivre/desabonnement/lien-abime/", "/fr/suivre/desabonne/"):
        page.goto(path)
        assert_accessible(page)
    assert_valid_html(
        ("follow page", page.request.get(follow_url).text()),
        ("bad unsubscribe link", page.request.get("/fr/suivre/desabonnement/lien-abime/").text()),
        ("unsubscribed", page.request.get("/fr/suivre/desabonne/").text()),
    )
