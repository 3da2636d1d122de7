"""The Content-Security-Policy in the browser: no page type, the tour map drawn, a video
played, reCAPTCHA or the admin, makes the browser refuse anything.

Third parties are answered locally (no network here); the policy is checked before any
request is made, so a refused source would show as a violation all the same.
"""

import base64
import re

import pytest

from tests.server import ADMINISTRATOR_LOGIN, MODERATOR_LOGIN

from .checks import unfold
from .test_pages import first_event_url
from .test_participation import CONSULTATION, latest_link

# Recorded from the very start of every document, before the page's own scripts.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", event => {
  window.cspViolations.push(
    `${event.effectiveDirective} refused ${event.blockedURI || "inline"} ` +
    `(${event.sourceFile}:${event.lineNumber})`
  );
});
"""
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
# Enough of Google's reCAPTCHA v3 API for the page's glue (portal/static/js/captcha.js).
RECAPTCHA_STUB = """
window.grecaptcha = {
  ready: callback => callback(),
  execute: () => Promise.resolve("jeton-de-test"),
};
"""

PUBLIC_PAGES = {
    "home": "/fr/",
    "home-en": "/en/",
    "standard": "/fr/comment-participer/",
    "legal": "/fr/declaration-accessibilite/",
    "consultation-index": "/fr/concertations/?theme=espaces-verts",
    "consultation": CONSULTATION,
    "agenda": "/fr/agenda/",
    "agenda-archive": "/fr/agenda/archives/",
    "tour": "/fr/agenda/agora-itinerante/",
    "restitution": "/fr/concertations/parc-des-tilleuls/restitution/",
    "search": "/fr/recherche/?q=parc",
    "proposal-form": "/fr/agenda-associatif/proposer/",
    "new-link": "/fr/participation/nouveau-lien/",
    "damaged-link": "/fr/participation/confirmer/lien-abime/",
}
STATUS = {"damaged-link": 400}


@pytest.fixture
def watched(browser, server):
    """Open pages that record what the policy refuses; third parties answered locally."""
    contexts = []

    def open_page(base_url=server, javascript=True):
        context = browser.new_context(
            base_url=base_url, locale="fr-FR", java_script_enabled=javascript
        )
        contexts.append(context)
        context.add_init_script(RECORD_VIOLATIONS)
        context.route(re.compile(r"^https://[^/]*tile\.openstreetmap\.org/"), tile)
        context.route(re.compile(r"^https://(www\.youtube-nocookie|player\.vimeo)\.com/"), player)
        context.route(re.compile(r"^https://www\.google\.com/recaptcha/api\.js"), recaptcha)
        page = context.new_page()
        page.console_messages = []
        page.on("console", lambda message: page.console_messages.append(message.text))
        return page

    yield open_page
    for context in contexts:
        context.close()


def tile(route):
    route.fulfill(status=200, content_type="image/png", body=PNG)


def player(route):
    route.fulfill(status=200, content_type="text/html", body="<!DOCTYPE html><title>Vidéo</title>")


def recaptcha(route):
    route.fulfill(status=200, content_type="text/javascript", body=RECAPTCHA_STUB)


def directives(header):
    """The policy's directives by name: django-csp writes them in no fixed order."""
    return dict(part.strip().partition(" ")[::2] for part in header.split(";") if part.strip())


def assert_nothing_refused(page):
    page.wait_for_load_state("load")
    violations = page.evaluate("window.cspViolations")
    console = [text for text in page.console_messages if "Content Security Policy" in text]
    assert not violations and not console, f"{page.url}: {violations + console}"


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_no_public_page_is_refused_anything(watched, name):
    page = watched()
    response = page.goto(PUBLIC_PAGES[name])
    assert response.status == STATUS.get(name, 200)
    assert directives(response.headers["content-security-policy"])["script-src"] == "'self'"
    assert_nothing_refused(page)


def test_an_event_and_its_structured_data_are_not_refused(watched):
    page = watched()
    page.goto(first_event_url(page))
    assert page.locator('script[type="application/ld+json"]').count() == 1
    assert_nothing_refused(page)


def test_the_tour_map_is_drawn_with_its_tiles(watched):
    page = watched()
    page.goto(PUBLIC_PAGES["tour"])
    page.get_by_role("button", name="Afficher la carte des étapes").click()
    page.locator(".leaflet-tile-loaded").first.wait_for()
    assert page.locator(".leaflet-marker-icon").count() >= 4
    page.locator(".leaflet-marker-icon").first.click()
    page.locator(".leaflet-popup-content a").wait_for()
    assert_nothing_refused(page)


