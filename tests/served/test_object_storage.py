"""Media on S3-compatible object storage (MEDIA_BUCKET, portal/settings/base.py): a resident's
image and PDF, Wagtail's images and their renditions, and restitution reports are written to
a real S3 API server (moto's, in a process of its own on loopback), read back from it, and
served at the bucket's public address; nothing reaches the local media folder."""

import urllib.request
from io import BytesIO

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ImproperlyConfigured
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.images import get_image_model

from portal.pages.models import RestitutionPage
from portal.participation.models import Idea, IdeaBox
from portal.reports.models import RestitutionReport
from portal.settings.base import object_storage
from tests import factories
from tests.files import pdf
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
