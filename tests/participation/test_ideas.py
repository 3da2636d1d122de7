"""Ideas as residents meet them: the form of an idea box, the list, an idea's own page."""

import re
from datetime import date
from io import BytesIO
from urllib.parse import urljoin, urlsplit

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.signals import template_rendered
from django.test.utils import CaptureQueriesContext
from PIL import Image
from wagtail.models import PageViewRestriction

from portal.core import roles
from portal.core.roles import StaffRole
from portal.pages.models import District, Theme
from portal.participation import identity, services
from portal.participation.models import Idea, IdeaBox, IdeaField, IdeaStatus, IdeaSupport
from tests import factories
from tests.conftest import confirm_by_link, make_standard_page
from tests.factories import confirmed, named, paris
from tests.files import pdf, png

TODAY = date(2026, 6, 10)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(paris(TODAY, 12), tick=False):
        yield


@pytest.fixture
def consultation(home):
    index = factories.consultation_index(home)
    page = factories.consultation(
        index,
        "La place du Marché",
        phases=((date(2026, 5, 18), date(2026, 8, 1), None),),
    )
    page.phases.update(allows_supports=True)
    return page


@pytest.fixture
def box(consultation, locales):
    fr = locales[0]
    box = IdeaBox(
        title="Vos idées",
        consultation=consultation,
        opens_at=paris(date(2026, 5, 18)),
        closes_at=paris(date(2026, 8, 1)),
    )
    box.themes = [Theme.objects.create(locale=fr, name="Cadre de vie", slug="cadre-de-vie")]
    box.districts = [District.objects.create(locale=fr, name="Centre-ville", slug="centre")]
    box.extra_fields = [
        IdeaField(kind="number", label="Coût estimé", required=False, sort_order=0),
        IdeaField(kind="text", label="Votre rôle", confidential=True, sort_order=1),
    ]
    box.save()
    return box


@pytest.fixture
def page(consultation, box):
    consultation.body = [
        {
            "type": "idea_list",
            "value": {"idea_box": box.pk, "heading": "", "per_page": 4},
            "id": "liste",
        },
        {"type": "idea_form", "value": {"idea_box": box.pk, "heading": ""}, "id": "idees"},
    ]
    consultation.save_revision().publish()
    return consultation


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def valid(box, **overrides):
    data = {
        "title": "Des arbres côté mairie",
        "description": "De l’ombre pour les terrasses.",
        "theme": str(box.themes.get().pk),
        "district": "",
        "place": "",
        f"field-{box.extra_fields.all()[0].pk}": "1200",
        f"field-{box.extra_fields.all()[1].pk}": "Commerçante",
        "email": "Nadia@Example.org",
        "display_name": "Nadia",
    }
    data.update(overrides)
    return data


def post(client, page, data, files=None, block_id="idees"):
    fields = {f"{block_id}-{name}": value for name, value in {**data, **(files or {})}.items()}
    return client.post(page.url, {"block_id": block_id, **fields})


def jpeg(**save):
    output = BytesIO()
    Image.new("RGB", (64, 48), "green").save(output, format="JPEG", **save)
    return output.getvalue()


def confirmation_link():
    return (
        re.search(r"https?://\S+", mail.outbox[-1].body).group(0).replace("http://testserver", "")
    )


def published(box, title="Une idée", **fields):
    idea = Idea.objects.create(box=box, title=title, description="…", confirmed=True, **fields)
    return services.change_status(idea=idea, to_status=IdeaStatus.PUBLISHED, user=None)


