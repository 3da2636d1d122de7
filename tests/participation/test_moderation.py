"""The moderation of ideas in the admin, ideas typed in from paper, and the figures."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.users.models import UserProfile

from portal.core import roles
from portal.core.roles import StaffRole
from portal.pages.models import District, Theme
from portal.participation.apps import grant_roles
from portal.participation.models import (
    Idea,
    IdeaBox,
    IdeaField,
    IdeaSource,
    IdeaStatus,
    IdeaSupport,
    IdeaTransition,
    Petition,
    Support,
    SurveyResponse,
)
from tests import factories
from tests.factories import IdeaBoxFactory, IdeaFactory, ParticipantFactory, SurveyFactory

EDITORS, MODERATORS = StaffRole.EDITORS, StaffRole.MODERATORS
IDEAS = "/admin/snippets/participation/idea/"
BOXES = "/admin/snippets/participation/ideabox/"
DASHBOARD = "/admin/participation/dashboard/"
SECRET_ADDRESS = "nadia.secret@example.org"


def bulk_url(action, *ideas, listing=IDEAS):
    ids = "&".join(f"id={idea.pk}" for idea in ideas) or "id=all"
    url = reverse("wagtail_bulk_action", args=["participation", "idea", action])
    return f"{url}?{ids}&next={listing}"


def edit_url(idea):
    return f"{IDEAS}edit/{idea.pk}/"


def titles(response):
    """The ideas a listing shows, in order."""
    rows = BeautifulSoup(response.content, "html.parser").select("tbody tr")
    return [row.select_one("td.title a, td.title label").get_text(strip=True) for row in rows]


def messages_of(response):
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


@pytest.fixture
def index(home):
    return factories.consultation_index(home)


@pytest.fixture
def consultation(index):
    return factories.consultation(index, "La place du Marché")


@pytest.fixture
def theme(locales):
    return Theme.objects.create(locale=locales[0], name="Cadre de vie", slug="cadre-de-vie")


@pytest.fixture
def district(locales):
    return District.objects.create(locale=locales[0], name="Centre-ville", slug="centre")


@pytest.fixture
def box(consultation, theme, district):
    box = IdeaBox(title="Vos idées pour la place", consultation=consultation)
    box.themes = [theme]
    box.districts = [district]
    box.extra_fields = [
        IdeaField(kind="number", label="Coût estimé"),
        IdeaField(kind="text", label="Votre métier", confidential=True),
    ]
    box.save()
    return box


@pytest.fixture
def event(home):
    agenda = factories.agenda(home)
    return factories.event(agenda, "Atelier sur la place", timezone.now() - timedelta(days=3))


def in_english(user):
    """The admin in English, the language of the source strings, whatever the catalogues say."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def user_in(django_user_model, role, username):
    user = django_user_model.objects.create_user(username, f"{username}@mairie.example", "x")
    user.groups.add(roles.group(role))
    return in_english(user)


def superuser(django_user_model):
    return in_english(
        django_user_model.objects.create_superuser("root", "root@mairie.example", "x")
    )


@pytest.fixture
def moderator(django_user_model):
    return user_in(django_user_model, MODERATORS, "modo")


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(user_in(django_user_model, EDITORS, "editrice"))
    return client


@pytest.fixture
def author():
    return ParticipantFactory(email=SECRET_ADDRESS, display_name="Nadia")


def published(box, **fields):
    return IdeaFactory(box=box, status=IdeaStatus.PUBLISHED, **fields)


# The queue and the list


def test_the_queue_shows_only_confirmed_ideas_awaiting_moderation(moderator_client, box):
    IdeaFactory(box=box, title="En attente")
    IdeaFactory(box=box, title="Adresse non confirmée", confirmed=False)
    published(box, title="Publiée")
    IdeaFactory(box=box, title="Rejetée", status=IdeaStatus.REJECTED)

    queue = moderator_client.get(IDEAS)
    assert queue.status_code == 200
    assert titles(queue) == ["En attente"]
    assert "Moderation queue" in queue.content.decode()
    assert f'href="{IDEAS}?status=all"' in queue.content.decode()

    every = moderator_client.get(IDEAS, {"status": "all", "ordering": "title"})
    assert titles(every) == ["Adresse non confirmée", "En attente", "Publiée", "Rejetée"]


