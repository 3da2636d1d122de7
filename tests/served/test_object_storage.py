"""Media on S3-compatible object storage (MEDIA_BUCKET, portal/settings/base.py): a resident's
image and PDF, Wagtail's images and their renditions, restitution reports, an association's
event image and its copy in the library once approved are written to a real S3 API server
(moto's, in a process of its own on loopback), read back from it, and served at the bucket's
public address; Wagtail's documents are stored there too but served by the site only, which
checks a private collection's rules; a poster reads the authority's logo from there. Nothing
reaches the local media folder."""

import urllib.error
import urllib.request
from datetime import timedelta
from io import BytesIO

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, Site

from portal.core.models import PortalSettings
from portal.pages.models import EventPage, RestitutionPage
from portal.participation.models import Idea, IdeaBox
from portal.proposals import services as proposals
from portal.reports.models import RestitutionReport
from portal.reports.posters import render_poster
from portal.settings.base import object_storage
from tests import factories
from tests.files import jpeg, pdf
from tests.reports.pdf import image_count
from tests.services import bucket_keys, s3_server


@pytest.fixture(scope="module")
def s3():
    with s3_server() as environment:
        yield environment


@pytest.fixture
def on_s3(s3, settings, tmp_path):
    """The default storage on the bucket, as the environment `s3` configures a server; an
    empty local media folder, which must stay so."""
    storage, media_url = object_storage(s3)
    settings.STORAGES = {**settings.STORAGES, "default": storage}
    settings.MEDIA_URL = media_url
    settings.MEDIA_ROOT = tmp_path / "media"
    yield s3
    assert not settings.MEDIA_ROOT.exists() or not any(settings.MEDIA_ROOT.rglob("*.*"))


def fetched(url):
    """A file as a browser gets it at its public address."""
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def served(response):
    """The bytes of a file the site serves itself (Wagtail's document view streams them)."""
    return b"".join(response.streaming_content)


def document(title, **fields):
    return get_document_model().objects.create(
        title=title, file=ContentFile(pdf(title), name="document.pdf"), **fields
    )


def png(size=(120, 80)):
    output = BytesIO()
    Image.new("RGB", size, "#2b6cb0").save(output, format="PNG")
    return output.getvalue()


def test_local_files_unless_a_bucket_is_named():
    assert object_storage({}) is None
    with pytest.raises(ImproperlyConfigured):
        object_storage({"MEDIA_BUCKET": "media"})
    storage, url = object_storage(
        {"MEDIA_BUCKET": "media", "MEDIA_URL": "https://media.ville.example/portail/"}
    )
    assert url == "https://media.ville.example/portail/"
    assert storage["OPTIONS"]["custom_domain"] == "media.ville.example/portail"
    assert storage["OPTIONS"]["file_overwrite"] is False
    assert storage["OPTIONS"]["querystring_auth"] is False


def test_a_residents_image_and_pdf_go_to_the_bucket(client, on_s3, home):
    consultation = factories.consultation(factories.consultation_index(home), "La place")
    box = IdeaBox.objects.create(title="Vos idées", consultation=consultation)
    consultation.body = [
        {"type": "idea_form", "value": {"idea_box": box.pk, "heading": ""}, "id": "idees"}
    ]
    consultation.save_revision().publish()
    fields = {
        "title": "Des arbres",
        "description": "De l’ombre.",
        "email": "nadia@example.org",
        "display_name": "Nadia",
        "image_alt": "La place",
        "image": SimpleUploadedFile("photo.png", png()),
        "attachment": SimpleUploadedFile("plan.pdf", pdf()),
    }
    response = client.post(
        consultation.url,
        {"block_id": "idees", **{f"idees-{name}": value for name, value in fields.items()}},
    )
    assert response.status_code == 303
    idea = Idea.objects.get()
    assert {idea.image.name, idea.attachment.name} <= bucket_keys(on_s3)
    assert idea.image.url.startswith(on_s3["MEDIA_ENDPOINT_URL"] + "/portal-media/")
    with Image.open(BytesIO(fetched(idea.image.url))) as image:  # re-encoded, then stored
        assert image.size == (120, 80)
    assert fetched(idea.attachment.url).startswith(b"%PDF")


def test_images_and_their_renditions_are_read_and_written_there(on_s3, db):
    image = get_image_model().objects.create(
        title="La place", file=ImageFile(BytesIO(png((800, 600))), "place.png")
    )
    rendition = image.get_rendition("fill-200x100")
    assert {image.file.name, rendition.file.name} <= bucket_keys(on_s3)
    with Image.open(BytesIO(fetched(rendition.url))) as small:
        assert small.size == (200, 100)


