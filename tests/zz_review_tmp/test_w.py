import json

from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

from portal.participation.models import IdeaStatus, Petition
from tests.conftest import make_standard_page
from tests.factories import IdeaBoxFactory, IdeaFactory
from tests.zz_review_tmp.test_x import body, od, page  # noqa: F401


def test_private_ancestor(client, page, home):
    IdeaFactory(box=IdeaBoxFactory(consultation=page), status=IdeaStatus.PUBLISHED, title="Fontaine privée")
    Petition.objects.create(title="Pétition fontaine", text="t", consultation=page)
    make_standard_page(page, "Sous-page fontaine", slug="sous")
    PageViewRestriction.objects.create(page=page.get_parent(), restriction_type=PageViewRestriction.PASSWORD, password="s")
    html = client.get("/fr/recherche/", {"q": "fontaine"}).content.decode()
    print("search:", "Fontaine privée" in html, "Pétition fontaine" in html, "Sous-page" in html)
    print("OD consultation file:", client.get(od(page.pk)).status_code)
    with translation.override("fr"):
        site = body(client.get(reverse("opendata:site", args=["figures", "json"])))
        idx = client.get(reverse("opendata:index")).content.decode()
    print("OD figures lists it:", "Place du marché" in site, "index lists it:", "Place du marché" in idx)
    print("untranslated:", client.get(f"/en/not-translated/{page.pk}/").status_code)
