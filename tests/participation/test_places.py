"""Where ideas and projects are: the district derived from their point when none was chosen
(every point of the test set in its known district), and the place typed as text looked up
by a geocoder that never fails a submission (a real HTTP server stands in for it)."""

import json
import threading
import time
from datetime import timedelta
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.users.models import UserProfile

from portal.budgets import services as budgets
from portal.budgets.models import BudgetProject
from portal.core import geocoder, roles
from portal.core.roles import StaffRole
from portal.participation import services
from portal.participation.models import Idea
from tests import factories
from tests.budgets.factories import EnvelopeFactory
from tests.districts import POINTS, create_districts
from tests.factories import IdeaBoxFactory, confirmed

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def districts(locales):
    return create_districts(locales[0])


@pytest.fixture
def box(home, districts):
    consultation = factories.consultation(factories.consultation_index(home), "Le parc")
    return IdeaBoxFactory(consultation=consultation)


def propose(box, **fields):
    return services.submit_idea(
        box=box,
        participant=confirmed("nadia@example.org"),
        title="Des bancs",
        description="À l’ombre.",
        **fields,
    )


def point(latitude, longitude):
    return {"latitude": Decimal(str(latitude)), "longitude": Decimal(str(longitude))}


def test_every_point_of_the_test_set_gives_its_known_district(box):
    found = [propose(box, **point(lat, lon)).district for lat, lon, _slug in POINTS]
    assert [d and d.slug for d in found] == [slug for *_point, slug in POINTS]


def test_a_district_chosen_is_kept_whatever_the_point(box, districts):
    idea = propose(box, district=districts["est"], **point(45.76, 4.81))
    assert idea.district == districts["est"]
    assert idea.latitude == Decimal("45.76")


def test_an_idea_is_placed_among_the_districts_its_box_offers(box, districts):
    box.districts.set([districts["sud"], districts["est"]])
    assert propose(box, **point(45.72, 4.86)).district == districts["est"]
    assert propose(box, **point(45.76, 4.81)).district is None  # nord: not offered


def test_half_a_point_is_no_point(box):
    idea = propose(box, latitude=Decimal("45.76"), longitude=None)
    assert (idea.latitude, idea.longitude, idea.district) == (None, None, None)


def test_paper_ideas_and_projects_are_placed_too(box, districts, django_user_model):
    officer = django_user_model.objects.create_user("agent", "agent@example.org", "secret")
    paper = services.enter_paper_idea(
        box=box,
        user=officer,
        collected_at=None,
        title="Une fontaine",
        description="…",
        **point(45.775, 4.825),
    )
    assert paper.district == districts["lac"]
    envelope = EnvelopeFactory(consultation=box.consultation)
    project = budgets.create_project(
        envelope=envelope, user=officer, title="Un kiosque", **point(45.73, 4.96)
    )
    assert project.district == districts["est"]
    merged = budgets.merge_ideas(
        envelope=envelope, ideas=[paper], user=officer, title="La fontaine", **point(45.74, 4.82)
    )
    assert merged.district == districts["sud"]
    plain = budgets.create_project(envelope=envelope, user=officer, title="Sans lieu")
    assert (plain.latitude, plain.district) == (None, None)


# The geocoder, played by a local server


class Geocoder(BaseHTTPRequestHandler):
    """Answers as the server's `behaviour` says: a JSON body, a status, a delay."""

    def do_GET(self):
        behaviour = self.server.behaviour
        self.server.requests.append(self.path)
        time.sleep(behaviour.get("delay", 0))
        body = behaviour.get("body", b"")
        if isinstance(body, dict):
            body = json.dumps(body).encode()
        self.send_response(behaviour.get("status", 200))
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def geocoder_server(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Geocoder)
    server.behaviour, server.requests = {}, []
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.GEOCODER_URL = f"http://127.0.0.1:{server.server_port}/search/"
    settings.GEOCODER_TIMEOUT = 0.5
    yield server
    server.shutdown()
    server.server_close()


