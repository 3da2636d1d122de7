"""A third language written right to left (Arabic, added by PORTAL_LANGUAGES), and the
language switcher on a page that has no translation in the language chosen."""

import pytest
from playwright.sync_api import expect

from tests.server import demo_server

from .checks import assert_accessible, assert_valid_html
from .conftest import WIDTHS, screenshot

SQUARE = "/ar/concertations/reamenagement-place-du-marche/"
# Arabic added to the demo: its home page, the consultations' index and the square's
# consultation (stepper, key facts, folded forms, in-page menu) translated and published.
ARABIC = """
from wagtail.models import Locale
from home.models import HomePage
from portal.pages.models import AgendaPage, ConsultationIndexPage, ConsultationPage
from playwright.sync_api import expect
arabic = Locale.objects.create(language_code="ar")
french = {"locale__language_code": "fr"}
for page, fields in [
    (
        HomePage.objects.get(**french),
        {"title": "الصفحة الرئيسية", "hero_title": "لنصنع المدينة معًا"},
    ),
    (ConsultationIndexPage.objects.get(**french), {"title": "المشاورات"}),
    (
        ConsultationPage.objects.get(slug="reamenagement-place-du-marche", **french),
        {"title": "إعادة تهيئة ساحة السوق", "summary": "كيف نعيد تصميم ساحة السوق؟ شاركوا برأيكم."},
    ),
]:
    copy = page.copy_for_translation(arabic)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
# The demo's agenda is translated into English: withdrawn here, so that a page has none.
AgendaPage.objects.get(locale__language_code="en").unpublish()
"""


@pytest.fixture(scope="module")
def arabic_server(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("arabic")
    with demo_server(workdir, setup=[ARABIC], PORTAL_LANGUAGES="fr,en,ar") as base_url:
        yield base_url


@pytest.fixture
def arabic_page(browser, arabic_server):
    contexts = []

    def open_page(width="desktop", javascript=True):
        context = browser.new_context(
            viewport={"width": WIDTHS[width], "height": 900},
            java_script_enabled=javascript,
            base_url=arabic_server,
            locale="ar",
        )
        contexts.append(context)
        page = context.new_page()
        page.scripts_off = not javascript
        return page

    yield open_page
    for context in contexts:
        context.close()


def sideways_overflow(page):
    """How far the page scrolls sideways (to the left, right to left)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_an_arabic_consultation_reads_right_to_left(arabic_page, width):
    page = arabic_page(width)
    assert page.goto(SQUARE).status == 200
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "إعادة تهيئة ساحة السوق"
    screenshot(page, f"arabic-consultation-{width}")
    assert_accessible(page)
    assert sideways_overflow(page) <= 0
    # The brand starts on the right; the stepper's first step is the rightmost on a wide screen.
    brand = page.locator(".site-brand").bounding_box()
    assert brand["x"] + brand["width"] > WIDTHS[width] / 2
    steps = [step.bounding_box() for step in page.locator(".stepper .phase").all()]
    if width == "desktop":
        assert [s["x"] for s in steps] == sorted((s["x"] for s in steps), reverse=True)
    # The search field's rounded corners are on its start side, the button's on its end.
    field = page.locator("#search-field")
    assert field.evaluate("el => getComputedStyle(el).borderTopRightRadius") != "0px"
    assert field.evaluate("el => getComputedStyle(el).borderTopLeftRadius") == "0px"


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_the_arabic_home_page_reads_right_to_left(arabic_page, width):
    page = arabic_page(width)
    assert page.goto("/ar/").status == 200
    screenshot(page, f"arabic-home-{width}")
    assert_accessible(page)
    assert sideways_overflow(page) <= 0
    # The town's phone number, address and e-mail keep their order: "01 23 45 67 89", not
    # "89 67 45 23 01" (numbers and French text laid out right to left).
    directions = page.evaluate(
        """() => [".site-footer__identity p", "a[href^='tel:']", "a[href^='mailto:']"].map(
            (selector) => getComputedStyle(document.querySelector(selector)).direction)"""
    )
    assert directions == ["ltr", "ltr", "ltr"]


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_the_switcher_says_when_a_page_is_not_translated_without_javascript(arabic_page, width):
    page = arabic_page(width, javascript=False)
    page.goto("/fr/agenda/")
    page.locator('.language-switcher a[hreflang="ar"]').click()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert "العربيّة" in page.locator("h1").inner_text()
    screenshot(page, f"untranslated-{width}")
    assert sideways_overflow(page) <= 0
    original = page.locator(".untranslated a[hreflang]")
    assert (original.get_attribute("hreflang"), original.get_attribute("lang")) == ("fr", "fr")
    original.click()
    assert page.url.endswith("/fr/agenda/")
    assert page.locator("html").get_attribute("dir") == "ltr"


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_the_untranslated_page_is_accessible(arabic_page, width):
    page = arabic_page(width)
    page.goto("/fr/agenda/")
    page.goto(page.locator('.language-switcher a[hreflang="en"]').get_attribute("href"))
    assert page.locator("h1").inner_text() == "This page is not available in English"
    assert_accessible(page)


def test_arabic_pages_serve_valid_html(arabic_page, arabic_server):
    page = arabic_page()
    page.goto("/fr/agenda/")
    untranslated = page.locator('.language-switcher a[hreflang="ar"]').get_attribute("href")
    urls = {"home": "/ar/", "consultation": SQUARE, "untranslated": untranslated}
    assert_valid_html(
        *[(name, page.request.get(arabic_server + url).text()) for name, url in urls.items()]
    )


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_an_arabic_form_and_menu_read_right_to_left(arabic_page, width):
    page = arabic_page(width, javascript=False)
    page.goto(SQUARE)
    page.locator(".take-part a").last.click()  # the idea form, unfolded
    form = page.locator("section.idea-form form")
    form.locator('button[type="submit"]').click()  # sent empty: errors beside their fields
    expect(page.locator(".error-summary")).to_be_visible()
    error = page.locator(".field--error").first.bounding_box()
    main = page.locator("main").bounding_box()
    assert error["x"] + error["width"] > main["x"] + main["width"] / 2
    screenshot(page, f"arabic-idea-form-{width}")
    assert sideways_overflow(page) <= 0
    if width == "phone":
        page.locator(".main-menu__toggle").click()
        screenshot(page, "arabic-menu-phone")
        assert page.locator(".main-menu__list").is_visible()