def test_a_resident_proposes_an_idea_that_waits_for_confirmation_then_moderation(client, page, box):
    response = post(client, page, valid(box))
    assert response.status_code == 303
    assert response["Location"] == f"{page.url}#block-idees"
    idea = Idea.objects.get()
    # The public name typed with it applies once the link is used: anyone can type one.
    assert (idea.status, idea.confirmed, idea.author_name) == ("submitted", False, "")
    assert idea.extra == {
        f"field-{box.extra_fields.all()[0].pk}": 1200.0,
        f"field-{box.extra_fields.all()[1].pk}": "Commerçante",
    }
    assert Idea.objects.awaiting_moderation().count() == 0
    confirm_by_link(client, confirmation_link())
    assert Idea.objects.awaiting_moderation().get() == idea
    idea.refresh_from_db()
    assert idea.author_name == "Nadia"
    # Not public before moderation: its page does not exist for the public.
    assert client.get(idea.get_absolute_url()).status_code == 404


def test_an_idea_proposed_without_a_name_stays_anonymous_whatever_was_typed_before(
    client, page, box
):
    """An empty name keeps it anonymous: a name given with another contribution is not used."""
    confirmed("nadia@example.org", display_name="Nadia Dupont")
    post(client, page, valid(box, display_name=""))
    confirm_by_link(client, confirmation_link())
    assert Idea.objects.get().author_name == ""


def test_errors_keep_the_input_and_are_summarised(client, page, box):
    response = post(client, page, valid(box, title="", description="Mon idée <b>gras</b>"))
    assert response.status_code == 400
    soup = soup_of(response)
    summary = soup.select_one("#block-idees .error-summary")
    links = [a["href"] for a in summary.select("a")]
    assert links == ["#id_idees-title", "#id_idees-description"]
    assert "HTML" in summary.get_text()
    assert soup.select_one("#id_idees-description").get_text().strip() == "Mon idée <b>gras</b>"
    assert soup.select_one("#id_idees-email")["value"] == "Nadia@Example.org"
    assert Idea.objects.count() == 0


LONG = "x" * 10_000


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": LONG}, "title"),
        ({"description": LONG}, "description"),
        ({"title": "<script>alert(1)</script>"}, "title"),
        ({"description": "nul\x00byte"}, "description"),
        ({"theme": "999999"}, "theme"),
        ({"theme": "abc"}, "theme"),
        ({"district": "'; DROP TABLE"}, "district"),
        ({"email": "not-an-address"}, "email"),
        ({"place": "<img src=x onerror=alert(1)>"}, "place"),
    ],
)
def test_hostile_input_gets_a_clear_error_and_stores_nothing(client, page, box, overrides, field):
    response = post(client, page, valid(box, **overrides))
    assert response.status_code == 400
    assert soup_of(response).select_one(f"#id_idees-{field}-error")
    assert Idea.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("image", b"GIF89a not really", "not an image"),
        ("image", b"%PDF-1.7 renamed", "not an image"),
        ("attachment", b"\xff\xd8\xff a jpeg renamed .pdf", "not a PDF"),
    ],
)
def test_files_are_judged_by_their_content_not_their_name(
    client, page, box, name, content, message
):
    filename = "photo.jpg" if name == "image" else "plan.pdf"
    files = {name: SimpleUploadedFile(filename, content)}
    data = valid(box, image_alt="Une photo")
    response = post(client, page, data, files)
    assert response.status_code == 400
    error = soup_of(response).select_one(f"#id_idees-{name}-error").get_text()
    assert error


def test_a_huge_file_is_refused_with_its_size_and_the_limit(client, page, box, settings):
    settings.PARTICIPATION_ATTACHMENT_MAX_MB = 1
    big = SimpleUploadedFile("plan.pdf", b"%PDF-1.7\n" + b"0" * (1024 * 1024 + 1))
    response = post(client, page, valid(box), {"attachment": big})
    assert response.status_code == 400
    assert "1 Mo" in soup_of(response).select_one("#id_idees-attachment-error").get_text()


