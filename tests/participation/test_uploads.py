"""What an anonymous upload may cost and what it must be: images judged from their header
before any pixel is decoded, PDFs that are PDFs, files at unguessable paths."""

import mimetypes
from contextlib import contextmanager, nullcontext
from io import BytesIO
from pathlib import Path
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image, ImageFile

from portal.participation.models.ideas import upload_attachment, upload_image
from portal.participation.uploads import checked_pdf, sanitised_image
from portal.proposals.models import upload_image as upload_proposal_image
from tests.files import jpeg, pdf, png, with_declared_size

DEMO_PDF = Path("portal/demo/documents/charte-de-la-participation.pdf")


class Decoded(AssertionError):
    """Raised by a test when pixels are decoded that should not have been."""


@contextmanager
def decoding_forbidden():
    def refuse(image, *args, **kwargs):
        raise Decoded(f"{image.format} of {image.size} decoded")

    with (
        mock.patch.object(ImageFile.ImageFile, "load", refuse),
        mock.patch.object(Image.Image, "load", refuse),
    ):
        yield


@pytest.fixture
def decoded_sizes(monkeypatch):
    """The sizes images are decoded at."""
    sizes, load = [], ImageFile.ImageFile.load

    def recording(image):
        if image.tile:  # pixels still to decode
            sizes.append(image.size)
        return load(image)

    monkeypatch.setattr(ImageFile.ImageFile, "load", recording)
    return sizes


def refusal(check, content, name="photo.png", *, decoding=True):
    """The code and French message `check` refuses the file with; without `decoding`, any
    decoding of pixels fails the test."""
    with (
        translation.override("fr"),
        pytest.raises(ValidationError) as error,
        nullcontext() if decoding else decoding_forbidden(),
    ):
        check(SimpleUploadedFile(name, content))
    return error.value.code, error.value.messages[0]


def test_a_tiny_file_declaring_huge_dimensions_is_refused_without_decoding():
    bomb = png(6300, 6300, mode="L")
    assert len(bomb) < 200_000
    code, message = refusal(sanitised_image, bomb, decoding=False)
    assert code == "too_many_pixels"
    assert message == (
        "Cette image fait 6\xa0300 × 6\xa0300 pixels ; la limite est de 16 millions de pixels "
        "(4\xa0000 × 4\xa0000 par exemple) : envoyez une photo plus petite."
    )


def test_a_decompression_bomb_is_refused_from_its_header():
    """400 million one-bit pixels in 200 KB: 400 MB once decoded; Pillow stops it at open."""
    code, message = refusal(sanitised_image, png(20_000, 20_000, mode="1"), decoding=False)
    assert code == "too_many_pixels"
    assert "50 millions de pixels" in message


def test_a_bomb_pillow_only_warns_about_is_refused_by_the_budget():
    bomb = png(12_000, 10_000, mode="1")
    with pytest.warns(Image.DecompressionBombWarning):
        code, message = refusal(sanitised_image, bomb, decoding=False)
    assert (code, message.split(" ;")[0]) == (
        "too_many_pixels",
        "Cette image fait 12\xa0000 × 10\xa0000 pixels",
    )


def test_a_progressive_jpeg_is_decoded_whole_so_it_has_the_smaller_budget():
    progressive = with_declared_size(jpeg(progressive=True), 5000, 4000)
    code, message = refusal(sanitised_image, progressive, "photo.jpg", decoding=False)
    assert code == "too_many_pixels" and "16 millions" in message
    baseline = with_declared_size(jpeg(), 9000, 6000)
    code, message = refusal(sanitised_image, baseline, "photo.jpg", decoding=False)
    assert code == "too_many_pixels" and "50 millions" in message


def test_a_phone_photo_is_decoded_at_a_reduced_scale(decoded_sizes):
    """12 MP (4032 × 3024): libjpeg decodes it at half size, 3 MP instead of 12."""
    stored = sanitised_image(SimpleUploadedFile("IMG_2041.JPG", jpeg(4032, 3024, quality=90)))
    assert decoded_sizes == [(2016, 1512)]
    with Image.open(stored) as image:
        assert (image.format, image.size) == ("JPEG", (2000, 1500))
    assert stored.name == "IMG_2041.jpg"