def test_filters_combine_with_search_and_ordering(moderator_client, box, theme, event, index):
    other_box = IdeaBoxFactory(consultation=factories.consultation(index, "Le parc"))
    long_ago = timezone.now() - timedelta(days=60)
    published(
        box,
        title="Des bancs",
        theme=theme,
        source=IdeaSource.PAPER,
        collected_at=event,
        support_count=3,
    )
    published(box, title="Des bancs aussi", theme=theme, source=IdeaSource.PAPER, support_count=9)
    published(box, title="Des bancs en ligne", theme=theme)
    published(
        box, title="Des bancs anciens", theme=theme, source=IdeaSource.PAPER, created_at=long_ago
    )
    published(other_box, title="Des bancs au parc", theme=theme, source=IdeaSource.PAPER)
    published(box, title="Sans thème", source=IdeaSource.PAPER)

    response = moderator_client.get(
        IDEAS,
        {
            "status": "published",
            "consultation": box.consultation_id,
            "theme": theme.pk,
            "source": "paper",
            "created_at_from": (timezone.localdate() - timedelta(days=7)).isoformat(),
            "created_at_to": timezone.localdate().isoformat(),
            "q": "bancs",
            "ordering": "-support_count",
        },
    )
    assert titles(response) == ["Des bancs aussi", "Des bancs"]
    assert f"Collected at {event.title}" in response.content.decode()


def test_the_list_costs_the_same_with_more_ideas(moderator_client, box, event, theme, district):
    def add_ideas():
        published(box, source=IdeaSource.PAPER, collected_at=event, theme=theme)
        IdeaFactory(box=box, theme=theme, district=district)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert moderator_client.get(IDEAS, {"status": "all"}).status_code == 200
        return len(captured)

    add_ideas()
    few = queries()
    for _ in range(8):
        add_ideas()
    assert queries() == few


@pytest.mark.parametrize(
    "query",
    [
        {"status": "realised\x00"},
        {"status": "all", "consultation": "abc", "theme": "-1", "district": "1e9"},
        {"created_at_from": "31/02/2026", "created_at_to": "\x00"},
        {"ordering": "participant__email", "p": "999"},
        {"q": "x" * 5000, "source": "fax"},
    ],
)
def test_hostile_filters_give_a_normal_page(moderator_client, box, query):
    IdeaFactory(box=box, title="En attente")
    assert moderator_client.get(IDEAS, query).status_code == 200


# Bulk actions


def test_publishing_several_ideas_tells_each_author(
    moderator_client, moderator, box, author, django_capture_on_commit_callbacks
):
    first = IdeaFactory(box=box, participant=author, title="Des arbres")
    second = IdeaFactory(box=box, title="Des bancs")
    confirm = moderator_client.get(bulk_url("publish", first, second))
    assert confirm.status_code == 200
    assert "Des arbres" in confirm.content.decode() and "Des bancs" in confirm.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(bulk_url("publish", first, second))
    assert response.status_code == 302
    assert set(Idea.objects.values_list("status", flat=True)) == {IdeaStatus.PUBLISHED}
    assert (
        IdeaTransition.objects.filter(user=moderator, to_status=IdeaStatus.PUBLISHED).count() == 2
    )
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [SECRET_ADDRESS, second.participant.email]
    )
    assert messages_of(response) == ["2 ideas are now “Published”."]


