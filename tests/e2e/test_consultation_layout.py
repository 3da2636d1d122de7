"""The consultation page on a phone and a computer: the phase stepper, the key facts and the
calls to action under the title; the in-page menu that stays in reach and takes the keyboard
to each section; forms folded behind their button, with and without JavaScript."""

import pytest
from playwright.sync_api import expect

from tests.server import demo_server

from .checks import assert_accessible, assert_valid_html
from .conftest import ARTIFACTS, WIDTHS, screenshot

SQUARE = "/fr/concertations/reamenagement-place-du-marche/"
BUDGET = "/fr/concertations/budget-participatif-2027/"
BENCHES = "/fr/concertations/bancs-rue-des-lilas/"

# A consultation whose steps are done, current (extended) and next on the server's day: the
# phases are dated from the day the server runs, as the demo's are.
STEPS = [
    ("Repérage des emplacements", -30, -11, None),
    ("Votre avis sur les bancs", -10, 5, 12),
    ("Pose des bancs", 13, 30, None),
]
BENCHES_PAGE = f"""
from datetime import timedelta
from django.utils import timezone
from portal.pages.models import ConsultationIndexPage, ConsultationPage, Phase
from playwright.sync_api import expect
index = ConsultationIndexPage.objects.get(locale__language_code="fr")
today = timezone.localdate()
page = ConsultationPage(
    title="Des bancs rue des Lilas",
    slug="bancs-rue-des-lilas",
    contribution_use="<p>Vos avis choisissent où poser les bancs.</p>",
)
page.phases = [
    Phase(
        title=title,
        start=today + timedelta(days=start),
        end=today + timedelta(days=end),
        extended_end=today + timedelta(days=extended) if extended else None,
        sort_order=number,
    )
    for number, (title, start, end, extended) in enumerate({STEPS!r})
]
index.add_child(instance=page)
page.save_revision().publish()
print(today.isoformat())
"""


@pytest.fixture(scope="module")
def benches_server(server, workdir):
    """The demo with the benches' consultation added, served on its own port."""
    with demo_server(workdir, fresh=False, setup=[BENCHES_PAGE]) as base_url:
        yield base_url


def open_at(browser, base_url, width, javascript=True):
    context = browser.new_context(
        viewport={"width": WIDTHS[width], "height": 800},
        java_script_enabled=javascript,
        base_url=base_url,
        locale="fr-FR",
    )
    return context, context.new_page()


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_the_stepper_shows_steps_done_current_and_next(browser, benches_server, width):
    context, page = open_at(browser, benches_server, width)
    try:
        page.goto(BENCHES)
        steps = page.locator(".stepper li.phase")
        assert steps.count() == 3
        classes = [steps.nth(n).get_attribute("class") for n in range(3)]
        assert classes == ["phase phase--done", "phase phase--current", "phase phase--next"]
        current = page.locator('.stepper [aria-current="step"]')
        assert current.count() == 1
        assert "Votre avis sur les bancs" in current.inner_text()
        assert "En cours" in current.inner_text()
        assert "prolongée jusqu’au" in current.inner_text()
        assert "Terminée" in steps.nth(0).inner_text()
        assert "À venir" in steps.nth(2).inner_text()
        # The current step ends twelve days after today: 12 days left, as the cards count.
        facts = page.locator(".key-facts").inner_text()
        assert "12 jours" in facts
        assert "fin de l’étape « Votre avis sur les bancs »" in facts
        assert "Vos avis choisissent où poser les bancs." in facts
        screenshot(page, f"consultation-stepper-{width}")
        assert_accessible(page)
    finally:
        context.close()


