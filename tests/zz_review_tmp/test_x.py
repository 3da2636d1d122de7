"""Security review probes (temporary)."""

import json
from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction, Site

from portal.participation import identity, services
from portal.participation.models import Idea, IdeaStatus, QuestionKind, Question
from tests import factories
from tests.conftest import confirm_by_link, make_standard_page
from tests.factories import IdeaBoxFactory, IdeaFactory, QuestionFactory, SurveyFactory, confirmed


@pytest.fixture
def page(home):
    index = factories.consultation_index(home)
    page = factories.consultation(
        index,
        "Place du marché",
        phases=((date.today() - timedelta(days=3), date.today() + timedelta(days=30), None),),
    )
    page.phases.update(allows_supports=True)
    return page


def od(page_id, dataset="ideas", fmt="json"):
    with translation.override("fr"):
        return reverse("opendata:consultation", args=[page_id, dataset, fmt])


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


# 1. Open data -----------------------------------------------------------------------------


@pytest.mark.parametrize("pk", [0, 2**63, 10**30])
def test_od_huge_ids(page, pk):
    client = Client(raise_request_exception=False)
    r = client.get(od(pk))
    print("OD", pk, r.status_code)
    r = client.get(f"/fr/participer/{pk}/")
    print("take_part GET", pk, r.status_code)
    r = client.post(f"/fr/participer/{pk}/", {"block_id": "x"})
    print("take_part POST", pk, r.status_code)
    r = client.get(f"/en/not-translated/{pk}/")
    print("untranslated", pk, r.status_code)
    r = client.get(f"/fr/participation/idees/{pk}/x/")
    print("idea", pk, r.status_code)


def test_od_free_text_after_kind_change(client, page):
    survey = SurveyFactory(consultation=page)
    q = QuestionFactory(survey=survey, kind=QuestionKind.SHORT_TEXT, label="Votre adresse")
    services.answer_survey(
        survey=survey, participant=confirmed("a@example.org"), answers={q: "12 rue des Lilas, Mme Martin"}
    )
    q.kind = QuestionKind.SINGLE_CHOICE
    q.choices = "Oui\nNon"
    q.full_clean()
    q.save()
    text = body(client.get(od(page.pk, "survey-results")))
    print(text)
    assert "rue des Lilas" in text


def test_od_future_survey_published(client, page):
    survey = SurveyFactory(consultation=page, title="Enquête secrète", opens_at=timezone.now() + timedelta(days=60))
    QuestionFactory(survey=survey, kind=QuestionKind.SINGLE_CHOICE, choices="A\nB", label="Question pas encore ouverte")
    text = body(client.get(od(page.pk, "survey-results")))
    print("future survey in OD:", "Question pas encore ouverte" in text)


def test_od_csv_injection(client, page):
    box = IdeaBoxFactory(consultation=page)
    for title in ["=HYPERLINK(\"http://x\")", " =1+1", "\n=1+1", "＝1+1", "-2+3", "@SUM(A1)", "+1", "-1"]:
        IdeaFactory(box=box, status=IdeaStatus.PUBLISHED, title=title, place=title, author_name=title)
    text = body(client.get(od(page.pk, "ideas", "csv")))
    print(repr(text[:3000]))


def test_name_left_empty_still_published(client, page):
    """A participant named once, then proposing an idea with the name left empty."""
    confirmed("nadia@example.org", display_name="Nadia Dupont")
    box = IdeaBoxFactory(consultation=page)
    participant = factories.named("nadia@example.org", display_name="")
    idea = services.submit_idea(box=box, participant=participant, title="Idée anonyme ?", description="x")
    services.confirm(confirmation=participant.confirmation, shown_at=timezone.now(), display_name="")
    idea.refresh_from_db()
    print("author_name after confirm with empty name:", repr(idea.author_name))
    services.change_status(idea=idea, to_status=IdeaStatus.PUBLISHED, user=None, notify=False)
    text = body(client.get(od(page.pk)))
    print("in OD:", "Nadia Dupont" in text)
    assert idea.author_name == "Nadia Dupont"


def test_idea_of_private_or_draft_consultation(client, page):
    box = IdeaBoxFactory(consultation=page)
    idea = IdeaFactory(box=box, status=IdeaStatus.PUBLISHED, title="Idée confidentielle")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="s")
    with translation.override("fr"):
        url = idea.get_absolute_url()
    r = client.get(url)
    print("private consultation: idea page", r.status_code, "title shown", "Idée confidentielle" in r.content.decode(), "consultation title", "Place du marché" in r.content.decode())
    print("OD site ideas contains it:", "Idée confidentielle" in body(client.get(reverse("opendata:site", args=["ideas", "json"]))))
    PageViewRestriction.objects.all().delete()
    page.unpublish()
    r = client.get(url)
    print("draft consultation: idea page", r.status_code)
    r = client.get("/fr/recherche/", {"q": "confidentielle"})
    print("search finds it:", "Idée confidentielle" in r.content.decode())


# 2. My data -------------------------------------------------------------------------------