def test_images_are_re_encoded_without_their_metadata(client, page, box):
    exif = Image.Exif()
    exif[0x8825] = {2: (48.0, 51.0, 24.0)}  # GPS latitude: where the photo was taken
    exif[0x010E] = "secret comment"
    photo = SimpleUploadedFile("../../etc/photo.jpg", jpeg(exif=exif.tobytes()))
    response = post(client, page, valid(box, image_alt="La place"), {"image": photo})
    assert response.status_code == 303
    idea = Idea.objects.get()
    assert idea.image.name.startswith("ideas/images/") and ".." not in idea.image.name
    with Image.open(idea.image) as stored:
        assert not stored.getexif()
        assert stored.size == (64, 48)


def test_an_image_needs_a_description(client, page, box):
    response = post(client, page, valid(box), {"image": SimpleUploadedFile("a.jpg", jpeg())})
    assert response.status_code == 400
    assert soup_of(response).select_one("#id_idees-image_alt-error")


def test_an_image_with_too_many_pixels_is_refused_next_to_its_field(client, page, box):
    bomb = SimpleUploadedFile("place.png", png(6300, 6300, mode="L"))
    response = post(client, page, valid(box, image_alt="La place"), {"image": bomb})
    assert response.status_code == 400
    error = soup_of(response).select_one("#id_idees-image-error").get_text(" ", strip=True)
    assert "6\xa0300 × 6\xa0300 pixels ; la limite est de 16 millions de pixels" in error
    assert Idea.objects.count() == 0


def test_chosen_files_are_asked_for_again_by_name_when_the_form_has_errors(client, page, box):
    files = {
        "image": SimpleUploadedFile("IMG_2041.jpg", jpeg()),
        "attachment": SimpleUploadedFile("plan-du-square.pdf", pdf()),
    }
    response = post(client, page, valid(box, title="", image_alt="La place"), files)
    assert response.status_code == 400
    soup = soup_of(response)
    for name, filename in (("image", "IMG_2041.jpg"), ("attachment", "plan-du-square.pdf")):
        error = soup.select_one(f"#id_idees-{name}-error").get_text(" ", strip=True)
        assert f"Choisissez à nouveau « {filename} »" in error
    assert [a["href"] for a in soup.select(".error-summary a")] == [
        "#id_idees-title",
        "#id_idees-image",
        "#id_idees-attachment",
    ]
    assert soup.select_one("#id_idees-image_alt")["value"] == "La place"


def test_an_ideas_files_are_stored_where_nobody_can_guess_them(client, page, box):
    files = {
        "image": SimpleUploadedFile("IMG_2041.jpg", jpeg()),
        "attachment": SimpleUploadedFile("plan.html", pdf()),
    }
    assert post(client, page, valid(box, image_alt="La place"), files).status_code == 303
    idea = Idea.objects.get()
    assert re.fullmatch(r"ideas/images/[\w-]{22}/IMG_2041\.jpg", idea.image.name)
    assert re.fullmatch(r"ideas/files/[\w-]{22}/plan\.pdf", idea.attachment.name)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Des arbres\r\nBcc: x@example.org", "Des arbres Bcc: x@example.org"),
        ("  Des\u2028arbres\u2029côté\tmairie\n", "Des arbres côté mairie"),
    ],
)
def test_a_title_is_one_line_whatever_is_typed(client, page, box, typed, stored):
    response = post(client, page, valid(box, title=typed, place="Square\r\ndu marché"))
    assert response.status_code == 303
    idea = Idea.objects.get()
    assert (idea.title, idea.place) == (stored, "Square du marché")


@pytest.mark.parametrize("title", ["Des arbres\x00", "Des arbres\x07", "\x1b[2JDes arbres"])
def test_a_title_with_control_characters_gets_a_clear_error(client, page, box, title):
    response = post(client, page, valid(box, title=title))
    assert response.status_code == 400
    assert soup_of(response).select_one("#id_idees-title-error").get_text(strip=True)
    assert Idea.objects.count() == 0


def test_the_box_refuses_ideas_outside_its_dates(client, page, box):
    with time_machine.travel(paris(date(2026, 8, 2), 9), tick=False):
        response = client.get(page.url)
        assert "est close" in soup_of(response).select_one("#block-idees").get_text()
        post(client, page, valid(box))
    assert Idea.objects.count() == 0


