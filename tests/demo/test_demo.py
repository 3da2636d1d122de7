"""The demo town loads, and loading it again changes nothing."""

from django.core.management import call_command
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page, Revision, Site

from portal.core.models import PortalSettings


def snapshot():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        Image.objects.count(),
        Document.objects.count(),
        Site.objects.count(),
    )


def test_load_demo_twice_changes_nothing(db, capsys):
    call_command("load_demo")
    first = snapshot()
    call_command("load_demo")
    assert snapshot() == first
    assert "nothing to do" in capsys.readouterr().out


def test_demo_builds_a_believable_town_with_its_legal_pages(client, demo):
    identity = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    assert identity.authority_name == "Ville de Bellecombe-sur-Lauze"
    for page in (
        identity.legal_notice_page,
        identity.personal_data_page,
        identity.accessibility_page,
    ):
        assert page.live
        assert client.get(page.url).status_code == 200
    statement = client.get(identity.accessibility_page.url).content.decode()
    assert "Défenseur des droits" in statement and "non conforme" in statement
    personal_data = client.get(identity.personal_data_page.url).content.decode()
    assert "CNIL" in personal_data
    legal = client.get(identity.legal_notice_page.url).content.decode()
    assert (
        "directeur de la publication" in legal.lower()
        or "directrice de la publication" in legal.lower()
    )


def test_demo_admin_is_refused_outside_development(db, settings):
    import pytest
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("ensure_demo_admin")
