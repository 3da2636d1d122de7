"""What the tests of event proposals share: an agenda, taxonomy, a form filled in, helpers."""

import re
from datetime import date
from io import BytesIO

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from PIL import Image

from portal.pages.models import District, Theme
from portal.participation import identity
from tests import factories
from tests.factories import paris

TODAY = date(2026, 6, 10)
SECRET_ADDRESS = "asso.secrete@example.org"


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(paris(TODAY, 12), tick=False):
        yield


@pytest.fixture
def agenda(home):
    return factories.agenda(home)


@pytest.fixture
def theme(locales):
    return Theme.objects.create(locale=locales[0], name="Cadre de vie", slug="cadre-de-vie")


@pytest.fixture
def district(locales):
    return District.objects.create(locale=locales[0], name="Centre-ville", slug="centre")


def propose_url():
    return reverse("proposals:propose")


def valid(**overrides):
    """The public form filled in as a careful association would."""
    data = {
        "organiser_name": "Les Amis du Parc",
        "title": "Pique-nique des voisins",
        "summary": "Chacun apporte un plat ; jeux pour les enfants.",
        "start": "2026-07-04T12:00",
        "end": "2026-07-04T16:00",
        "free_entry": "on",
        "registration_url": "",
        "place_name": "Parc des Tilleuls",
        "address": "2 rue des Tilleuls",
        "online_url": "",
        "step_free_access": "on",
        "accessibility_notes": "Tables accessibles en fauteuil.",
        "image_alt": "",
        "email": SECRET_ADDRESS,
    }
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def jpeg():
    output = BytesIO()
    Image.new("RGB", (64, 48), "green").save(output, format="JPEG")
    return output.getvalue()


def links_in(message):
    return re.findall(r"https?://\S+", message.body)


def local(url):
    return url.replace("http://testserver", "")


def confirmation_link():
    return local(next(url for url in links_in(mail.outbox[-1]) if "/participation/" in url))


def follow_link(message=None):
    message = message or mail.outbox[-1]
    follow = reverse("proposals:follow", args=["x"]).rsplit("/x/", 1)[0]
    return local(next(url for url in links_in(message) if follow in url))


def confirmed(email=SECRET_ADDRESS):
    return factories.confirmed(email)


def in_session(client, participant):
    """This browser proved it owns the participant's address (it opened a link)."""
    session = client.session
    session[identity.SESSION_KEY] = participant.pk
    session.save()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Call a view or a service, then run what waits for the commit (e-mails), as a server
    would at the end of the request."""

    def run(call, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return call(*args, **kwargs)

    return run