def test_rejecting_requires_a_reason_that_only_the_author_is_sent(
    moderator_client, box, author, django_capture_on_commit_callbacks
):
    idea = IdeaFactory(box=box, participant=author)
    refused = moderator_client.post(bulk_url("reject", idea), {"note": "   "})
    assert refused.status_code == 200
    assert "This field is required." in refused.content.decode()
    assert Idea.objects.get().status == IdeaStatus.SUBMITTED

    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(bulk_url("reject", idea), {"note": "Propos injurieux."})
    assert Idea.objects.get().status == IdeaStatus.REJECTED
    assert IdeaTransition.objects.get().note == "Propos injurieux."
    [message] = mail.outbox
    assert message.to == [SECRET_ADDRESS]
    assert "Propos injurieux." in message.body


def test_changing_status_names_the_ideas_the_workflow_refuses(moderator_client, box):
    studied = published(box, title="Un marché couvert")
    waiting = IdeaFactory(box=box, title="Une fontaine")
    confirm = moderator_client.get(bulk_url("change_status", studied, waiting))
    assert 'name="new_status"' in confirm.content.decode()

    missing_reason = moderator_client.post(
        bulk_url("change_status", studied, waiting), {"new_status": "not_retained", "note": ""}
    )
    assert missing_reason.status_code == 200
    assert "Give the reason for this status." in missing_reason.content.decode()

    response = moderator_client.post(
        bulk_url("change_status", studied, waiting), {"new_status": "under_study", "note": ""}
    )
    assert response.status_code == 302
    studied.refresh_from_db()
    waiting.refresh_from_db()
    assert (studied.status, waiting.status) == (IdeaStatus.UNDER_STUDY, IdeaStatus.SUBMITTED)
    assert messages_of(response) == [
        "1 idea is now “Under study”.",
        "Left unchanged, the workflow does not allow it: “Une fontaine”.",
    ]


def test_the_publish_confirmation_warns_about_ideas_it_cannot_move(moderator_client, box):
    retained = IdeaFactory(box=box, title="Retenue", status=IdeaStatus.RETAINED)
    page = moderator_client.get(bulk_url("publish", retained, IdeaFactory(box=box)))
    assert "will be left unchanged, the workflow does not allow it" in page.content.decode()


def test_select_all_takes_the_filtered_listing_not_every_idea(moderator_client, box):
    queued = [IdeaFactory(box=box) for _ in range(3)]
    rejected = IdeaFactory(box=box, title="Rejetée", status=IdeaStatus.REJECTED)
    response = moderator_client.post(bulk_url("publish", listing=IDEAS))
    assert response.status_code == 302
    assert {idea.status for idea in Idea.objects.filter(pk__in=[i.pk for i in queued])} == {
        IdeaStatus.PUBLISHED
    }
    rejected.refresh_from_db()
    assert rejected.status == IdeaStatus.REJECTED


@pytest.mark.parametrize(
    "data", [{"new_status": "bogus"}, {"new_status": "published\x00"}, {"new_status": ""}]
)
def test_a_forged_bulk_status_is_a_form_error(moderator_client, box, data):
    idea = IdeaFactory(box=box)
    assert moderator_client.post(bulk_url("change_status", idea), data).status_code == 200
    assert Idea.objects.get().status == IdeaStatus.SUBMITTED


# One idea


def edit_data(idea, **overrides):
    data = {
        "title": idea.title,
        "description": idea.description,
        "theme": idea.theme_id or "",
        "district": idea.district_id or "",
        "new_status": "",
        "note": "",
        "answer": idea.official_answer,
    }
    return {**data, **overrides}


def test_the_edit_form_offers_only_the_statuses_the_workflow_allows(moderator_client, box):
    idea = IdeaFactory(box=box)
    soup = BeautifulSoup(moderator_client.get(edit_url(idea)).content, "html.parser")
    offered = [option["value"] for option in soup.select('select[name="new_status"] option')]
    assert offered == ["", "published", "rejected"]


