"""Wagtail's Site record follows PUBLIC_BASE_URL.

Our own links are built on PUBLIC_BASE_URL (`portal.core.http`), but Wagtail builds its
absolute links (the sitemap, `Page.get_full_url`) from the default Site's hostname and port,
which Wagtail's first migration sets to localhost:80. Every `migrate` (and the demo loader)
brings the Site in line with the setting. Wagtail derives the scheme from the port (443 is
https, anything else http), so an https address on another port cannot be written there: our
links stay right, Wagtail's get http.
"""

from urllib.parse import urlsplit

from django.dispatch import Signal
from wagtail.models import Site

from . import page_cache
from .http import public_base_url

# Sent when the public address moved: what was made for the old one (stored PDFs) is remade.
public_address_changed = Signal()


def public_site_address():
    """(hostname, port) of PUBLIC_BASE_URL, as Wagtail's Site stores them."""
    url = urlsplit(public_base_url())
    return url.hostname or "", url.port or (443 if url.scheme == "https" else 80)


def sync_default_site(using="default", **kwargs):
    """Point the default Site at PUBLIC_BASE_URL (a post_migrate receiver); True if it moved.

    Another Site already holding that address is left alone: it serves that address.
    """
    site = Site.objects.using(using).filter(is_default_site=True).first()
    hostname, port = public_site_address()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return False
    if Site.objects.using(using).filter(hostname=hostname, port=port).exists():
        return False
    site.hostname, site.port = hostname, port
    site.save(using=using, update_fields=["hostname", "port"])
    page_cache.invalidate()  # cached pages, feeds and posters carry the old address
    public_address_changed.send(sender=Site, site=site)
    return True