def test_a_video_plays_after_consent(watched):
    page = watched()
    page.goto(PUBLIC_PAGES["standard"])
    page.get_by_role("button", name=re.compile(r"Lancer la vidéo")).first.click()
    player_frame = page.locator("iframe.block-video__player")
    assert player_frame.get_attribute("src").startswith("https://www.youtube-nocookie.com/")
    page.frame_locator("iframe.block-video__player").locator("title").wait_for(state="attached")
    assert_nothing_refused(page)


def test_forms_sent_back_with_errors_and_the_personal_pages(watched, mail_dir):
    page = watched()
    page.goto(CONSULTATION)
    form = unfold(page.locator("section.idea-form"))
    form.get_by_label("Décrivez votre idée").fill("Des bancs à l’ombre.")
    form.get_by_role("button", name="Proposer mon idée").click()
    page.locator(".error-summary").wait_for()
    assert_nothing_refused(page)

    petition = unfold(page.locator("section.petition"))
    petition.get_by_label("Votre adresse électronique").fill("csp@example.org")
    petition.get_by_role("button", name="Soutenir cette interpellation").click()
    page.locator(".messages").wait_for()
    assert_nothing_refused(page)

    page.goto(latest_link(mail_dir, "/participation/mes-donnees/"))
    assert page.locator("h1").count() == 1
    assert_nothing_refused(page)
    page.get_by_role("link", name="Supprimer mes données…").click()
    page.locator("h1").wait_for()
    assert_nothing_refused(page)  # the page that asks before erasing

    confirm = latest_link(mail_dir, "/participation/confirmer/")
    page.goto(confirm)
    assert_nothing_refused(page)
    page.get_by_role("button", name="Confirmer").click()
    page.locator(".messages").wait_for()
    assert_nothing_refused(page)
    page.goto(confirm)  # used: the page says so
    assert_nothing_refused(page)
    idea = watched()
    idea.goto(CONSULTATION)
    link = idea.locator("a[href*='/participation/idees/']").first
    idea.goto(link.get_attribute("href"))
    assert_nothing_refused(idea)


def test_recaptcha_is_allowed_and_sends_its_token(watched, captcha_server):
    page = watched(captcha_server)
    page.goto(CONSULTATION)
    assert page.locator("input.g-recaptcha[data-action]").count() >= 1
    assert_nothing_refused(page)
    # Google cannot be asked here whether the token is good: the form's POST stops in the browser.
    page.route(re.compile(re.escape(CONSULTATION)), answer_posts_locally)
    form = unfold(page.locator("section.idea-form"))
    form.get_by_label("Décrivez votre idée").fill("Des bancs à l’ombre.")
    with page.expect_request(lambda request: request.method == "POST") as sent:
        form.get_by_role("button", name="Proposer mon idée").click()
    assert "jeton-de-test" in sent.value.post_data


def answer_posts_locally(route):
    if route.request.method == "POST":
        route.fulfill(status=204)
    else:
        route.continue_()


def log_in(page, login):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(login[0])
    page.locator("#id_password").fill(login[1])
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/")


def test_the_admin_works_under_its_own_policy(watched):
    page = watched()
    log_in(page, MODERATOR_LOGIN)
    assert_nothing_refused(page)
    page.goto("/admin/snippets/participation/idea/")
    assert_nothing_refused(page)


def test_an_editor_edits_previews_and_checks_a_page_under_the_admin_s_policy(watched):
    """The user bar on the site, the page editor, its preview and its accessibility checks."""
    page = watched()
    log_in(page, ADMINISTRATOR_LOGIN)
    page.goto(PUBLIC_PAGES["standard"])
    page.locator("wagtail-userbar").wait_for(state="attached")
    assert_nothing_refused(page)
    page.goto("/admin/pages/search/?q=participer")
    page.get_by_role("link", name="Comment participer ?").first.click()
    page.wait_for_url("**/edit/")
    page.get_by_role("button", name="Afficher/masquer la prévisualisation").click()
    preview = page.frame_locator("iframe[src*='/edit/preview/']")
    preview.locator("h1").wait_for()
    page.get_by_role("button", name="Activer/désactiver les vérifications").click()
    page.wait_for_timeout(1000)
    assert_nothing_refused(page)
    (frame,) = [frame for frame in page.frames if "/edit/preview/" in frame.url]
    assert frame.evaluate("window.cspViolations") == []