def test_two_forms_on_a_page_do_not_interfere(client, page, box):
    """A POST for the idea form leaves the filters of the list untouched, and the reverse."""
    response = post(client, page, valid(box, title=""))
    soup = soup_of(response)
    assert soup.select("#block-idees .error-summary")
    assert not soup.select("#block-liste .error-summary")


def test_the_list_shows_public_ideas_with_filters_and_orders(client, page, box):
    theme = box.themes.get()
    first = published(box, "Première", theme=theme)
    second = published(box, "Seconde")
    Idea.objects.filter(pk=second.pk).update(support_count=5)
    Idea.objects.create(box=box, title="En attente", description="…", confirmed=True)
    soup = soup_of(client.get(page.url))
    titles = [h.get_text(strip=True) for h in soup.select("#block-liste .idea-card__title")]
    assert titles == ["Seconde", "Première"]
    soup = soup_of(client.get(page.url, {"sort": "supports", "theme": theme.pk}))
    titles = [h.get_text(strip=True) for h in soup.select("#block-liste .idea-card__title")]
    assert titles == ["Première"]
    assert first.get_absolute_url() in str(soup)
    soup = soup_of(client.get(page.url, {"status": "rejected", "page": "x"}))
    assert "ignoré" in soup.select_one("#block-liste .notice").get_text()


def titles_in(soup):
    return [h.get_text(strip=True) for h in soup.select("#block-liste .idea-card__title")]


def test_the_random_order_is_stable_from_page_to_page(client, page, box):
    for number in range(12):
        published(box, f"Idée {number:02}")
    soup = soup_of(client.get(page.url, {"sort": "random"}))
    seed = soup.select_one("#block-liste input[name=seed]")["value"]
    first = titles_in(soup)
    assert titles_in(soup_of(client.get(page.url, {"sort": "random", "seed": seed}))) == first
    next_page = soup.select_one("#block-liste .pagination a[rel=next]")["href"]
    assert f"seed={seed}" in next_page
    second = titles_in(soup_of(client.get(page.url + next_page)))
    assert len(second) == 4 and not set(first) & set(second)
    orders = {
        tuple(titles_in(soup_of(client.get(page.url, {"sort": "random", "seed": seed}))))
        for seed in ("1000003", "123456789", "987654321", "55555555", "2000000011")
    }
    assert len(orders) > 1  # another seed, another order