def test_moderating_an_idea_records_who_and_why_and_tells_the_author_once(
    moderator_client, moderator, box, author, theme, django_capture_on_commit_callbacks
):
    idea = published(box, participant=author, title="Un jardn partagé", theme=theme)
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(
            edit_url(idea),
            edit_data(
                idea,
                title="Un jardin partagé",
                new_status="not_retained",
                note="Le terrain est réservé à l’école.",
                answer="Merci : nous cherchons un autre terrain.",
            ),
        )
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.title == "Un jardin partagé"
    assert idea.status == IdeaStatus.NOT_RETAINED
    assert idea.public_reason == "Le terrain est réservé à l’école."
    assert idea.official_answer == "Merci : nous cherchons un autre terrain."
    history = list(idea.transitions.values_list("user", "from_status", "to_status", "note"))
    assert history == [
        (moderator.pk, "published", "published", "Corrected: title."),
        (moderator.pk, "published", "published", "Official answer updated."),
        (moderator.pk, "published", "not_retained", "Le terrain est réservé à l’école."),
    ]
    [message] = mail.outbox
    assert message.to == [SECRET_ADDRESS]
    with translation.override("fr"):
        assert f"http://testserver{idea.get_absolute_url()}" in message.body
    assert "nous cherchons un autre terrain" in message.body


def test_saving_without_changes_records_nothing(moderator_client, box, theme):
    idea = IdeaFactory(box=box, theme=theme)
    response = moderator_client.post(edit_url(idea), edit_data(idea))
    assert response.status_code == 302
    assert not IdeaTransition.objects.exists()


def test_the_edit_page_shows_the_idea_its_history_and_a_link_to_it(
    moderator_client, moderator, box, author, event
):
    idea = published(
        box,
        participant=author,
        source=IdeaSource.PAPER,
        collected_at=event,
        extra={
            f"field-{field.pk}": value
            for field, value in zip(box.extra_fields.all(), ["1200", "Jardinière"], strict=True)
        },
        image=SimpleUploadedFile("banc.png", b"image"),
        image_alt="Un banc sous un tilleul",
        attachment=SimpleUploadedFile("plan.pdf", b"%PDF-1.4"),
    )
    IdeaTransition.objects.create(
        idea=idea, from_status="submitted", to_status="published", user=moderator, note="Bienvenue"
    )
    page = moderator_client.get(edit_url(idea)).content.decode()
    soup = BeautifulSoup(page, "html.parser")
    history = soup.select_one("table.listing tbody").get_text(" ", strip=True)
    assert "modo" in history and "Awaiting moderation → Published" in history
    assert "Bienvenue" in history
    assert "Coût estimé" in page and "1200" in page
    assert "Votre métier" in page and "Confidential" in page
    assert f"Collected at {event.title}" in page
    assert soup.find("img", alt="Un banc sous un tilleul")["src"] == idea.image.url
    assert soup.find("a", href=idea.attachment.url)
    assert soup.find("a", href=idea.get_absolute_url()).get_text(strip=True) == "View on site"


@pytest.mark.parametrize(
    "overrides",
    [
        {"title": "x" * 10_000},
        {"description": "Des bancs\x00"},
        {"new_status": "realised"},
        {"new_status": "rejected", "note": ""},
        {"note": "Une note sans changement de statut."},
        {"title": "<script>alert(1)</script>"},
        {"theme": "999999"},
        {"answer": "a" * 6000},
    ],
)
def test_hostile_input_in_the_edit_form_is_a_form_error(moderator_client, box, overrides):
    idea = IdeaFactory(box=box, title="Des bancs")
    response = moderator_client.post(edit_url(idea), edit_data(idea, **overrides))
    assert response.status_code == 200
    idea.refresh_from_db()
    assert (idea.title, idea.status) == ("Des bancs", IdeaStatus.SUBMITTED)
    assert not IdeaTransition.objects.exists()


HOSTILE_TITLE = "Des bancs\r\nBcc: x@example.org"


