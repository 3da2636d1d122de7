"""A resident supports a petition, confirms by e-mail, and sees the progress bar move."""

import re

from .checks import assert_accessible, assert_valid_html, unfold
from .conftest import screenshot

CONSULTATION = "/fr/concertations/reamenagement-place-du-marche/"


def latest_link(mail_dir, contains):
    messages = sorted(mail_dir.glob("*.log"), key=lambda path: path.stat().st_mtime)
    text = messages[-1].read_text(encoding="utf-8")
    return next(url for url in re.findall(r"https?://\S+", text) if contains in url)


def test_resident_supports_a_petition_and_confirms_by_email(new_page, server, mail_dir):
    page = new_page("phone")
    page.goto(CONSULTATION)
    petition = unfold(page.locator("section.petition"))
    before = int(petition.locator("progress").get_attribute("value"))

    # A mistake first: the summary takes focus and links to the field; the input is kept.
    petition.get_by_label("Votre adresse électronique").fill("nadia@example")
    petition.get_by_label("Nom public (facultatif)").fill("Nadia")
    petition.get_by_role("button", name="Soutenir cette interpellation").click()
    page.wait_for_load_state("load")
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert summary.evaluate("element => element === document.activeElement")
    assert petition.get_by_label("Nom public (facultatif)").input_value() == "Nadia"
    screenshot(page, "petition-error-phone")
    assert_accessible(page)
    summary.locator("a").first.click()
    assert page.evaluate("document.activeElement.name").endswith("-email")

    petition.get_by_label("Votre adresse électronique").fill("nadia@example.org")
    petition.get_by_role("button", name="Soutenir cette interpellation").click()
    assert "Presque fini" in page.locator(".messages").inner_text()
    assert "attend que vous confirmiez" in petition.inner_text()
    assert int(petition.locator("progress").get_attribute("value")) == before

    # The link opens a page saying what it confirms; only its button confirms (a mail
    # scanner that follows links confirms nothing).
    confirm_url = latest_link(mail_dir, "/participation/confirmer/")
    page.goto(confirm_url)
    assert "soutenir l’interpellation" in page.locator("main li").first.inner_text()
    screenshot(page, "confirm-page-phone")
    assert_accessible(page)
    assert_valid_html(("confirmation page", page.request.get(confirm_url).text()))
    page.get_by_role("button", name="Confirmer").click()
    assert "adresse électronique est confirmée" in page.locator(".messages").inner_text()
    assert int(petition.locator("progress").get_attribute("value")) == before + 1
    assert "Vous soutenez cette interpellation." in petition.inner_text()
    screenshot(page, "petition-supported-phone")
    assert_accessible(page)

    # Links work once: opened again, the page says so.
    page.goto(latest_link(mail_dir, "/participation/confirmer/"))
    assert "déjà servi" in page.locator("h1").inner_text()
    assert_accessible(page)


def test_petition_works_without_javascript(new_page, server):
    page = new_page(javascript=False)
    page.goto(CONSULTATION)
    petition = unfold(page.locator("section.petition"))
    petition.get_by_label("Votre adresse électronique").fill("sans-js@example.org")
    petition.get_by_role("button", name="Soutenir cette interpellation").click()
    assert "Presque fini" in page.locator(".messages").inner_text()


def test_participation_pages_are_accessible_and_valid(new_page, server):
    page = new_page()
    page.goto("/fr/participation/confirmer/lien-abime/")
    assert_accessible(page)
    page.goto("/fr/participation/nouveau-lien/")
    assert_accessible(page)
    page.goto(CONSULTATION)
    form = page.locator("section.petition form").first
    fields = {
        "csrfmiddlewaretoken": form.locator("[name=csrfmiddlewaretoken]").input_value(),
        "block_id": form.locator("[name=block_id]").input_value(),
        "action": "support",
    }
    prefix = fields["block_id"]
    error_state = page.request.post(
        server + CONSULTATION,
        form={**fields, f"{prefix}-email": "pas une adresse", f"{prefix}-display_name": "<b>"},
        headers={"Referer": server + CONSULTATION},
    )
    assert error_state.status == 400
    forged = page.request.post(
        server + CONSULTATION,
        form={**fields, "block_id": "inconnu"},
        headers={"Referer": server + CONSULTATION},
        max_redirects=0,
    )
    assert forged.status == 303
    documents = [
        ("consultation with petition", page.request.get(server + CONSULTATION).text()),
        ("petition error state", error_state.text()),
        ("broken link", page.request.get(server + "/fr/participation/confirmer/x/").text()),
        ("new link", page.request.get(server + "/fr/participation/nouveau-lien/").text()),
    ]
    assert_valid_html(*documents)