def test_a_page_listing_ideas_is_cached_and_refreshed_by_moderation(
    client, home, box, django_capture_on_commit_callbacks
):
    listing = make_standard_page(
        home,
        "Toutes les idées",
        body=[{"type": "idea_list", "value": {"idea_box": box.pk, "per_page": 12}, "id": "liste"}],
    )
    published(box, "Des bancs")
    client.get(listing.url)
    response = client.get(listing.url)
    assert response["X-Page-Cache"] == "hit"
    idea = Idea.objects.create(box=box, title="Des arbres", description="…", confirmed=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(idea=idea, to_status="published", user=None, notify=False)
    assert "Des arbres" in titles_in(soup_of(client.get(listing.url)))


def test_the_list_costs_the_same_queries_whatever_its_length(client, page, box):
    def add(count, prefix):
        for number in range(count):
            published(
                box, f"{prefix} {number}", theme=box.themes.get(), district=box.districts.get()
            )

    add(4, "Idée")
    client.get(page.url)
    with CaptureQueriesContext(connection) as small:
        client.get(page.url, {"sort": "supports"})
    add(40, "Autre")
    client.get(page.url)  # the figures, counted again once for every visitor
    with CaptureQueriesContext(connection) as large:
        client.get(page.url, {"sort": "supports", "page": "3"})
    assert len(large) == len(small)


def test_a_card_is_rendered_once_then_again_only_when_what_it_shows_changes(client, page, box):
    published(box, "Des bancs")
    trees = published(box, "Des arbres")
    rendered = []

    def count(sender, template, **kwargs):
        if template.name == "participation/ideas/card.html":
            rendered.append(kwargs["context"]["idea"].title)

    template_rendered.connect(count)
    try:
        client.get(page.url)
        assert sorted(rendered) == ["Des arbres", "Des bancs"]
        client.get(page.url, {"sort": "supports"})
        assert len(rendered) == 2  # the same cards, in another order: none rendered again
        Idea.objects.filter(pk=trees.pk).update(support_count=3)  # as a support counts it
        soup = soup_of(client.get(page.url, {"sort": "newest"}))  # not in the page cache
    finally:
        template_rendered.disconnect(count)
    assert rendered[2:] == ["Des arbres"]
    assert "3 soutiens" in card_of(soup, "Des arbres").get_text()
    assert "0 soutien" in card_of(soup, "Des bancs").get_text()
    assert "page-cache-csrf-hole" not in str(soup)  # this visitor's token in each form


def test_an_idea_page_shows_the_answer_and_takes_supports(client, page, box):
    idea = published(box, "Des bancs")
    services.answer_idea(idea=idea, user=None, answer="Retenu : vingt bancs.", notify=False)
    response = client.get(idea.get_absolute_url())
    soup = soup_of(response)
    assert "Retenu : vingt bancs." in soup.select_one(".official-answer").get_text()
    response = client.post(
        idea.get_absolute_url(),
        {"action": "support", "email": "lea@example.org", "display_name": ""},
    )
    assert response.status_code == 303 and response["Location"].endswith("#support")
    idea.refresh_from_db()
    assert idea.support_count == 0  # held until confirmed
    confirm_by_link(client, confirmation_link())
    idea.refresh_from_db()
    assert idea.support_count == 1
    client.post(idea.get_absolute_url(), {"action": "support"})  # a second time: no effect
    idea.refresh_from_db()
    assert idea.support_count == 1
    client.post(idea.get_absolute_url(), {"action": "withdraw"})
    idea.refresh_from_db()
    assert idea.support_count == 0 and not IdeaSupport.objects.exists()


def test_an_idea_page_with_a_wrong_slug_redirects_and_hostile_posts_never_fail(client, box):
    idea = published(box, "Des bancs")
    response = client.get(idea.get_absolute_url().replace("des-bancs", "autre"))
    assert response.status_code == 301 and response["Location"] == idea.get_absolute_url()
    for data in ({"action": "support", "email": "x" * 5000}, {"action": "???"}, {}):
        assert client.post(idea.get_absolute_url(), data).status_code in (303, 400)
    assert client.get("/fr/participation/ideas/999999/rien/").status_code == 404


def test_confidential_extra_fields_are_never_published(client, page, box):
    post(client, page, valid(box))
    confirm_by_link(client, confirmation_link())
    idea = Idea.objects.get()
    services.change_status(idea=idea, to_status="published", user=None)
    text = soup_of(Client().get(idea.get_absolute_url())).get_text()  # any visitor
    assert "Coût estimé" in text and "1200" in text
    assert "Commerçante" not in text and "nadia@example.org" not in text.lower()


def test_the_author_is_told_of_publication_and_each_status_change(
    client, page, box, django_capture_on_commit_callbacks
):
    post(client, page, valid(box))
    confirm_by_link(client, confirmation_link())
    idea = Idea.objects.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(idea=idea, to_status="published", user=None)
    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(idea=idea, to_status="not_retained", user=None, note="Trop cher.")
    assert len(mail.outbox) == 2
    assert "Trop cher." in mail.outbox[-1].body
    assert idea.get_absolute_url() in mail.outbox[-1].body
    assert "/participation/" in mail.outbox[-1].body  # the link to see and delete one's data


def test_erasing_a_participant_anonymises_ideas_and_removes_supports(client, box):
    author = confirmed("a@example.org", display_name="Ana")
    idea = services.submit_idea(box=box, participant=author, title="Idée", description="…")
    services.change_status(idea=idea, to_status="published", user=None)
    other = published(box, "Autre")
    services.support_idea(participant=author, idea=other)
    assert Idea.objects.get(pk=other.pk).support_count == 1
    services.erase(participant=author)
    idea.refresh_from_db()
    assert (idea.participant, idea.author_name, idea.status) == (None, "", "published")
    assert Idea.objects.get(pk=other.pk).support_count == 0


# Who may do what, when: supports follow the consultation's phases, ideas the box's dates.
BEFORE, DURING, AFTER = date(2026, 5, 1), date(2026, 6, 10), date(2026, 8, 2)


@pytest.mark.parametrize("day", [BEFORE, DURING, AFTER])
@pytest.mark.parametrize("role", ["anonymous", "unconfirmed", "confirmed", "moderator", "editor"])
def test_permissions_by_role_and_phase(client, box, django_user_model, role, day):
    idea = published(box, "Des bancs")
    pending = Idea.objects.create(box=box, title="En attente", description="…", confirmed=True)
    with time_machine.travel(paris(day, 12), tick=False):
        participant = None
        if role == "unconfirmed":  # this browser typed its address, the link is not used yet
            session = client.session
            session[identity.PENDING_KEY] = named(f"{role}@example.org").confirmation.pk
            session.save()
        elif role == "confirmed":
            participant = confirmed(f"{role}@example.org")
            session = client.session
            session[identity.SESSION_KEY] = participant.pk
            session.save()
        elif role in ("moderator", "editor"):
            user = django_user_model.objects.create_user(username=role, password="x")
            key = StaffRole.MODERATORS if role == "moderator" else StaffRole.EDITORS
            user.groups.add(roles.group(key))
            client.force_login(user)
        supports_open = day == DURING
        if participant is None:
            # Staff are not participants: they support like anyone, with an address; so
            # does a browser whose link waits.
            response = client.post(
                idea.get_absolute_url(), {"action": "support", "email": f"{role}@example.org"}
            )
        else:
            response = client.post(idea.get_absolute_url(), {"action": "support"})
        assert response.status_code == 303
        counted = Idea.objects.get(pk=idea.pk).support_count
        held = IdeaSupport.objects.filter(idea=idea).exists()
        assert held == supports_open
        assert counted == (1 if supports_open and role == "confirmed" else 0)
        assert box.is_open() == (day == DURING)
        # Unpublished ideas: only those who moderate see them.
        status = client.get(pending.get_absolute_url()).status_code
        assert status == (200 if role == "moderator" else 404)


def test_typing_someone_elses_address_neither_signs_in_nor_counts(client, box):
    """An address proves nothing until its link is opened, even one confirmed long ago."""
    confirmed("victime@example.org")
    idea = published(box, "Des bancs")
    response = client.post(
        idea.get_absolute_url(), {"action": "support", "email": "victime@example.org"}
    )
    assert response.status_code == 303
    assert Idea.objects.get(pk=idea.pk).support_count == 0
    page = soup_of(client.get(idea.get_absolute_url()))
    assert "attend que vous confirmiez" in page.select_one("#support").get_text()
    assert not page.select("#support [name=action][value=withdraw] ~ p button")
    assert client.session.get(identity.SESSION_KEY) is None
    confirm_by_link(client, confirmation_link())  # the owner of the address opens the link
    assert Idea.objects.get(pk=idea.pk).support_count == 1
    assert client.session.get(identity.SESSION_KEY) is not None


# The support button of an idea's card


def card_of(soup, title):
    return next(
        card
        for card in soup.select(".idea-card")
        if card.select_one(".idea-card__title").get_text(strip=True) == title
    )


def submit(client, form, url="", **extra):
    """Send a form of the page at `url` as a browser does: to its action, with its hidden
    fields (CSRF token included) and `extra`."""
    data = {field["name"]: field.get("value", "") for field in form.select("input[type=hidden]")}
    return client.post(urljoin(url, form.get("action") or url), {**data, **extra})


def test_an_idea_card_supports_through_the_idea_pages_form_with_its_csrf_token(page, box):
    browser = Client(enforce_csrf_checks=True)
    benches, trees = published(box, "Des bancs"), published(box, "Des arbres")
    card = card_of(soup_of(browser.get(page.url)), "Des bancs")
    form = card.select_one("form.idea-card__support")
    assert form["method"] == "post"
    assert form["action"] == benches.get_absolute_url() + "#support"
    assert form.select_one("button").get_text(strip=True) == "Soutenir"
    assert form.select_one("button")["aria-label"] == "Soutenir l’idée « Des bancs »"
    # Unknown so far: the idea page asks who supports, as its own button does.
    response = submit(browser, form)
    assert response.status_code == 400
    assert soup_of(response).select_one("#support input[name=email]")
    support_form = soup_of(response).select_one("#support form.participation__form")
    response = submit(
        browser, support_form, benches.get_absolute_url(), email="lea@example.org", display_name=""
    )
    assert response.status_code == 303
    link = urlsplit(confirmation_link()).path
    confirmation = soup_of(browser.get(link)).select_one("form[method=post]")
    assert submit(browser, confirmation, link).status_code == 303
    benches.refresh_from_db()
    assert benches.support_count == 1
    # Known now: the card's button counts the support at once and comes back to the idea.
    form = card_of(soup_of(browser.get(page.url)), "Des arbres").select_one("form")
    response = submit(browser, form)
    assert response.status_code == 303
    assert response["Location"] == trees.get_absolute_url() + "#support"
    trees.refresh_from_db()
    assert trees.support_count == 1


def test_a_cached_page_lists_ideas_with_a_link_to_support_not_a_form(client, home, box):
    listing = make_standard_page(
        home,
        "Toutes les idées",
        body=[{"type": "idea_list", "value": {"idea_box": box.pk, "per_page": 12}, "id": "liste"}],
    )
    idea = published(box, "Des bancs")
    client.get(listing.url)
    response = client.get(listing.url)
    assert response["X-Page-Cache"] == "hit"
    card = card_of(soup_of(response), "Des bancs")
    assert card.select_one("form") is None
    assert card.select_one("a.button")["href"] == idea.get_absolute_url() + "#support"


def test_no_support_button_when_supports_are_closed(client, page, box, consultation):
    published(box, "Des bancs")
    consultation.phases.update(allows_supports=False)
    card = card_of(soup_of(client.get(page.url)), "Des bancs")
    assert card.select_one(".idea-card__support") is None
    assert "0 soutien" in card.get_text()


def test_an_idea_is_not_shown_apart_from_an_unpublished_or_private_consultation(
    client, box, consultation, django_user_model
):
    idea = published(box, "Des bancs")
    assert client.get(idea.get_absolute_url()).status_code == 200
    consultation.unpublish()
    assert client.get(idea.get_absolute_url()).status_code == 404
    response = client.post(idea.get_absolute_url(), {"action": "support", "email": "a@example.org"})
    assert response.status_code == 404 and not IdeaSupport.objects.exists()
    moderator = django_user_model.objects.create_user(username="moderator", password="x")
    moderator.groups.add(roles.group(StaffRole.MODERATORS))
    client.force_login(moderator)
    assert client.get(idea.get_absolute_url()).status_code == 200
    client.logout()

    consultation.save_revision().publish()
    PageViewRestriction.objects.create(
        page=consultation, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert client.get(idea.get_absolute_url()).status_code == 404
    response = client.post(idea.get_absolute_url(), {"action": "support", "email": "e@example.org"})
    assert response.status_code == 404 and not IdeaSupport.objects.exists()
    assert not mail.outbox  # nobody is told the idea's title by a confirmation e-mail
