"""Editors manage themes, districts and organisers once, in the admin."""

from wagtail.models import Locale

from portal.pages.models import District, Organiser, Theme


def test_editor_lists_and_creates_a_theme(admin_client, locales):
    Theme.objects.create(name="Mobilité", slug="mobilite", locale=locales[0])
    response = admin_client.get("/admin/snippets/pages/theme/")
    assert response.status_code == 200
    assert "Mobilité" in response.content.decode()
    response = admin_client.post(
        "/admin/snippets/pages/theme/add/?locale=fr", {"name": "Jeunesse", "slug": "jeunesse"}
    )
    assert response.status_code == 302
    assert Theme.objects.get(slug="jeunesse").locale == Locale.objects.get(language_code="fr")


def test_a_slug_is_unique_per_language(admin_client, locales):
    Theme.objects.create(name="Mobilité", slug="mobilite", locale=locales[0])
    response = admin_client.post(
        "/admin/snippets/pages/theme/add/?locale=fr", {"name": "Mobilités", "slug": "mobilite"}
    )
    assert response.status_code == 200
    assert Theme.objects.count() == 1


def test_editor_manages_districts_and_organisers(admin_client, locales):
    response = admin_client.post(
        "/admin/snippets/pages/district/add/?locale=fr", {"name": "La Gare", "slug": "la-gare"}
    )
    assert response.status_code == 302 and District.objects.filter(slug="la-gare").exists()
    response = admin_client.post(
        "/admin/snippets/pages/organiser/add/",
        {"name": "Association Vélo Lauze", "kind": "association", "description": "", "website": ""},
    )
    assert response.status_code == 302
    assert Organiser.objects.get().kind == "association"
    assert admin_client.get("/admin/snippets/pages/organiser/?kind=association").status_code == 200


def test_an_organiser_name_is_unique_per_language(admin_client, locales):
    Organiser.objects.create(name="Les Amis du Parc", locale=locales[0])
    fields = {"name": "Les Amis du Parc", "kind": "association", "description": "", "website": ""}
    response = admin_client.post("/admin/snippets/pages/organiser/add/?locale=fr", fields)
    assert response.status_code == 200
    assert "Ce nom est déjà utilisé dans cette langue." in response.content.decode()
    response = admin_client.post("/admin/snippets/pages/organiser/add/?locale=en", fields)
    assert response.status_code == 302
    assert Organiser.objects.filter(name="Les Amis du Parc").count() == 2


def test_organisers_are_listed_per_language(admin_client, locales):
    Organiser.objects.create(name="Les Amis du Parc", locale=locales[0])
    Organiser.objects.create(name="Friends of the Park", locale=locales[1])
    french = admin_client.get("/admin/snippets/pages/organiser/?locale=fr").content.decode()
    assert "Les Amis du Parc" in french and "Friends of the Park" not in french
    english = admin_client.get("/admin/snippets/pages/organiser/?locale=en").content.decode()
    assert "Friends of the Park" in english and "Les Amis du Parc" not in english