def test_a_legacy_title_with_a_line_break_is_published_in_bulk_without_error(
    moderator_client, box, author, django_capture_on_commit_callbacks
):
    """Stored before titles were made one line: the e-mail's subject still is one."""
    idea = IdeaFactory(box=box, participant=author, title=HOSTILE_TITLE)
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(bulk_url("publish", idea))
    assert response.status_code == 302
    assert Idea.objects.get().status == IdeaStatus.PUBLISHED
    [message] = mail.outbox
    assert (message.to, message.bcc, message.cc) == ([SECRET_ADDRESS], [], [])
    assert "Des bancs Bcc: x@example.org" in message.subject
    assert message.message()["Bcc"] is None


def test_moderating_a_legacy_title_with_a_line_break_puts_it_on_one_line(
    moderator_client, box, author, django_capture_on_commit_callbacks
):
    idea = IdeaFactory(box=box, participant=author, title=HOSTILE_TITLE)
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(edit_url(idea), edit_data(idea, new_status="published"))
    assert response.status_code == 302
    idea.refresh_from_db()
    assert (idea.title, idea.status) == ("Des bancs Bcc: x@example.org", IdeaStatus.PUBLISHED)
    [message] = mail.outbox
    assert (message.to, message.bcc) == ([SECRET_ADDRESS], [])


def test_the_author_address_never_appears_in_the_admin(
    client, moderator, django_user_model, box, author
):
    idea = IdeaFactory(box=box, participant=author)
    other = published(box, participant=author)
    pages = [
        IDEAS,
        f"{IDEAS}?status=all",
        edit_url(idea),
        edit_url(other),
        bulk_url("publish", idea, other),
        bulk_url("reject", idea, other),
        bulk_url("change_status", idea, other),
        f"{IDEAS}add/",
        BOXES,
        DASHBOARD,
        "/admin/",
        f"{IDEAS}history/{idea.pk}/",
        f"{IDEAS}usage/{idea.pk}/",
    ]
    for user, urls in (
        (moderator, pages),
        (superuser(django_user_model), [*pages, f"{IDEAS}delete/{idea.pk}/"]),
    ):
        client.force_login(user)
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            assert SECRET_ADDRESS not in response.content.decode(), url


# Ideas written on paper


def paper_data(box, event):
    return {
        "box": box.pk,
        "collected_at": event.pk,
        "title": "Un kiosque à musique",
        "description": "Écrit sur une fiche, à l’atelier.",
        "theme": box.themes.get().pk,
        "district": "",
        "author_name": "Jeanne",
    }


def test_an_idea_written_on_paper_is_entered_and_published(moderator_client, moderator, box, event):
    response = moderator_client.post(f"{IDEAS}add/", paper_data(box, event))
    assert response.status_code == 302
    assert response["Location"] == f"{IDEAS}add/?box={box.pk}&collected_at={event.pk}"
    idea = Idea.objects.get()
    assert (idea.source, idea.collected_at_id, idea.status) == (
        IdeaSource.PAPER,
        event.pk,
        IdeaStatus.PUBLISHED,
    )
    assert (idea.author_name, idea.participant, idea.confirmed) == ("Jeanne", None, True)
    assert list(idea.transitions.values_list("user", "to_status")) == [
        (moderator.pk, "submitted"),
        (moderator.pk, "published"),
    ]


def test_the_next_paper_idea_keeps_the_box_and_the_event(moderator_client, box, event):
    response = moderator_client.post(f"{IDEAS}add/", paper_data(box, event), follow=True)
    form = BeautifulSoup(response.content, "html.parser")
    assert Idea.objects.get().title == "Un kiosque à musique"
    assert form.select_one("#id_box option[selected]")["value"] == str(box.pk)
    assert form.select_one("#id_collected_at")["value"] == str(event.pk)
    assert not form.select_one("#id_title").get("value")
    assert not form.select_one("#id_author_name").get("value")


@pytest.mark.parametrize(
    "query", ["?box=abc&collected_at=-1", "?box=999999&collected_at=999999", "?box=%00", "?box="]
)
def test_a_hostile_kept_choice_selects_nothing(moderator_client, box, event, query):
    response = moderator_client.get(f"{IDEAS}add/{query}")
    assert response.status_code == 200
    form = BeautifulSoup(response.content, "html.parser")
    assert not form.select_one("#id_box option[selected][value]:not([value=''])")


