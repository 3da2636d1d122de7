"""Ideas end to end: a resident proposes, confirms by e-mail; a moderator publishes and answers
in the admin; the resident reads the answer and supports ideas."""

import re

import pytest
from playwright.sync_api import expect

from tests.server import MODERATOR_LOGIN, demo_server

from .checks import assert_accessible, assert_valid_html, unfold
from .conftest import screenshot
from .test_participation import CONSULTATION, latest_link

TITLE = "Des tables de pique-nique à l’ombre"


def log_in_as_moderator(page):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(MODERATOR_LOGIN[0])
    page.locator("#id_password").fill(MODERATOR_LOGIN[1])
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/")


def test_a_proposed_idea_is_confirmed_moderated_answered_and_supported(new_page, server, mail_dir):
    resident = new_page("phone")
    resident.goto(CONSULTATION)
    form = unfold(resident.locator("section.idea-form"))

    # A mistake first: the summary takes focus and everything typed is kept.
    form.get_by_label("Décrivez votre idée").fill("Sous les futurs arbres, côté mairie.")
    form.get_by_label("Votre adresse électronique").fill("ines@example.org")
    form.get_by_role("button", name="Proposer mon idée").click()
    resident.wait_for_load_state("load")
    summary = form.locator(".error-summary")
    assert summary.evaluate("element => element === document.activeElement")
    assert "Titre de votre idée" in summary.inner_text()
    assert form.get_by_label("Décrivez votre idée").input_value().startswith("Sous les futurs")
    screenshot(resident, "idea-form-error-phone")
    assert_accessible(resident)

    form.get_by_label("Titre de votre idée").fill(TITLE)
    form.get_by_label("Thème").select_option(label="Cadre de vie")
    form.get_by_label("Image (facultatif)").set_input_files(
        {"name": "tables.png", "mimeType": "image/png", "buffer": PNG}
    )
    form.get_by_label("Ce que montre l’image").fill("Deux tables en bois sous un arbre")
    form.get_by_label("Nom public (facultatif)").fill("Inès")
    form.get_by_role("button", name="Proposer mon idée").click()
    assert "Presque fini" in resident.locator(".messages").inner_text()
    resident.goto(latest_link(mail_dir, "/participation/confirmer/"))
    assert TITLE in resident.locator("main").inner_text()
    resident.get_by_role("button", name="Confirmer").click()
    assert "confirmée" in resident.locator(".messages").inner_text()

    # The moderator publishes it with an answer.
    moderator = new_page("desktop")
    log_in_as_moderator(moderator)
    moderator.goto("/admin/snippets/participation/idea/")
    moderator.get_by_role("link", name=TITLE).click()
    moderator.get_by_role("textbox", name="Réponse officielle").fill(
        "Retenu : six tables à l’ombre des tilleuls."
    )
    moderator.get_by_role("combobox", name="Nouvel état").select_option(label="Publiée")
    moderator.get_by_role("button", name="Enregistrer").first.click()
    moderator.wait_for_load_state("load")
    screenshot(moderator, "idea-moderated-admin")
    assert "Publiée" in moderator.content()

    # The resident reads the answer on the idea's own page and supports it.
    idea_link = latest_link(mail_dir, "/participation/idees/")
    resident.goto(idea_link)
    assert "six tables" in resident.locator(".official-answer").inner_text()
    assert resident.locator("img[alt='Deux tables en bois sous un arbre']").is_visible()
    count = resident.locator("#support .petition__count strong")
    before = int(count.inner_text())
    resident.get_by_role("button", name="Soutenir cette idée").click()
    expect(count).to_have_text(str(before + 1))
    assert "Vous soutenez cette idée." in resident.locator("#support").inner_text()
    screenshot(resident, "idea-supported-phone")
    assert_accessible(resident)
    assert_valid_html(("idea page", resident.request.get(resident.url).text()))


def test_the_idea_list_filters_and_pages_without_javascript(new_page, server):
    page = new_page(javascript=False)
    page.goto(CONSULTATION)
    # The consultation shows the latest ideas and leads to the list of them all.
    preview = page.locator("section.idea-list")
    assert preview.locator(".idea-card").count() == 6
    preview.get_by_role("link", name=re.compile(r"^Voir les \d+ idées$")).click()
    listing = page.locator("section.idea-list")
    listing.get_by_label("Ordre").select_option(label="Les plus soutenues")
    listing.get_by_role("button", name="Appliquer les filtres").click()
    counts = [
        int(text.split()[0])
        for text in listing.locator(
            ".idea-card__facts li:has(svg use[href$='#thumbs-up'])"
        ).all_inner_texts()
    ]
    assert counts == sorted(counts, reverse=True) and counts
    listing.locator(".idea-card__title a").first.click()
    assert page.locator(".template-idea h1").inner_text()


