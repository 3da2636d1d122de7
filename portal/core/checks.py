"""System checks of the deployment (`manage.py check --deploy`)."""

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register

LOCAL_NAMES = {"localhost", "testserver", ""}


def _is_local(host):
    if host in LOCAL_NAMES or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


@register(Tags.security, deploy=True)
def check_public_base_url(app_configs, **kwargs):
    """Printed links and QR codes are built on PUBLIC_BASE_URL: a local address there would
    put dead links on every poster, e-mail and calendar."""
    url = urlsplit(settings.PUBLIC_BASE_URL)
    if url.scheme not in ("http", "https") or _is_local(url.hostname or ""):
        return [
            Error(
                f"PUBLIC_BASE_URL is {settings.PUBLIC_BASE_URL!r}.",
                hint="Set PUBLIC_BASE_URL to the address residents use, e.g. "
                "https://participation.example.fr: every e-mail, calendar, PDF and QR code "
                "links there.",
                id="portal.E001",
            )
        ]
    if url.scheme != "https":
        return [
            Error(
                "PUBLIC_BASE_URL does not use https.",
                hint="Residents follow these links from e-mails and posters: serve them over "
                "https.",
                id="portal.E002",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def check_sender(app_configs, **kwargs):
    """Residents' mail servers refuse, or file as spam, mail from a local domain."""
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip(">[] ")
    if _is_local(domain.lower()) or "." not in domain:
        return [
            Error(
                f"DEFAULT_FROM_EMAIL is {settings.DEFAULT_FROM_EMAIL!r}.",
                hint="Set DEFAULT_FROM_EMAIL to an address of the authority's own domain, "
                "e.g. participation@example.fr.",
                id="portal.E003",
            )
        ]
    return []