@pytest.mark.parametrize(
    "overrides",
    [
        {"collected_at": ""},
        {"theme": ""},
        {"district": "999999"},
        {"box": "abc"},
        {"title": "\x00"},
        {"description": "d" * 6000},
        {"author_name": "n" * 100},
    ],
)
def test_a_paper_idea_needs_an_event_and_the_box_choices(moderator_client, box, event, overrides):
    response = moderator_client.post(f"{IDEAS}add/", {**paper_data(box, event), **overrides})
    assert response.status_code == 200
    assert not Idea.objects.exists()


def test_a_paper_idea_takes_only_a_theme_its_box_offers(moderator_client, box, event, locales):
    elsewhere = Theme.objects.create(locale=locales[0], name="Mobilité", slug="mobilite")
    other_box = IdeaBoxFactory(consultation=box.consultation)
    other_box.themes = [elsewhere]
    other_box.save()
    data = {**paper_data(box, event), "theme": elsewhere.pk}
    response = moderator_client.post(f"{IDEAS}add/", data)
    assert "This idea box does not offer this choice." in response.content.decode()
    assert not Idea.objects.exists()


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        (HOSTILE_TITLE, "Des bancs Bcc: x@example.org"),
        ("Un\u2028kiosque\u2029à\tmusique\x85 ", "Un kiosque à musique"),
    ],
)
def test_a_paper_idea_title_is_one_line(moderator_client, box, event, typed, stored):
    response = moderator_client.post(f"{IDEAS}add/", {**paper_data(box, event), "title": typed})
    assert response.status_code == 302
    assert Idea.objects.get().title == stored


@pytest.mark.parametrize("title", ["Un kiosque\x07", "\x1b[31mUn kiosque", "Un\x9bkiosque"])
def test_a_title_with_control_characters_is_refused_with_a_clear_error(
    moderator_client, box, event, title
):
    response = moderator_client.post(f"{IDEAS}add/", {**paper_data(box, event), "title": title})
    assert response.status_code == 200
    assert "control characters" in response.content.decode()
    assert not Idea.objects.exists()


# Roles


@pytest.fixture
def role_client(request, client, django_user_model):
    role = request.param
    if role == "superuser":
        client.force_login(superuser(django_user_model))
    elif role != "anonymous":
        client.force_login(user_in(django_user_model, role, role.lower()))
    return role, client


@pytest.mark.parametrize(
    "role_client", ["anonymous", EDITORS, MODERATORS, "superuser"], indirect=True
)
def test_only_moderators_and_superusers_moderate(role_client, box):
    role, client = role_client
    idea = IdeaFactory(box=box)
    pages = [client.get(IDEAS), client.get(edit_url(idea)), client.get(f"{IDEAS}add/")]
    client.post(edit_url(idea), edit_data(idea, new_status="rejected", note="Hors sujet."))
    client.post(bulk_url("publish", idea))
    idea.refresh_from_db()
    moves = list(idea.transitions.values_list("to_status", flat=True))
    if role == "anonymous":
        assert all(page.status_code == 302 for page in pages)
        assert all(page["Location"].startswith("/admin/login/") for page in pages)
    elif role == EDITORS:
        assert all(page.status_code in (302, 403) for page in pages)
        assert all(IDEAS not in page.get("Location", "") for page in pages)
    if role in ("anonymous", EDITORS):
        assert (idea.status, moves) == (IdeaStatus.SUBMITTED, [])
    else:
        assert [page.status_code for page in pages] == [200, 200, 200]
        assert (idea.status, moves) == (IdeaStatus.PUBLISHED, ["rejected", "published"])


