"""The client's address behind trusted proxies, and absolute links on the public address."""

import pytest
from django.test import RequestFactory, override_settings
from wagtail.models import Page

from portal.core import http


@pytest.fixture(autouse=True)
def _fresh_networks():
    http.trusted_proxies.cache_clear()
    yield
    http.trusted_proxies.cache_clear()


def request(remote, forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


@override_settings(TRUSTED_PROXIES=[])
def test_without_trusted_proxies_the_header_is_ignored():
    assert http.client_ip(request("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
def test_behind_a_trusted_balancer_each_visitor_has_their_own_address():
    assert http.client_ip(request("10.0.0.2", "198.51.100.1")) == "198.51.100.1"
    assert http.client_ip(request("10.0.0.2", "198.51.100.2")) == "198.51.100.2"


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8", "192.0.2.7"])
def test_a_forged_header_is_never_reached():
    """A visitor's own X-Forwarded-For sits left of what our proxies append."""
    forged = request("10.0.0.2", "1.2.3.4, 198.51.100.1, 192.0.2.7")
    assert http.client_ip(forged) == "198.51.100.1"
    garbage = request("10.0.0.2", "<script>, 10.0.0.9")
    assert http.client_ip(garbage) == "10.0.0.2"


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
def test_an_address_written_with_its_port_is_read():
    assert http.client_ip(request("10.0.0.2", "198.51.100.1:4711")) == "198.51.100.1"
    assert http.client_ip(request("10.0.0.2", "[2001:db8::1]:4711")) == "2001:db8::1"


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
def test_an_untrusted_peer_cannot_choose_its_address():
    assert http.client_ip(request("198.51.100.1", "10.0.0.5")) == "198.51.100.1"


def test_rate_key_groups_an_ipv6_household():
    assert http.rate_key("2001:db8:1:2:aaaa::1") == http.rate_key("2001:db8:1:2:bbbb::9")
    assert http.rate_key("2001:db8:1:2::1") != http.rate_key("2001:db8:1:3::1")
    assert http.rate_key("::ffff:198.51.100.1") == "198.51.100.1"
    assert http.rate_key("not an address") == "not an address"


@override_settings(PUBLIC_BASE_URL="https://participation.example.fr")
def test_absolute_links_use_the_public_address():
    assert http.absolute_url("/fr/agenda/") == "https://participation.example.fr/fr/agenda/"
    assert http.absolute_url("fr/") == "https://participation.example.fr/fr/"
    assert http.absolute_url("https://other.example/x") == "https://other.example/x"


@override_settings(PUBLIC_BASE_URL="https://participation.example.fr")
def test_a_page_outside_every_site_has_no_public_address(home):
    page = Page.get_first_root_node().add_child(
        instance=Page(title="Hors du site", slug="hors-du-site")
    )
    assert http.page_url(page) == ""
    assert http.page_url(home) == "https://participation.example.fr/fr/"
