"""HTTP helpers every app shares: 303 redirects, safe `next` URLs, the client's address and
the public address of the site.

Core imports nothing above it: participation, proposals, pages and reports use these.
"""

import ipaddress
from functools import cache

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme


def see_other(url):
    """A 303 redirect: the browser follows with a GET, so reloading never resubmits."""
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


def safe_next(request, url):
    """`url` if it stays on this site, else the home page."""
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return "/"


@cache
def trusted_proxies(setting=None):
    """The networks of the reverse proxies whose X-Forwarded-For we believe."""
    networks = settings.TRUSTED_PROXIES if setting is None else setting
    return tuple(ipaddress.ip_network(network, strict=False) for network in networks)


def _address(text):
    """An IP address as proxies write it: "198.51.100.1", "2001:db8::1", and with a port
    (some load balancers add one): "198.51.100.1:4711", "[2001:db8::1]:4711"."""
    text = text.strip()
    if text.startswith("["):
        text = text[1:].partition("]")[0]
    elif text.count(":") == 1:
        text = text.partition(":")[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def client_ip(request):
    """The visitor's address, as the nearest proxy we trust saw it.

    Behind a load balancer every request comes from the balancer: its address would put every
    visitor in one rate limit. When the direct peer is a trusted proxy (TRUSTED_PROXIES), the
    X-Forwarded-For chain is read from the right, skipping trusted proxies; the first address
    that is not one is the client. Whatever a visitor writes into the header themselves sits
    further left and is never reached. Without trusted proxies the header is ignored.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    networks = trusted_proxies()
    peer = _address(remote)
    if not networks or peer is None or not any(peer in network for network in networks):
        return remote
    chain = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for entry in reversed(chain):
        address = _address(entry)
        if address is None:
            break  # not written by a proxy of ours
        if not any(address in network for network in networks):
            return str(address)
    return remote


def rate_key(ip):
    """What a per-address rate limit counts: an IPv4 address, or the /64 of an IPv6 one
    (a household or a phone gets a whole /64 and can change address inside it)."""
    address = _address(ip)
    if address is None:
        return ip or "unknown"
    if address.version == 6:
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def public_base_url():
    """The address the public reaches the site at (PUBLIC_BASE_URL), without a final slash."""
    return settings.PUBLIC_BASE_URL.rstrip("/")


def absolute_url(url):
    """An absolute link for e-mails, calendars, PDFs and QR codes, where no request says
    which host the reader uses: paths are joined to PUBLIC_BASE_URL."""
    if not url:
        return public_base_url() + "/"
    if url.startswith(("http://", "https://")):
        return url
    return public_base_url() + (url if url.startswith("/") else f"/{url}")


def page_url(page):
    """A page's absolute public address (its translated path under PUBLIC_BASE_URL), or ""
    for a page outside every site, which has none."""
    url = page.get_url()
    return absolute_url(url) if url else ""
