"""The site's icon: asked for by every browser, drawn in the authority's colour."""

from io import BytesIO

import pytest
from bs4 import BeautifulSoup
from PIL import Image
from wagtail.models import Site

from portal.core.models import DEFAULT_PRIMARY_COLOUR, PortalSettings

BURGUNDY = "#8a1538"


@pytest.fixture
def identity(home):
    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    settings.primary_colour = BURGUNDY
    settings.save()
    return settings


def rgb(hex_colour):
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


def test_pages_link_their_icons(client, home):
    soup = BeautifulSoup(client.get(home.url).content, "html.parser")
    icons = {link["href"]: link.get("type") for link in soup.select("head link[rel=icon]")}
    assert icons == {"/favicon.ico": None, "/favicon.svg": "image/svg+xml"}
    assert soup.select_one("head link[rel=apple-touch-icon]")["href"] == "/apple-touch-icon.png"


def test_favicon_ico_answers_in_the_authoritys_colour(client, identity):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/vnd.microsoft.icon"
    assert "public" in response["Cache-Control"]
    with Image.open(BytesIO(response.content)) as icon:
        assert icon.format == "ICO"
        assert icon.info["sizes"] == {(16, 16), (32, 32), (48, 48)}
        assert icon.convert("RGB").getpixel((24, 4)) == rgb(BURGUNDY)  # the top edge


def test_the_svg_icon_and_the_touch_icon_use_the_same_colour(client, identity):
    svg = client.get("/favicon.svg")
    assert svg.status_code == 200
    assert svg["Content-Type"] == "image/svg+xml"
    assert f'fill="{BURGUNDY}"' in svg.content.decode()
    touch = client.get("/apple-touch-icon.png")
    with Image.open(BytesIO(touch.content)) as icon:
        assert (icon.format, icon.size) == ("PNG", (180, 180))
        assert icon.getpixel((0, 0)) == (*rgb(BURGUNDY), 255)  # opaque to the corner


def test_a_colour_saved_around_the_form_never_reaches_the_svg(client, identity):
    PortalSettings.objects.filter(pk=identity.pk).update(primary_colour='#"/><a>')
    svg = client.get("/favicon.svg").content.decode()
    assert "<a>" not in svg and f'fill="{DEFAULT_PRIMARY_COLOUR}"' in svg


def test_icons_are_read_only(client, home):
    assert client.head("/favicon.ico").status_code == 200
    assert client.post("/favicon.ico").status_code == 405
