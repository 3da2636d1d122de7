"""The Content-Security-Policy: what each page may load, and pages that need nothing more.

The browser side (no violation on any page type, the map and a video drawn) is in
tests/e2e/test_csp.py.
"""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.template.loader import render_to_string
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Page, Site

from portal.blocks.media import VIDEO_PLAYERS
from portal.core.models import PortalSettings
from portal.settings.base import origin
from tests.conftest import make_standard_page
from tests.processes import setting


def policy(response):
    """{directive: [sources]} of the response's Content-Security-Policy."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def test_public_pages_allow_the_site_s_own_files_and_the_third_parties_they_name(client, home):
    directives = policy(client.get(make_standard_page(home, "Mentions légales").url))
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["img-src"] == ["'self'", "https://tile.openstreetmap.org"]
    assert sorted(directives["frame-src"]) == [
        "https://player.vimeo.com",
        "https://www.dailymotion.com",
        "https://www.youtube-nocookie.com",
    ]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == directives["form-action"] == ["'self'"]
    sources = [source for sources in directives.values() for source in sources]
    assert not [source for source in sources if "unsafe" in source]


def test_every_video_player_is_allowed_in_frames():
    allowed = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"]
    for _name, address in VIDEO_PLAYERS.values():
        assert origin(address) in allowed


def test_the_tile_server_is_one_setting_for_the_map_and_the_policy():
    assert origin("https://{s}.tile.example.org/{z}/{x}/{y}.png") == "https://*.tile.example.org"
    allowed = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]
    assert origin(settings.MAP_TILE_URL) in allowed
    assert origin("/media/") is None


@pytest.mark.parametrize(("captcha", "allowed"), [("v3", True), ("v2", True), ("off", False)])
def test_recaptcha_is_allowed_while_the_captcha_is_on(client, home, captcha, allowed):
    url = make_standard_page(home, "Mentions légales").url
    with override_settings(PARTICIPATION_CAPTCHA=captcha):
        directives = policy(client.get(url))
    assert ("https://www.google.com/recaptcha/" in directives["script-src"]) is allowed
    assert ("https://www.gstatic.com/recaptcha/" in directives["script-src"]) is allowed
    assert ("https://www.google.com/recaptcha/" in directives["frame-src"]) is allowed


def test_the_admin_has_its_own_policy(admin_client, home):
    directives = policy(admin_client.get(reverse("wagtailadmin_home")))
    assert "'unsafe-inline'" in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert {"data:", "blob:"} <= set(directives["img-src"])
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]


def test_a_preview_framed_by_the_admin_has_the_admin_s_policy_and_is_never_cached(home):
    """Wagtail renders a preview through the middlewares with a stand-in request."""
    page = make_standard_page(home, "Mentions légales")
    page.title = "Brouillon"
    for _ in range(2):
        response = page.make_preview_request()
        assert policy(response)["frame-ancestors"] == ["'self'"]
        assert "X-Page-Cache" not in response
        assert b"Brouillon" in response.content


def inline_code(html):
    """Inline scripts (data blocks aside), <style> elements and style or on… attributes."""
    soup = BeautifulSoup(html, "html.parser")
    found = [
        str(script)[:120]
        for script in soup.find_all("script")
        if not script.get("src") and script.get("type") != "application/ld+json"
    ]
    found += [str(style)[:120] for style in soup.find_all("style")]
    for element in soup.find_all(True):
        found += [
            f"<{element.name} {name}=…>"
            for name in element.attrs
            if name == "style" or name.startswith("on")
        ]
    return found


@override_settings(PARTICIPATION_CAPTCHA="v3")
def test_no_page_of_the_demo_holds_inline_script_or_style(client, demo):
    """What the policy refuses: every page of the demo town, and the forms outside pages."""
    urls = [page.url for page in Page.objects.live().public().specific() if page.depth > 1]
    urls += [
        reverse("search") + "?q=parc",
        reverse("proposals:propose"),
        reverse("participation:new_link"),
    ]
    found = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        if inline := inline_code(response.content.decode()):
            found[url] = inline
    assert not found
    consultation = client.get("/fr/concertations/reamenagement-place-du-marche/").content
    assert b"/static/js/captcha.js" in consultation  # the captcha is there, as a file


def test_the_server_error_page_has_its_style_in_a_file():
    assert not inline_code(render_to_string("500.html"))


def test_the_authority_s_colour_comes_in_a_stylesheet(client, home):
    identity = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    identity.primary_colour = "#A23C12"
    identity.save()
    page = BeautifulSoup(client.get(home.url).content, "html.parser")
    stylesheets = [link["href"] for link in page.select('link[rel="stylesheet"]')]
    assert "/theme/a23c12.css" in stylesheets
    response = client.get("/theme/a23c12.css")
    assert response["Content-Type"] == "text/css; charset=utf-8"
    assert response.content.decode() == (
        ":root { --colour-primary: #a23c12; --colour-primary-dark: #82300e; }\n"
    )
    assert "immutable" in response["Cache-Control"]
    assert client.get("/theme/a23c12.css;x").status_code == 404


def test_a_forged_colour_falls_back_to_the_default_stylesheet(client, home):
    identity = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    identity.primary_colour = '"/><p>'  # saved around the admin form's validation
    identity.save()
    response = client.get(home.url)
    assert response.status_code == 200
    assert b'href="/theme/1d5b79.css"' in response.content


def test_media_on_another_origin_is_allowed_as_images_and_video_never_as_code():
    """Files in the media bucket come from staff and residents: a browser may show them, never
    run them as a script or a style sheet."""
    directives = setting(
        "settings.CONTENT_SECURITY_POLICY['DIRECTIVES']",
        MEDIA_BUCKET="media",
        MEDIA_URL="https://media.ville.example/portail/",
    )
    media = "https://media.ville.example"
    assert media in directives["img-src"] and media in directives["media-src"]
    for code_source in ("script-src", "style-src", "font-src", "default-src"):
        assert media not in directives[code_source], code_source