def found(longitude, latitude, score=0.9):
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [longitude, latitude]},
                "properties": {"label": "1 Place du Marché", "score": score},
            }
        ],
    }


def test_a_place_typed_is_looked_up_and_gives_the_district(box, districts, geocoder_server):
    geocoder_server.behaviour = {"body": found(4.8251234567, 45.7412345678)}
    idea = propose(box, place="1 place du Marché")
    idea.refresh_from_db()
    assert (idea.latitude, idea.longitude) == (Decimal("45.741235"), Decimal("4.825123"))
    assert idea.district == districts["sud"]
    assert geocoder_server.requests == ["/search/?q=1+place+du+March%C3%A9&limit=1"]


def test_the_authority_s_commune_restricts_the_search(box, geocoder_server, settings):
    settings.GEOCODER_CITYCODE = "73008"
    geocoder_server.behaviour = {"body": found(4.82, 45.74)}
    propose(box, place="place du Marché")
    assert geocoder_server.requests[0].endswith("&citycode=73008")


def test_a_point_picked_is_not_looked_up(box, districts, geocoder_server):
    idea = propose(box, place="1 place du Marché", **point(45.76, 4.81))
    assert geocoder_server.requests == [] and idea.district == districts["nord"]


@pytest.mark.parametrize(
    "behaviour",
    [
        {"body": {"type": "FeatureCollection", "features": []}},  # not found
        {"body": found(4.82, 45.74, score=0.2)},  # a poor match
        {"body": found(4.82, 45.74), "delay": 1.5},  # slower than the timeout
        {"body": b"{not json"},
        {"body": b"\xff" * 10},
        {"body": {"features": [{"geometry": {"coordinates": ["4.8", None]}}]}},
        {"body": {"features": [{"geometry": {"coordinates": [400, 95]}}]}},
        {"body": {"features": "x"}},
        {"body": [1, 2]},
        {"body": b"[" * 300_000},
        {"body": {"error": "down"}, "status": 503},
        {"body": b"", "status": 404},
    ],
)
def test_a_failing_geocoder_leaves_no_point_and_saves_the_idea(box, geocoder_server, behaviour):
    geocoder_server.behaviour = behaviour
    idea = propose(box, place="1 place du Marché")
    assert idea.pk and idea.place == "1 place du Marché"
    assert (idea.latitude, idea.longitude, idea.district) == (None, None, None)


def test_an_unreachable_geocoder_leaves_no_point(box, settings):
    settings.GEOCODER_URL = "http://127.0.0.1:9/search/"
    assert geocoder.geocode("1 place du Marché") is None
    settings.GEOCODER_URL = ""
    assert propose(box, place="1 place du Marché").latitude is None


# The idea form: a point picked on the map, in two hidden inputs


@pytest.fixture
def form_page(box, districts):
    box.themes = []
    box.districts = list(districts.values())
    box.save()
    page = box.consultation
    page.body = [{"type": "idea_form", "value": {"idea_box": box.pk, "heading": ""}, "id": "idees"}]
    page.save_revision().publish()
    return page


def submit(client, page, **data):
    fields = {
        "title": "Des bancs",
        "description": "À l’ombre.",
        "district": "",
        "place": "",
        "email": "nadia@example.org",
        "display_name": "Nadia",
        **data,
    }
    return client.post(
        page.url, {"block_id": "idees", **{f"idees-{k}": v for k, v in fields.items()}}
    )


def test_the_form_offers_the_map_around_the_districts(client, form_page):
    page = BeautifulSoup(client.get(form_page.url).content, "html.parser")
    picker = page.select_one("[data-place-picker]")
    assert json.loads(picker["data-area"]) == [[45.7, 4.75], [45.8, 4.97]]
    assert page.select_one("#id_idees-latitude")["type"] == "hidden"
    assert page.select_one("#id_idees-place")["type"] == "text"
    assert picker.select_one("[data-picker-panel]").has_attr("hidden")