def test_my_data_download_other_browser(client, page):
    owner = confirmed("nadia@example.org", display_name="Nadia")
    token = identity.data_token(owner)
    url = reverse("participation:download_my_data", args=[token])
    r = Client().get(url)
    print("anon download:", r.status_code, r.get("Location"))
    # an attacker types the owner's address in a form: pending, not proven
    attacker = Client()
    attacker.post(reverse("participation:new_link"), {"email": "nadia@example.org"})
    r = attacker.get(url)
    print("attacker after new_link:", r.status_code)
    other = confirmed("eve@example.org")
    c = Client()
    s = c.session
    s[identity.SESSION_KEY] = other.pk
    s.save()
    print("other participant:", c.get(url).status_code)
    print("forged:", c.get(reverse("participation:download_my_data", args=["abc:def"])).status_code)
    # the page itself, with the link only
    r = Client().get(reverse("participation:my_data", args=[token]))
    print("my data page with link only:", r.status_code, "nadia@example.org" in r.content.decode())


# 3. Untranslated page ---------------------------------------------------------------------


def test_untranslated_private(client, home, locales):
    english = home.copy_for_translation(locales[1])
    english.save_revision().publish()
    secret = make_standard_page(home, "Fermeture de l'école Jaurès", slug="fermeture-ecole-jaures")
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.PASSWORD, password="s")
    r = client.get(f"/en/not-translated/{secret.pk}/")
    text = r.content.decode()
    print("private:", r.status_code, "slug leaked", "fermeture-ecole-jaures" in text, "title", "Jaurès" in text)
    r = client.get(f"/fr/participer/{secret.pk}/")
    print("take_part GET on private:", r.status_code, r.get("Location"))
    draft = make_standard_page(home, "Brouillon", slug="brouillon")
    draft.unpublish()
    print("draft:", client.get(f"/en/not-translated/{draft.pk}/").status_code)
    # another site
    other_home = make_standard_page(home.get_parent(), "Autre site", slug="autre")
    Site.objects.create(hostname="evil.example", port=80, root_page=other_home)
    r = client.get(f"/en/not-translated/{other_home.pk}/")
    print("other site:", r.status_code, [a["href"] for a in BeautifulSoup(r.content, "html.parser").select(".untranslated a")])


# 4. Search ------------------------------------------------------------------------------


HOSTILE = ["-", "'", "’", "a'", "'a", "--a", "a-", "-a -b", "NEAR", "AND", "OR NOT", "x" * 200,
           "a " * 100, "é", "\x00", "'-'", "a''b", "‘", "_", "__", "a_b", "0", "-0", "ǅ", "٣", "ß"]


@pytest.mark.parametrize("q", HOSTILE)
def test_search_hostile(client, page, q):
    box = IdeaBoxFactory(consultation=page)
    IdeaFactory(box=box, status=IdeaStatus.PUBLISHED, title="Une fontaine")
    r = client.get("/fr/recherche/", {"q": q})
    assert r.status_code == 200, (q, r.status_code)


def test_search_petition_not_shown(client, page):
    from portal.participation.models import Petition

    p = Petition.objects.create(
        title="Pétition en préparation", text="Texte secret", consultation=page,
        opens_at=timezone.now() + timedelta(days=30),
    )
    r = client.get("/fr/recherche/", {"q": "préparation"})
    print("unembedded future petition found:", "Pétition en préparation" in r.content.decode())
    box = IdeaBoxFactory(consultation=page)
    IdeaFactory(box=box, status=IdeaStatus.SUBMITTED, title="Attente fontaine")
    IdeaFactory(box=box, status=IdeaStatus.REJECTED, title="Rejet fontaine")
    r = client.get("/fr/recherche/", {"q": "fontaine"})
    print("pending/rejected found:", "Attente" in r.content.decode(), "Rejet" in r.content.decode())


# 5. Machine translation -----------------------------------------------------------------


def test_mt_private_consultation_and_xss(client, page, settings, locales, django_capture_on_commit_callbacks):
    from tests.participation.test_machine_translation import FakeTranslator, configure

    FakeTranslator.sent = []
    configure(settings, FakeTranslator)
    box = IdeaBoxFactory(consultation=page)
    idea = IdeaFactory(box=box, status=IdeaStatus.PUBLISHED, title="<script>alert(1)</script>",
                       description="<img src=x onerror=alert(1)>")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="s")
    with translation.override("en"):
        url = idea.get_absolute_url()
    with django_capture_on_commit_callbacks(execute=True):
        r = client.get(url)
    print("private consultation, en idea page:", r.status_code, "sent:", FakeTranslator.sent)
    r = client.get(url)
    html = r.content.decode()
    print("raw script:", "<script>alert" in html, "raw img:", "<img src=x" in html)
    # moderator on a pending idea
    FakeTranslator.sent = []
    pending = IdeaFactory(box=box, status=IdeaStatus.SUBMITTED, title="En attente")
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("a", "a@example.org", "x")
    c = Client()
    c.force_login(admin)
    with translation.override("en"):
        url = pending.get_absolute_url()
    with django_capture_on_commit_callbacks(execute=True):
        print("moderator pending:", c.get(url).status_code, "sent:", FakeTranslator.sent)


# 6. take_part -----------------------------------------------------------------------------


@pytest.mark.parametrize("data", [{}, {"block_id": ""}, {"block_id": "x" * 10000}, {"block_id": "\x00"},
                                  {"block_id": ["a", "b"]}, {"block_id": "x", "envelope": "1e9"}])
def test_take_part_hostile(client, page, data):
    r = client.post(f"/fr/participer/{page.pk}/", data)
    assert r.status_code < 500, r.status_code
    r = client.post(f"/en/participer/{page.pk}/", data)
    print(data if len(str(data)) < 50 else "long", r.status_code)