@pytest.mark.parametrize("role_client", [EDITORS, MODERATORS, "superuser"], indirect=True)
def test_editors_build_idea_boxes_and_moderators_only_see_them(role_client, box):
    role, client = role_client
    assert client.get(BOXES).status_code == 200
    can_edit = client.get(f"{BOXES}edit/{box.pk}/").status_code == 200
    assert can_edit == (role != MODERATORS)
    assert client.get(DASHBOARD).status_code == 200


def test_roles_are_granted_again_without_duplicates(db, django_user_model):
    from django.apps import apps

    config = apps.get_app_config("participation")
    grant_roles(config)
    grant_roles(config)
    moderators = set(roles.group(MODERATORS).permissions.values_list("codename", flat=True))
    editors = set(roles.group(EDITORS).permissions.values_list("codename", flat=True))
    assert {"view_idea", "add_idea", "change_idea", "view_ideabox"} <= moderators
    assert "change_ideabox" not in moderators and "delete_idea" not in moderators
    assert {"add_survey", "change_ideabox", "delete_petition", "view_survey"} <= editors
    assert not {code for code in editors if code.endswith("_idea")}


# The figures


def test_the_home_page_shows_moderators_the_queue(moderator_client, box):
    IdeaFactory(box=box)
    IdeaFactory(box=box, confirmed=False)
    page = moderator_client.get("/admin/").content.decode()
    assert "1 idea awaits moderation." in page and f'href="{IDEAS}"' in page


def test_editors_do_not_see_the_queue_on_the_home_page(editor_client, box):
    IdeaFactory(box=box)
    assert "awaits moderation" not in editor_client.get("/admin/").content.decode()


def test_idea_boxes_list_their_consultation_and_ideas(moderator_client, box):
    IdeaFactory(box=box)
    published(box)
    IdeaFactory(box=box, confirmed=False)
    row = BeautifulSoup(moderator_client.get(BOXES).content, "html.parser").select_one("tbody tr")
    cells = [cell.get_text(strip=True) for cell in row.select("td")]
    assert "La place du Marché" in cells and cells[-1] == "2"


def dashboard_rows(response):
    """{consultation: [its figures]}, as sighted people read them."""
    soup = BeautifulSoup(response.content, "html.parser")
    for hidden in soup.select(".w-sr-only"):
        hidden.decompose()
    return {
        row.th.get_text(strip=True): [cell.get_text(strip=True) for cell in row.select("td")]
        for row in soup.select("table.participation-figures tbody tr")
    }


def test_the_dashboard_counts_a_person_once_whatever_they_did(moderator_client, box, event, index):
    factories.consultation(index, "Le parc")
    nadia, karim, lea, will = (ParticipantFactory() for _ in range(4))
    IdeaFactory(box=box, participant=nadia)  # awaits moderation
    theirs = published(box, participant=karim)
    hers = published(box, participant=lea)
    paper = published(box, participant=None, source=IdeaSource.PAPER, collected_at=event)
    IdeaFactory(box=box, status=IdeaStatus.REJECTED)  # not counted
    IdeaFactory(box=box, confirmed=False)  # not counted
    survey = SurveyFactory(consultation=box.consultation)
    SurveyResponse.objects.create(survey=survey, participant=nadia, confirmed=True)
    SurveyResponse.objects.create(survey=survey, participant=None, confirmed=True)  # anonymous
    SurveyResponse.objects.create(survey=survey, participant=ParticipantFactory())  # unconfirmed
    for idea in (theirs, hers, paper):
        IdeaSupport.objects.create(participant=nadia, idea=idea, confirmed=True)
    IdeaSupport.objects.create(participant=karim, idea=hers, confirmed=True)
    IdeaSupport.objects.create(participant=ParticipantFactory(), idea=hers)  # unconfirmed
    petition = Petition.objects.create(
        title="Une fontaine", text="…", consultation=box.consultation
    )
    Support.objects.create(participant=will, petition=petition, confirmed=True)

    response = moderator_client.get(DASHBOARD)
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("table caption").get_text(strip=True)
    assert [th["scope"] for th in soup.select(".participation-figures thead th")] == ["col"] * 5
    # Contributions: 4 ideas + 2 answers. Supports: 4 of ideas + 1 of the petition.
    # Participants: Nadia, Karim, Léa, Will, plus the paper idea and the anonymous answer.
    assert dashboard_rows(response) == {
        "Le parc": ["0", "0", "0", "0"],
        "La place du Marché": ["6", "5", "6", "1"],
    }
    assert soup.find("a", href=f"{IDEAS}?consultation={box.consultation_id}")


