"""Wagtail's default Site follows PUBLIC_BASE_URL, so that Wagtail's own absolute links (the
sitemap, Page.get_full_url) give the address residents use, like ours."""

import re

from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Site

from portal.core.http import page_url
from portal.core.sites import sync_default_site

PUBLIC = "https://participation.example.fr"


def default_site():
    return Site.objects.get(is_default_site=True)


@override_settings(PUBLIC_BASE_URL=PUBLIC)
def test_the_sitemap_lists_the_public_address(client, standard_page):
    assert default_site().hostname == "localhost"  # as Wagtail's first migration leaves it
    assert sync_default_site()
    assert (default_site().hostname, default_site().port) == ("participation.example.fr", 443)
    sitemap = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert f"{PUBLIC}/fr/mentions-legales/" in locations
    assert all(location.startswith(f"{PUBLIC}/fr/") for location in locations)
    assert standard_page.get_full_url() == page_url(standard_page)
    assert not sync_default_site()  # nothing left to change


@override_settings(PUBLIC_BASE_URL="http://127.0.0.1:8765")
def test_every_migrate_points_the_site_at_the_served_port(home):
    call_command("migrate", verbosity=0)  # as `make run` does before serving
    assert (default_site().hostname, default_site().port) == ("127.0.0.1", 8765)
    assert home.get_full_url() == "http://127.0.0.1:8765/fr/"


@override_settings(PUBLIC_BASE_URL=PUBLIC)
def test_a_site_already_serving_the_address_is_left_alone(home):
    other = Site.objects.create(hostname="participation.example.fr", port=443, root_page=home)
    assert not sync_default_site()
    assert default_site().hostname == "localhost"
    assert Site.objects.get(pk=other.pk).is_default_site is False