def test_a_png_within_the_budget_is_kept_whole():
    stored = sanitised_image(SimpleUploadedFile("capture.png", png(1290, 2796)))
    with Image.open(stored) as image:
        assert (image.format, image.size) == ("PNG", (923, 2000))


def test_a_multi_picture_jpeg_from_a_phone_is_stored_as_its_first_picture():
    output = BytesIO()
    first, depth_map = Image.new("RGB", (64, 48), "green"), Image.new("RGB", (32, 24), "gray")
    first.save(output, format="MPO", save_all=True, append_images=[depth_map])
    stored = sanitised_image(SimpleUploadedFile("portrait.jpg", output.getvalue()))
    with Image.open(stored) as image:
        assert (image.format, image.size, stored.name) == ("JPEG", (64, 48), "portrait.jpg")


def test_a_header_altered_without_its_checksum_is_not_an_image():
    data = bytearray(png(64, 48))
    data[19] = 0xFF  # the width, under a checksum computed for 64
    assert refusal(sanitised_image, bytes(data), decoding=False)[0] == "not_image"


@pytest.mark.parametrize("image_format", ["JPEG", "PNG"])
def test_a_truncated_image_is_damaged_even_where_pillow_would_fill_it_in(image_format):
    """WeasyPrint tells Pillow to load truncated images, for the whole process."""
    import weasyprint  # noqa: F401

    assert ImageFile.LOAD_TRUNCATED_IMAGES
    output = BytesIO()
    Image.effect_noise((640, 480), 50).convert("RGB").save(output, format=image_format)
    cut = output.getvalue()[: len(output.getvalue()) // 2]
    code, message = refusal(sanitised_image, cut, f"photo.{image_format.lower()}")
    assert code == "damaged_image"
    assert message.startswith("Cette image est abîmée ou incomplète")


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"<!DOCTYPE html><html><!-- %PDF-1.7 --><script>alert(1)</script></html>", "not_pdf"),
        (b"\n%PDF-1.7\n<html><script>alert(1)</script></html>", "not_pdf"),
        # An HTML page with a PDF header and trailer bolted on: its cross-reference is absent.
        (
            b"%PDF-1.7\n<html><body><script>alert(document.cookie)</script></body></html>\n"
            b"startxref\n0\n%%EOF\n",
            "damaged_pdf",
        ),
        (pdf()[:-200], "damaged_pdf"),  # cut short
        (pdf() + b"<html><script>alert(1)</script></html>", "damaged_pdf"),  # after its end
        (pdf(before=b"<html>"), "not_pdf"),
    ],
)
def test_html_is_not_a_pdf_even_with_a_pdf_header(content, code):
    assert refusal(checked_pdf, content, "plan.pdf")[0] == code


@pytest.mark.parametrize(
    "content",
    [
        pdf(),
        pdf(inside=b"\n% <html><script>alert(1)</script></html>"),  # a comment in a real PDF
        DEMO_PDF.read_bytes(),  # a cross-reference stream (PDF 1.5 and later)
    ],
)
def test_a_pdf_is_accepted_and_named_to_be_served_as_one(content):
    upload = checked_pdf(SimpleUploadedFile("plan.html", content))
    assert upload.name == "plan.pdf"
    assert mimetypes.guess_type(upload.name)[0] == "application/pdf"
    assert upload.read() == content


@pytest.mark.parametrize(
    ("upload_to", "folder"),
    [
        (upload_image, "ideas/images/"),
        (upload_attachment, "ideas/files/"),
        (upload_proposal_image, "proposals/"),
    ],
)
def test_uploads_go_to_a_folder_nobody_can_guess(upload_to, folder):
    first, second = upload_to(None, "plan.pdf"), upload_to(None, "plan.pdf")
    assert first != second
    for path in (first, second):
        start, token, name = path.rsplit("/", 2)
        assert (f"{start}/", name) == (folder, "plan.pdf")
        assert len(token) >= 22  # 128 random bits