def test_a_point_picked_is_stored_with_its_district(client, form_page, districts):
    response = submit(
        client, form_page, place="Le lac", latitude="45.7751234567", longitude="4.825"
    )
    assert response.status_code == 303
    idea = Idea.objects.get()
    assert (idea.latitude, idea.longitude) == (Decimal("45.775123"), Decimal("4.825000"))
    assert idea.district == districts["lac"] and idea.place == "Le lac"


@pytest.mark.parametrize(
    ("latitude", "longitude"),
    [
        ("abc", "4.8"),
        ("95", "4.8"),
        ("45.7", "-181"),
        ("1e400", "4.8"),
        ("NaN", "4.8"),
        ("Infinity", "-Infinity"),
        ("45.7", ""),
        ("", "4.8"),
        ("4" * 40, "4.8"),
        ("<script>", "0x10"),
        ("45,7", "4.8"),
    ],
)
def test_a_hostile_point_is_refused_next_to_the_place(client, form_page, latitude, longitude):
    response = submit(client, form_page, place="Le lac", latitude=latitude, longitude=longitude)
    assert response.status_code == 400  # the form again, with its errors
    page = BeautifulSoup(response.content, "html.parser")
    with translation.override("fr"):  # the page's language
        unread = gettext(
            "The pin on the map could not be read: place it again, or type the place "
            "without the map."
        )
    assert unread != "" and unread in page.select_one("#id_idees-place-error").get_text()
    assert page.select_one("#id_idees-place")["value"] == "Le lac"
    assert not Idea.objects.exists()


def test_without_a_place_field_no_point_is_taken(client, form_page, box):
    box.accepts_location = False
    box.save()
    response = submit(client, form_page, latitude="45.775", longitude="4.825")
    assert response.status_code == 303
    assert Idea.objects.get().latitude is None


# In the admin: officers type a place, looked up as a resident's is, or coordinates

IDEAS = "/admin/snippets/participation/idea/"
PROJECTS = "/admin/snippets/budgets/budgetproject/"


@pytest.fixture
def officer_client(client, django_user_model):
    officer = django_user_model.objects.create_user("agent", "agent@mairie.example", "x")
    officer.groups.add(roles.group(StaffRole.MODERATORS))
    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = "en"  # the admin in the source strings' language
    profile.save()
    client.force_login(officer)
    return client


@pytest.fixture
def event(home):
    return factories.event(factories.agenda(home), "Atelier", timezone.now() - timedelta(days=1))


def paper_idea(client, box, event, **where):
    data = {"box": box.pk, "collected_at": event.pk, "title": "Un kiosque", "description": "…"}
    return client.post(f"{IDEAS}add/", {**data, "theme": "", "district": "", **where})


def test_a_paper_idea_s_place_is_looked_up(officer_client, box, event, districts, geocoder_server):
    geocoder_server.behaviour = {"body": found(4.825, 45.775)}
    response = paper_idea(officer_client, box, event, place="Place du lac")
    assert response.status_code == 302
    idea = Idea.objects.get()
    assert (idea.place, idea.latitude, idea.district) == (
        "Place du lac",
        Decimal("45.775"),
        districts["lac"],
    )
    assert len(geocoder_server.requests) == 1


def test_a_paper_idea_s_coordinates_give_its_district(
    officer_client, box, event, districts, geocoder_server
):
    response = paper_idea(
        officer_client, box, event, place="Le kiosque", latitude="45,72", longitude=" 4.86 "
    )
    assert response.status_code == 302
    idea = Idea.objects.get()
    assert (idea.latitude, idea.longitude) == (Decimal("45.72"), Decimal("4.86"))
    assert idea.district == districts["est"] and geocoder_server.requests == []


@pytest.mark.parametrize(
    ("latitude", "longitude", "field"),
    [
        ("45.72", "", "longitude"),
        ("", "4.86", "latitude"),
        ("91", "4.86", "latitude"),
        ("45,7,2", "4.86", "latitude"),
    ],
)
def test_half_a_point_or_a_wrong_one_is_refused_on_its_field(
    officer_client, box, event, latitude, longitude, field
):
    response = paper_idea(officer_client, box, event, latitude=latitude, longitude=longitude)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one(f"#id_{field}").get("aria-invalid") == "true"
    assert not Idea.objects.exists()