def bar_rows(response, title):
    """[(label, [its numbers])] of the dashboard's table under the heading `title`."""
    soup = BeautifulSoup(response.content, "html.parser")
    table = soup.find("h2", string=title).find_next("table")
    assert table.caption.get_text(strip=True)
    return [
        (
            row.th.get_text(strip=True) if row.th else "",
            [cell.get_text(strip=True) for cell in row.select("td")],
        )
        for row in table.select("tbody tr")
    ]


def test_the_dashboard_shows_participation_per_day_and_ideas_by_district(
    moderator_client, box, district
):
    now = timezone.now()
    two_days_ago = now - timedelta(days=2)
    IdeaFactory(box=box, district=district, created_at=two_days_ago)
    IdeaFactory(box=box, district=district, created_at=now)
    IdeaFactory(box=box, created_at=now)
    IdeaFactory(box=box, district=district, status=IdeaStatus.REJECTED)  # not counted
    IdeaFactory(box=box, district=district, confirmed=False)  # not counted
    IdeaFactory(box=box, created_at=now - timedelta(days=40))  # before the days shown
    survey = SurveyFactory(consultation=box.consultation)
    SurveyResponse.objects.create(survey=survey, confirmed=True, created_at=two_days_ago)
    idea = published(box)
    IdeaSupport.objects.create(participant=ParticipantFactory(), idea=idea, confirmed=True)

    response = moderator_client.get(DASHBOARD)
    days = bar_rows(response, "Participation per day")
    assert len(days) == 30
    today = timezone.localdate()
    with translation.override("en"):
        assert days[-1] == (date_format(today, "D j M"), ["3", "1"])  # the published one too
        assert days[-3] == (date_format(today - timedelta(days=2), "D j M"), ["2", "0"])
    assert sum(int(numbers[0]) for _day, numbers in days) == 5
    assert bar_rows(response, "Ideas by district") == [
        ("No district", ["3"]),
        ("Centre-ville", ["2"]),
    ]


def test_an_empty_dashboard_says_so(moderator_client):
    response = moderator_client.get(DASHBOARD)
    assert bar_rows(response, "Ideas by district") == [("", ["No idea yet."])]
    assert all(
        numbers == ["0", "0"] for _day, numbers in bar_rows(response, "Participation per day")
    )


# consultation_figures() counts with a handful of queries per consultation.
QUERIES_PER_CONSULTATION = 7


def test_the_dashboard_costs_a_few_queries_per_consultation_none_per_idea(
    moderator_client, index, django_assert_max_num_queries
):
    boxes = []

    def add_consultations(count):
        for _ in range(count):
            page = factories.consultation(index, f"Concertation {len(boxes)}")
            boxes.append(IdeaBoxFactory(consultation=page))

    def add_ideas(each):
        for box in boxes:
            for _ in range(each):
                idea = IdeaFactory(box=box)
                IdeaSupport.objects.create(
                    participant=ParticipantFactory(), idea=idea, confirmed=True
                )

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert moderator_client.get(DASHBOARD).status_code == 200
        return len(captured)

    add_consultations(5)
    add_ideas(1)
    queries()  # warm: the first request fills caches that later ones read
    five = queries()
    add_ideas(9)
    assert queries() == five
    add_consultations(5)
    add_ideas(3)
    with django_assert_max_num_queries(five + 5 * QUERIES_PER_CONSULTATION):
        moderator_client.get(DASHBOARD)
