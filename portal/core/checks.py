"""System checks of the deployment (`manage.py check --deploy`), and what the web server
checks before it serves anyone (`refuse_to_serve`)."""

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured
from django_recaptcha.checks import recaptcha_key_check

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


@register(Tags.security, deploy=True)
def check_captcha_keys(app_configs, **kwargs):
    """Google's test keys, which reCAPTCHA falls back to without keys, let every robot through
    the public forms."""
    keys = [
        getattr(settings, name, "") for name in ("RECAPTCHA_PUBLIC_KEY", "RECAPTCHA_PRIVATE_KEY")
    ]
    if settings.PARTICIPATION_CAPTCHA == "off" or (all(keys) and not recaptcha_key_check(None)):
        return []
    return [
        Error(
            "PARTICIPATION_CAPTCHA is on without reCAPTCHA keys: public forms would take "
            "Google's test keys, which let every robot through.",
            hint="Set RECAPTCHA_PUBLIC_KEY and RECAPTCHA_PRIVATE_KEY to the site's keys "
            "(https://www.google.com/recaptcha/admin), or PARTICIPATION_CAPTCHA=off.",
            id="portal.E004",
        )
    ]


def refuse_to_serve():
    """Called by the web server at its start (portal/wsgi.py): gunicorn runs no system check,
    and the public forms must not be served with the test keys where they are required
    (CAPTCHA_KEYS_REQUIRED, production). Other processes, the task worker among them, start."""
    if getattr(settings, "CAPTCHA_KEYS_REQUIRED", False) and (errors := check_captcha_keys(None)):
        raise ImproperlyConfigured(f"{errors[0].msg} {errors[0].hint}")