def test_the_review_shows_where_the_idea_is_and_corrects_it(
    officer_client, box, districts, geocoder_server
):
    idea = services.enter_paper_idea(
        box=box, user=None, collected_at=None, title="Un banc", description="…", place="Au lac"
    )
    assert idea.latitude is None  # nothing found: the geocoder answered nothing
    geocoder_server.requests.clear()
    data = {"title": idea.title, "description": idea.description, "district": "", "answer": ""}
    fields = {"new_status": "", "note": "", "assignee": "", "assigned_department": ""}
    response = officer_client.post(
        f"{IDEAS}edit/{idea.pk}/",
        {**data, **fields, "new_note": "", "place": "Au lac", **point_text(45.72, 4.86)},
    )
    assert response.status_code == 302
    idea.refresh_from_db()
    assert (idea.latitude, idea.district) == (Decimal("45.72"), districts["est"])
    assert "Corrected" in idea.transitions.last().note and geocoder_server.requests == []
    page = BeautifulSoup(officer_client.get(f"{IDEAS}edit/{idea.pk}/").content, "html.parser")
    facts = page.select_one(".participation-facts").get_text(" ", strip=True)
    assert "Au lac" in facts and "Est" in facts and "45.720000, 4.860000" in facts
    link = page.select_one(".participation-facts a[href^='https://www.openstreetmap.org/']")
    assert link["href"].endswith("#map=18/45.720000/4.860000")
    assert page.select_one("#id_latitude")["value"] == "45.720000"


def point_text(latitude, longitude):
    return {"latitude": str(latitude), "longitude": str(longitude)}


def test_a_project_entered_made_of_ideas_or_reviewed_is_placed(
    officer_client, box, districts, geocoder_server
):
    envelope = EnvelopeFactory(consultation=box.consultation)
    geocoder_server.behaviour = {"body": found(4.81, 45.76)}
    entered = {"envelope": envelope.pk, "title": "Un kiosque", "summary": "", "cost": "0"}
    response = officer_client.post(
        f"{PROJECTS}add/", {**entered, "theme": "", "district": "", "place": "Rue du Nord"}
    )
    assert response.status_code in (302, 303)
    project = BudgetProject.objects.get()
    assert (project.place, project.district) == ("Rue du Nord", districts["nord"])

    idea = services.enter_paper_idea(
        box=box, user=None, collected_at=None, title="Des arbres", description="…"
    )
    response = officer_client.post(
        f"{PROJECTS}merge/?envelope={envelope.pk}",
        {"ideas": [idea.pk], "title": "Une forêt", "summary": "", **point_text(45.73, 4.96)},
    )
    assert response.status_code == 303
    merged = BudgetProject.objects.get(title="Une forêt")
    assert (merged.latitude, merged.district) == (Decimal("45.73"), districts["est"])

    requests = len(geocoder_server.requests)
    review = {"decision": "", "department": "", "estimated_cost": "", "note": "", "new_note": ""}
    where = {"district": "", "place": "Au sud", **point_text(45.72, 4.82)}
    response = officer_client.post(f"{PROJECTS}edit/{merged.pk}/", {**review, **where})
    assert response.status_code == 303
    merged.refresh_from_db()
    assert (merged.place, merged.district) == ("Au sud", districts["sud"])
    assert "Corrected" in merged.steps.last().note
    steps = merged.steps.count()
    # Saved again unchanged: nothing looked up, nothing recorded.
    district = {"district": districts["sud"].pk}
    response = officer_client.post(f"{PROJECTS}edit/{merged.pk}/", {**review, **where, **district})
    assert response.status_code == 200  # no decision, no change: the form asks for one
    assert merged.steps.count() == steps and len(geocoder_server.requests) == requests
    page = BeautifulSoup(officer_client.get(f"{PROJECTS}edit/{merged.pk}/").content, "html.parser")
    assert "45.720000, 4.820000" in page.select_one(".participation-facts").get_text()