def test_a_restitution_report_is_stored_there_and_linked_at_its_public_address(
    client, on_s3, home, django_capture_on_commit_callbacks
):
    image = get_image_model().objects.create(
        title="Le marché", file=ImageFile(BytesIO(png()), "marche.png")
    )
    consultation = factories.consultation(factories.consultation_index(home), "La place")
    page = RestitutionPage(
        title="Ce que vous avez dit",
        slug="restitution",
        body=[{"type": "image", "value": {"image": image.pk, "alt_text": "Le marché"}}],
    )
    with django_capture_on_commit_callbacks(execute=True):
        factories.publish(consultation, page)
    report = RestitutionReport.objects.get(page=page)
    assert report.file.name in bucket_keys(on_s3)
    assert fetched(report.file.url).startswith(b"%PDF")
    html = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert html.find("a", href=report.file.url) is not None


def test_the_health_check_writes_and_reads_the_bucket(client, on_s3, db):
    assert default_storage.__class__.__name__ == "S3Storage"
    response = client.get("/health/")
    assert response.status_code == 200, response.content


def test_a_document_is_stored_there_and_served_by_the_site_not_the_bucket(client, on_s3, db):
    plan = document("Plan du square")
    assert plan.file.name.startswith("documents/")
    assert plan.file.name in bucket_keys(on_s3)
    response = client.get(plan.url)
    assert response.status_code == 200
    assert served(response).startswith(b"%PDF")
    with pytest.raises(urllib.error.HTTPError) as refused:  # the collection's rules apply
        fetched(plan.file.url)
    assert refused.value.code == 403


def test_a_document_in_a_private_collection_is_not_given_to_a_visitor(
    client, on_s3, db, django_user_model
):
    root = Collection.get_first_root_node()
    council = root.add_child(name="Conseil municipal")
    CollectionViewRestriction.objects.create(
        collection=council, restriction_type=CollectionViewRestriction.LOGIN
    )
    jury = root.add_child(name="Jury")
    CollectionViewRestriction.objects.create(
        collection=jury, restriction_type=CollectionViewRestriction.PASSWORD, password="tilleul"
    )
    minutes = document("Délibération", collection=council)
    notes = document("Notes du jury", collection=jury)

    response = client.get(minutes.url)
    assert response.status_code == 302
    assert "/_util/login/?next=" in response["Location"]
    response = client.get(notes.url)
    assert response.status_code == 200  # the password form
    assert not response.content.startswith(b"%PDF")
    assert b'name="password"' in response.content

    client.force_login(django_user_model.objects.create_user("elue"))
    assert served(client.get(minutes.url)).startswith(b"%PDF")


def test_an_event_proposal_image_and_its_copy_in_the_agenda_go_there(on_s3, home):
    factories.agenda(home)
    start = timezone.now() + timedelta(days=20)
    proposal = proposals.submit_proposal(
        contact=factories.confirmed("asso@example.org"),
        organiser_name="Les Amis du Parc",
        title="Pique-nique des voisins",
        summary="Chacun apporte un plat.",
        start=start,
        end=start + timedelta(hours=4),
        place_name="Parc des Tilleuls",
        image=ContentFile(jpeg(), name="parc.jpg"),
        image_alt="Des tables sous les arbres",
    )
    assert proposal.image.name.startswith("proposals/")
    assert proposal.image.name in bucket_keys(on_s3)

    proposals.approve(proposal=proposal, user=None)
    copy = EventPage.objects.get().image
    assert copy.file.name.startswith("original_images/")
    assert copy.file.name in bucket_keys(on_s3)
    assert fetched(copy.file.url) == fetched(proposal.image.url)


def test_a_poster_reads_the_authoritys_logo_from_there(on_s3, home, tmp_path):
    logo = get_image_model().objects.create(
        title="Logo", file=ImageFile(BytesIO(png((300, 100))), "logo.png")
    )
    identity = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    identity.logo = logo
    identity.save()
    event = factories.event(
        factories.agenda(home), "Atelier du square", timezone.now() + timedelta(days=10)
    )
    poster = render_poster(event)
    assert poster.startswith(b"%PDF")
    assert image_count(poster, tmp_path) == 1  # the logo, read back from the bucket
    assert logo.renditions.get().file.name in bucket_keys(on_s3)
