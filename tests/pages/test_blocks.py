"""Content blocks: validation editors meet, and what residents see."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from wagtail.blocks import StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from portal.blocks.links import CallToActionBlock
from portal.blocks.media import DocumentBlock, ImageBlock, VideoBlock, parse_video_url
from portal.blocks.streams import BodyStreamBlock
from portal.blocks.text import HeadingBlock


def html(block, value):
    return BeautifulSoup(block.render(block.to_python(value)), "html.parser")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            ("YouTube", "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"),
        ),
        (
            "https://youtu.be/aqz-KE-bpKQ",
            ("YouTube", "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"),
        ),
        (
            "https://m.youtube.com/shorts/aqz-KE-bpKQ",
            ("YouTube", "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"),
        ),
        ("https://vimeo.com/76979871", ("Vimeo", "https://player.vimeo.com/video/76979871?dnt=1")),
        (
            "https://www.dailymotion.com/video/x8abcd1_title",
            ("Dailymotion", "https://www.dailymotion.com/embed/video/x8abcd1"),
        ),
        ("https://example.org/video.mp4", None),
        ("https://www.youtube.com/watch?v=<script>", None),
        ("javascript:alert(1)", None),
        ("", None),
    ],
)
def test_video_addresses_become_privacy_friendly_players(url, expected):
    assert parse_video_url(url) == expected


def test_video_block_sends_no_request_to_the_host_before_the_visitor_asks():
    block = VideoBlock()
    soup = html(
        block,
        {
            "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "title": "Présentation",
            "transcript": "<p>Bonjour à toutes et à tous.</p>",
        },
    )
    assert soup.find("iframe") is None
    assert soup.find("img") is None
    figure = soup.find(attrs={"data-video": True})
    assert figure["data-embed-src"] == "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"
    assert figure["data-embed-title"] == "Présentation"
    assert soup.find("a", href="https://www.youtube.com/watch?v=aqz-KE-bpKQ")
    assert "Bonjour à toutes et à tous." in soup.find("details").get_text()


def test_video_block_refuses_an_unsupported_address_and_requires_a_title():
    block = VideoBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"url": "https://example.org/film", "title": "Film"}))
    assert "url" in error.value.block_errors
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"url": "https://vimeo.com/76979871", "title": ""}))
    assert "title" in error.value.block_errors


@pytest.fixture
def image(db):
    return Image.objects.create(title="Place du Marché", file=get_test_image_file())


def test_image_needs_alternative_text_unless_decorative(image):
    block = ImageBlock()
    value = block.to_python({"image": image.pk, "decorative": False, "alt_text": "  "})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "alt_text" in error.value.block_errors
    decorative = block.clean(block.to_python({"image": image.pk, "decorative": True}))
    assert BeautifulSoup(block.render(decorative), "html.parser").find("img")["alt"] == ""
    described = block.clean(block.to_python({"image": image.pk, "alt_text": "Le marché"}))
    assert BeautifulSoup(block.render(described), "html.parser").find("img")["alt"] == "Le marché"


def test_heading_anchor_must_be_a_slug():
    block = HeadingBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(
            block.to_python({"text": "Calendrier", "level": "h2", "anchor": "Mon calendrier!"})
        )
    assert "mon-calendrier" in str(error.value.block_errors["anchor"])
    value = block.clean(
        block.to_python({"text": "Calendrier", "level": "h3", "anchor": "calendrier"})
    )
    soup = html(block, value)
    assert soup.find("h3", id="calendrier").get_text() == "Calendrier"


def test_call_to_action_needs_exactly_one_destination(home):
    block = CallToActionBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"label": "Go", "page": None, "url": ""}))
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"label": "Go", "page": home.pk, "url": "https://example.org"}))
    block.clean(block.to_python({"label": "Go", "page": None, "url": "https://example.org"}))


def test_document_shows_its_type_and_size(db):
    document = Document(title="Charte de la participation")
    document.file.save("charte.pdf", ContentFile(b"%PDF-1.4 " + b"x" * 2048), save=False)
    document.save()
    soup = html(DocumentBlock(), {"document": document.pk, "title": "", "description": ""})
    link = soup.find("a")
    assert link["href"] == document.url
    text = " ".join(link.get_text().split())
    assert "Charte de la participation" in text
    assert "PDF" in text and "2,0" in text  # 2,0 Kio in French


def test_every_block_renders_its_preview_value(db):
    stream = BodyStreamBlock()
    for name, block in stream.child_blocks.items():
        preview = block.get_preview_value()
        rendered = block.render(preview) if preview is not None else ""
        assert rendered is not None, name


def test_every_block_has_a_working_admin_preview(admin_client):
    stream = BodyStreamBlock()
    for name, block in stream.child_blocks.items():
        response = admin_client.get("/admin/block-preview/", {"id": block.definition_prefix})
        assert response.status_code == 200, name


def test_two_columns_render_both_columns(db):
    stream = BodyStreamBlock()
    value = StreamValue(
        stream,
        [
            (
                "two_columns",
                stream.child_blocks["two_columns"].to_python(
                    {
                        "left": [{"type": "paragraph", "value": "<p>Gauche</p>"}],
                        "right": [{"type": "paragraph", "value": "<p>Droite</p>"}],
                    }
                ),
            )
        ],
    )
    soup = BeautifulSoup(stream.render(value), "html.parser")
    columns = soup.select(".block-columns__column")
    assert [c.get_text(strip=True) for c in columns] == ["Gauche", "Droite"]


def test_blocks_render_once_without_a_wrapper_that_doubles_their_styles(client, home):
    from tests.conftest import make_standard_page

    page = make_standard_page(
        home,
        "Témoignages",
        body=[
            {
                "type": "quote",
                "value": {"quote": "On a été écoutés.", "author": "Nadia", "role": ""},
            },
            {
                "type": "two_columns",
                "value": {
                    "left": [
                        {"type": "quote", "value": {"quote": "À gauche.", "author": "", "role": ""}}
                    ],
                    "right": [{"type": "paragraph", "value": "<p>À droite.</p>"}],
                },
            },
        ],
    )
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert len(soup.select(".block-quote")) == 2
    assert all(element.name == "figure" for element in soup.select(".block-quote"))