def test_idea_pages_are_accessible_and_valid(new_page, server):
    page = new_page()
    page.goto(CONSULTATION)
    form = page.locator("section.idea-form form")
    block_id = form.locator("[name=block_id]").input_value()
    error_state = page.request.post(
        server + CONSULTATION,
        multipart={
            "csrfmiddlewaretoken": form.locator("[name=csrfmiddlewaretoken]").input_value(),
            "block_id": block_id,
            f"{block_id}-title": "<script>alert(1)</script>",
            f"{block_id}-image": {
                "name": "faux.jpg",
                "mimeType": "image/jpeg",
                "buffer": b"not an image",
            },
        },
        headers={"Referer": server + CONSULTATION},
    )
    assert error_state.status == 400
    idea_url = page.locator("section.idea-list .idea-card__title a").first.get_attribute("href")
    list_url = page.get_by_role("link", name=re.compile(r"^Voir les \d+ idées$")).get_attribute(
        "href"
    )
    page.goto(list_url)  # axe runs in the page: the list is checked here, with JavaScript
    assert_accessible(page)
    page.goto(idea_url)
    assert_accessible(page)
    assert_valid_html(
        ("idea form error state", error_state.text()),
        ("idea list page", page.request.get(server + list_url).text()),
        ("idea page", page.request.get(server + idea_url).text()),
    )


@pytest.fixture(scope="module")
def translating_server(server, workdir):
    """The same site and database with machine translation on (wagtail-localize's dummy
    translator, which reverses the words); its base URL."""
    with demo_server(workdir, fresh=False, MACHINE_TRANSLATOR="dummy") as base_url:
        yield base_url


def test_an_idea_page_with_its_machine_translation_is_accessible_and_valid(
    new_page, translating_server
):
    page = new_page()
    page.goto(translating_server + CONSULTATION)
    card = page.locator("section.idea-list .idea-card__title a").first
    title = card.inner_text()
    number, slug = re.search(r"/idees/(\d+)/([^/]+)/", card.get_attribute("href")).groups()
    english = f"{translating_server}/en/participation/ideas/{number}/{slug}/"
    page.request.get(english)  # reading it asks for its translation (made at once here)
    for width in ("phone", "desktop"):
        reader = new_page(width, javascript=False)
        reader.goto(english)
        label = reader.locator(".machine-translation")
        assert "Machine translation from French" in label.inner_text()
        assert reader.locator("h1").inner_text() == " ".join(reversed(title.split()))
        screenshot(reader, f"idea-machine-translated-{width}")
        label.get_by_role("link", name="see the original").click()
        assert reader.locator("h1").inner_text() == title
        assert reader.locator("h1").get_attribute("lang") == "fr"
        screenshot(reader, f"idea-original-{width}")
        reader.get_by_role("link", name="Read its machine translation").click()
        assert reader.locator(".machine-translation a").get_attribute("href") == "?original=1"
        scripted = new_page(width)
        scripted.goto(english)
        assert_accessible(scripted)
        scripted.goto(english + "?original=1")
        assert_accessible(scripted)
    assert_valid_html(
        ("machine-translated idea page", page.request.get(english).text()),
        ("idea page in its own words", page.request.get(english + "?original=1").text()),
    )


# A 2 × 2 green PNG, small enough to live here.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000002000000020802000000fdd49a73"
    "0000001649444154789c63646860606060606260606060600000062a0084e6d12d"
    "3c0000000049454e44ae426082"
)


def test_a_moderator_bulk_changes_statuses(new_page, server):
    page = new_page("desktop")
    log_in_as_moderator(page)
    page.goto("/admin/snippets/participation/idea/?status=published")
    rows = page.locator("tbody").first.locator("tr")
    titles = [rows.nth(number).locator("td a").first.inner_text() for number in range(2)]
    for number in range(2):
        rows.nth(number).locator("input[type=checkbox]").check()
    page.get_by_role("link", name="Changer l’état des idées sélectionnées").click()
    page.get_by_role("combobox", name="Nouvel état").select_option(label="À l’étude")
    screenshot(page, "ideas-bulk-status-admin")
    page.get_by_role("button", name="Changer l’état").click()
    page.wait_for_load_state("load")
    page.goto("/admin/snippets/participation/idea/?status=under_study")
    listed = page.locator("tbody").first.inner_text()
    assert all(title in listed for title in titles)


def test_a_resident_answers_the_survey(new_page, server, mail_dir):
    page = new_page("phone")
    page.goto(CONSULTATION)
    survey = unfold(page.locator("section.survey"))
    survey.get_by_role("button", name="Envoyer mes réponses").click()
    page.wait_for_load_state("load")
    assert survey.locator(".error-summary").is_visible()
    assert_accessible(page)
    survey.get_by_label("Chaque semaine").check()
    survey.get_by_label("Le marché").check()
    survey.get_by_label("4", exact=True).check()
    survey.get_by_label("Votre adresse électronique").fill("sondage@example.org")
    survey.get_by_role("button", name="Envoyer mes réponses").click()
    assert "Presque fini" in page.locator(".messages").inner_text()
    page.goto(latest_link(mail_dir, "/participation/confirmer/"))
    page.get_by_role("button", name="Confirmer").click()
    assert "répondu" in survey.inner_text()
    screenshot(page, "survey-answered-phone")
    assert_accessible(page)
