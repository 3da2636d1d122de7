"""Eligibility in the browser: a resident of a district the consultation does not take is
refused on the idea form with the reason next to the field and in the summary, nothing lost;
the rule is on the page. Checked at 375 and 1280 px, without JavaScript too."""

import pytest

from tests.server import ELIGIBILITY_RULE, demo_server

from .checks import assert_accessible, assert_valid_html, unfold
from .conftest import ARTIFACTS, WIDTHS
from .test_participation import CONSULTATION


@pytest.fixture(scope="module")
def eligible_server(tmp_path_factory):
    """The demo with a rule on the square's consultation, on a database of its own (the other
    browser tests fill in its forms without one)."""
    with demo_server(tmp_path_factory.mktemp("eligibility"), setup=[ELIGIBILITY_RULE]) as url:
        yield url


@pytest.fixture
def open_page(browser, eligible_server):
    contexts = []

    def open_at(width, javascript=True):
        context = browser.new_context(
            viewport={"width": WIDTHS[width], "height": 900},
            java_script_enabled=javascript,
            base_url=eligible_server,
            locale="fr-FR",
        )
        contexts.append(context)
        return context.new_page()

    yield open_at
    for context in contexts:
        context.close()


def propose_from_le_port(open_page, width, javascript):
    """A resident of Le Port, who did not tick the age box, proposes an idea: refused."""
    resident = open_page(width, javascript)
    resident.goto(CONSULTATION)
    rule = resident.locator(".eligibility-rule")
    assert "Ouvert aux habitants de Centre-ville et La Gare." in rule.inner_text()
    assert "16 ans ou plus" in rule.inner_text()
    form = unfold(resident.locator("section.idea-form"))
    form.get_by_label("Titre de votre idée").fill("Un abri pour les vélos")
    form.get_by_label("Décrivez votre idée").fill("Près de l’arrêt de bus.")
    form.get_by_label("Thème").select_option(label="Cadre de vie")
    form.get_by_label("Où vous habitez").select_option(label="Le Port")
    form.get_by_label("Votre adresse électronique").fill("lucas@example.org")
    form.get_by_role("button", name="Proposer mon idée").click()
    resident.wait_for_load_state("load")

    summary = form.locator(".error-summary")
    assert "Seuls les habitants de Centre-ville et La Gare peuvent participer." in (
        summary.inner_text()
    )
    assert "Vous devez avoir 16 ans ou plus pour participer." in summary.inner_text()
    residence = form.get_by_label("Où vous habitez")
    assert residence.get_attribute("aria-invalid") == "true"
    error = form.locator(".field--error:has(select[name$='-residence']) .field__error")
    assert "Seuls les habitants" in error.inner_text()
    # Nothing typed is lost.
    assert form.get_by_label("Titre de votre idée").input_value() == "Un abri pour les vélos"
    assert residence.locator("option:checked").inner_text() == "Le Port"
    assert form.get_by_label("Votre adresse électronique").input_value() == "lucas@example.org"
    return resident, summary


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_an_ineligible_resident_is_refused_on_the_idea_form(open_page, width):
    resident, summary = propose_from_le_port(open_page, width, javascript=True)
    assert summary.evaluate("element => element === document.activeElement")
    summary.scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    resident.screenshot(path=str(ARTIFACTS / f"eligibility-refused-{width}.png"))
    assert_accessible(resident)


def test_the_refusal_works_without_javascript_and_is_valid_html(open_page):
    resident, _summary = propose_from_le_port(open_page, "phone", javascript=False)
    # Without scripts, the document is the HTML the server answered (status 400).
    assert_valid_html(
        ("consultation with a rule", resident.request.get(CONSULTATION).text()),
        ("idea form refused", resident.content()),
    )


def test_an_eligible_resident_proposes_the_idea(open_page):
    resident = open_page("phone")
    resident.goto(CONSULTATION)
    form = unfold(resident.locator("section.idea-form"))
    form.get_by_label("Titre de votre idée").fill("Des bancs à la gare")
    form.get_by_label("Décrivez votre idée").fill("Pour attendre le train assis.")
    form.get_by_label("Thème").select_option(label="Cadre de vie")
    form.get_by_label("Où vous habitez").select_option(label="La Gare")
    form.get_by_label("J’ai 16 ans ou plus").check()
    form.get_by_label("Votre adresse électronique").fill("lea@example.org")
    form.get_by_role("button", name="Proposer mon idée").click()
    assert "Presque fini" in resident.locator(".messages").inner_text()