def test_the_essentials_come_first_on_a_phone(new_page):
    """Stepper, key facts, calls to action and the menu within the first screens, not after
    12,000 px of forms; the whole page far shorter than the 17,000 px it was."""
    page = new_page("phone")
    page.goto(SQUARE)
    tops = page.evaluate(
        """() => ['.stepper', '.key-facts', '.take-part', '.page-nav'].map(
            selector => document.querySelector(selector).getBoundingClientRect().top + scrollY)"""
    )
    assert tops == sorted(tops)
    assert tops[-1] < 3000, tops
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 14000, height
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_one_call_to_action_per_open_way_to_take_part(new_page):
    page = new_page("phone")
    page.emulate_media(reduced_motion="reduce")  # no smooth scrolling to wait for
    page.goto(SQUARE)
    actions = page.locator(".take-part a")
    texts = [actions.nth(n).inner_text() for n in range(actions.count())]
    assert [text.splitlines()[0] for text in texts] == [
        "Soutenir l’interpellation",
        "Répondre à l’enquête",
        "Proposer une idée",
    ]
    # Each one opens its form, unfolded, at its section.
    actions.nth(1).click()
    page.wait_for_load_state("load")
    survey = page.locator("section.survey")
    assert survey.locator("details.take-part-form").get_attribute("open") is not None
    assert survey.get_by_role("button", name="Envoyer mes réponses").is_visible()
    assert survey.evaluate("element => element.getBoundingClientRect().top") < 200
    # The others stay folded.
    assert not page.locator("section.idea-form form").is_visible()
    screenshot(page, "consultation-survey-unfolded-phone")
    assert_accessible(page)

    page.goto(BUDGET)
    assert page.locator(".take-part a").first.inner_text().startswith("Votez pour les projets")


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_the_menu_takes_the_keyboard_to_each_section(new_page, width):
    page = new_page(width)
    page.emulate_media(reduced_motion="reduce")  # no smooth scrolling to wait for
    page.goto(SQUARE)
    # From the last call to action, the next Tab is the menu's first link.
    page.locator(".take-part a").last.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.page-nav') !== null")
    links = page.locator(".page-nav a")
    hrefs = [links.nth(n).get_attribute("href") for n in range(links.count())]
    assert hrefs[0] == "#project" and hrefs[-1] == "#practical"
    assert len(hrefs) >= 8, hrefs  # the project, its headings, each form and list, rules…
    for number, href in enumerate(hrefs):
        links.nth(number).focus()
        page.keyboard.press("Enter")
        page.wait_for_function("href => location.hash === href", arg=href)
        assert page.evaluate(
            "id => document.getElementById(id).contains(document.activeElement)", href[1:]
        ), f"focus is not in {href}"
        # The section shows below the menu, which stays on screen.
        nav = page.locator(".page-nav").bounding_box()
        section = page.locator(href).bounding_box()
        assert nav["y"] >= -1 and nav["y"] < 800
        if width == "phone":
            assert section["y"] >= nav["y"] + nav["height"] - 2, (href, section, nav)
        # The next Tab goes on from the section, not back to the top of the page.
        page.keyboard.press("Tab")
        assert page.evaluate(
            """id => document.activeElement.getBoundingClientRect().top
                >= document.getElementById(id).getBoundingClientRect().top - 2""",
            href[1:],
        ), href
    screenshot(page, f"consultation-menu-{width}")


def test_the_menu_stays_in_reach_on_a_phone(new_page):
    page = new_page("phone")
    page.emulate_media(reduced_motion="reduce")
    page.goto(SQUARE)
    page.locator("section.idea-form").scroll_into_view_if_needed()
    nav = page.locator(".page-nav")
    assert nav.bounding_box()["y"] == pytest.approx(0, abs=1)
    assert nav.is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "consultation-sticky-menu-phone.png"))


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_consultation_pages_are_accessible_and_valid(new_page, server, benches_server, width):
    page = new_page(width)
    documents = []
    for path in (SQUARE, BUDGET):
        page.goto(path)
        assert_accessible(page)
        documents.append((path, page.request.get(server + path).text()))
        first = page.locator(".take-part a").first
        href = first.get_attribute("href")
        first.click()
        assert_accessible(page)  # a form unfolded
        documents.append((href, page.request.get(server + href.split("#")[0]).text()))
    documents.append((BENCHES, page.request.get(benches_server + BENCHES).text()))
    if width == "phone":  # the same HTML at both widths: checked once
        assert_valid_html(*documents)


def test_without_javascript_the_page_reads_and_its_forms_are_sent(new_page):
    page = new_page("phone", javascript=False)
    page.goto(SQUARE)
    assert page.locator(".stepper [aria-current=step]").is_visible()
    assert page.locator(".key-facts").is_visible()
    # The menu's links work as plain links.
    page.locator(".page-nav a", has_text="Règles").click()
    assert page.url.endswith("#rules")
    assert page.locator("#rules h2").is_visible()
    # A call to action opens its form (a link: the server unfolds it).
    page.locator(".take-part a", has_text="Répondre à l’enquête").click()
    survey = page.locator("section.survey")
    survey.get_by_role("button", name="Envoyer mes réponses").click()
    expect(survey.locator(".error-summary")).to_be_visible()  # sent back unfolded, with errors
    survey.get_by_label("Chaque semaine").check()
    survey.get_by_label("Le marché").check()
    survey.get_by_label("4", exact=True).check()
    survey.get_by_label("Votre adresse électronique").fill("sans-js-mise-en-page@example.org")
    survey.get_by_role("button", name="Envoyer mes réponses").click()
    assert "Presque fini" in page.locator(".messages").inner_text()
    # A folded form opens by its button, which needs no JavaScript either.
    petition = page.locator("section.petition")
    petition.locator("details.take-part-form > summary").click()
    assert petition.get_by_label("Votre adresse électronique").is_visible()
    screenshot(page, "consultation-nojs-phone")
