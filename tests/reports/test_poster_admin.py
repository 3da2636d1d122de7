"""Staff download posters from the admin, drafts included for those who can edit the page."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from portal.core import roles
from portal.core.roles import StaffRole
from tests import factories
from tests.conftest import make_standard_page

from . import pdf
from .conftest import WORKSHOP_START

BUTTON = "Affiche (PDF)"  # the admin speaks French to editors


@pytest.fixture
def editor(django_user_model, home):
    user = django_user_model.objects.create_user("editrice", "editrice@mairie.example", "x")
    user.groups.add(roles.group(StaffRole.EDITORS))
    return user


@pytest.fixture
def reader(django_user_model, home):
    """Can open the admin, but edit no page."""
    user = django_user_model.objects.create_user("lecteur", "lecteur@mairie.example", "x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def admin_poster(page):
    return reverse("reports_admin_poster", args=[page.pk])


@pytest.mark.parametrize("fixture", ["workshop", "tour", "consultation"])
def test_editors_find_the_poster_button_on_the_three_page_types(client, editor, request, fixture):
    page = request.getfixturevalue(fixture)
    client.force_login(editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert BUTTON in edit and admin_poster(page) in edit
    listing = client.get(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    assert admin_poster(page) in listing.content.decode()


def test_other_page_types_have_no_poster_button(client, editor, home):
    page = make_standard_page(home, "Mentions légales")
    client.force_login(editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert BUTTON not in edit
    assert (
        BUTTON not in client.get(reverse("wagtailadmin_explore", args=[home.pk])).content.decode()
    )


def test_an_editor_downloads_the_poster_of_a_draft(client, editor, workshop, tmp_path):
    workshop.title = "Atelier « Cœur de ville » : nouvelle date"
    workshop.save_revision()  # not published
    client.force_login(editor)
    response = client.get(admin_poster(workshop))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf.text(response.content, tmp_path)
    assert pdf.squeezed("Atelier « Cœur de ville » : nouvelle date") in text


def test_an_editor_downloads_the_poster_of_a_page_never_published(client, editor, agenda):
    draft = factories.event(agenda, "Atelier à venir", WORKSHOP_START, revision=False, live=False)
    draft.save_revision()
    client.force_login(editor)
    assert client.get(admin_poster(draft)).status_code == 200


def test_the_admin_poster_is_refused_to_those_who_cannot_edit(client, reader, workshop):
    workshop.save_revision()
    client.force_login(reader)
    assert client.get(admin_poster(workshop)).status_code == 403
    edit = client.get(reverse("wagtailadmin_explore", args=[workshop.get_parent().pk]))
    assert admin_poster(workshop) not in edit.content.decode()


def test_the_admin_poster_needs_a_poster_page_and_a_login(client, editor, home, workshop):
    page = make_standard_page(home, "Mentions légales")
    client.force_login(editor)
    # LocaleMiddleware first tries the address under /fr/, which Wagtail's pages answer with 404.
    for page_id in (page.pk, 999_999):
        url = reverse("reports_admin_poster", args=[page_id])
        assert client.get(url, follow=True).status_code == 404
    client.logout()
    assert client.get(admin_poster(workshop)).status_code == 302  # to the login page
