"""Files residents upload: checked by content, never by name, and images re-encoded.

Re-encoding drops everything but the pixels: EXIF (with the GPS position of the phone that
took the photo), comments and any payload hidden after the image data.

Anyone may upload, so what a file may cost is decided from its header, before any pixel is
decoded: a 130 KB PNG can declare 6,300 × 6,300 pixels and take 120 MB and most of a second
to decode. No request decodes more than `MAX_DECODED_PIXELS` (64 MB at 4 bytes a pixel).
A baseline JPEG, what phones take, is decoded at 1/2, 1/4 or 1/8 of its size by libjpeg
itself (`Image.draft`), so photos up to `MAX_PHOTO_PIXELS` (48 MP phone modes included) cost
no more than a small one. PNG, WebP and progressive JPEG are decoded whole (a progressive
JPEG keeps every coefficient in memory whatever the scale): they get the smaller budget.
Pillow's own `Image.MAX_IMAGE_PIXELS` is left as it is: it is global (the image library of
editors obeys it too) and far above these budgets.
"""

import re
import secrets
from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.formats import number_format
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

# What Pillow reads → (what is written, extension). Phones save some photos as MPO: a JPEG
# followed by other pictures (a depth map, a preview), of which only the first is kept.
ACCEPTED_IMAGE_FORMATS = {
    "JPEG": ("JPEG", "jpg"),
    "MPO": ("JPEG", "jpg"),
    "PNG": ("PNG", "png"),
    "WEBP": ("WEBP", "webp"),
}
MAX_IMAGE_SIDE = 2000
# (pixels, an example that fits) for what is decoded whole, and for a baseline JPEG.
MAX_DECODED_PIXELS = (16_000_000, (4000, 4000))
MAX_PHOTO_PIXELS = (50_000_000, (8000, 6000))


def _check_size(upload, limit_mb):
    if upload.size > limit_mb * 1024 * 1024:
        raise ValidationError(
            _("The file is too large (%(size)s MB); the limit is %(limit)s MB.")
            % {"size": f"{upload.size / 1024 / 1024:.1f}".replace(".", ","), "limit": limit_mb},
            code="too_large",
        )


def _stem(upload):
    return get_valid_filename(Path(upload.name).stem)[:60] or "file"


def unguessable_path(folder, filename):
    """`folder/<random>/filename`: a file nobody can find before its link is shown."""
    return f"{folder}/{secrets.token_urlsafe(16)}/{filename}"


def _dimensions(width, height):
    return " × ".join(number_format(side, force_grouping=True) for side in (width, height))


def _pixel_budget(image):
    """How many pixels this image may declare, by how it will be decoded."""
    if image.format in ("JPEG", "MPO") and not image.info.get("progressive"):
        return MAX_PHOTO_PIXELS
    return MAX_DECODED_PIXELS


def _check_pixels(image):
    pixels, example = _pixel_budget(image)
    if image.width * image.height > pixels:
        raise ValidationError(
            _(
                "This image is %(size)s pixels; the limit is %(limit)s million pixels "
                "(%(example)s, for example): send a smaller photo."
            )
            % {
                "size": _dimensions(image.width, image.height),
                "limit": pixels // 1_000_000,
                "example": _dimensions(*example),
            },
            code="too_many_pixels",
        )


def _fitted(size):
    """The size the stored image will have: within MAX_IMAGE_SIDE, rounded down.

    Rounded down, a JPEG larger than twice the limit is always decoded at 1/2 at least.
    """
    scale = min(MAX_IMAGE_SIDE / size[0], MAX_IMAGE_SIDE / size[1], 1)
    return tuple(max(1, int(side * scale)) for side in size)


class _Source(BytesIO):
    """An upload's bytes, noting whether a decoder asked for more once they were all read.

    That is a truncated file. Pillow would raise, but WeasyPrint sets
    `ImageFile.LOAD_TRUNCATED_IMAGES` for the whole process, and Pillow then fills the
    missing pixels in grey without a word.
    """

    ran_out = False

    def read(self, size=-1):
        data = super().read(size)
        if size and not data:
            self.ran_out = True
        return data


def sanitised_image(upload):
    """A re-encoded copy of an uploaded JPEG, PNG or WebP, at most 2,000 px a side."""
    _check_size(upload, settings.PARTICIPATION_IMAGE_MAX_MB)
    not_an_image = ValidationError(
        _("This file is not an image we accept: send a JPEG, PNG or WebP photo."),
        code="not_image",
    )
    damaged = ValidationError(
        _("This image is damaged or incomplete: choose it again, or send another one."),
        code="damaged_image",
    )
    upload.seek(0)
    source = _Source(upload.read())
    try:
        image = Image.open(source)  # reads the header only
    except Image.DecompressionBombError:
        raise ValidationError(
            _("This image has far more than %(limit)s million pixels: send a smaller photo.")
            % {"limit": MAX_PHOTO_PIXELS[0] // 1_000_000},
            code="too_many_pixels",
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise not_an_image from None
    with image:
        if image.format not in ACCEPTED_IMAGE_FORMATS:
            raise not_an_image
        image_format, extension = ACCEPTED_IMAGE_FORMATS[image.format]
        _check_pixels(image)
        try:
            image.draft(None, _fitted(image.size))  # JPEG: decode at a reduced scale
            image.thumbnail((MAX_IMAGE_SIDE, MAX_IMAGE_SIDE))  # decodes, then resizes
            image.load()  # an image small enough already is not decoded by thumbnail
            if source.ran_out:
                raise damaged
            image = ImageOps.exif_transpose(image)
            if image_format == "JPEG" and image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            output = BytesIO()
            # Nothing but the pixels is written: no EXIF, no ICC comment, no XMP.
            image.save(
                output, format=image_format, **({"quality": 85} if image_format != "PNG" else {})
            )
        except (OSError, SyntaxError, ValueError, EOFError):
            raise damaged from None
    return ContentFile(output.getvalue(), name=f"{_stem(upload)}.{extension}")


# A PDF starts with its header at the first byte, and ends with the offset of its
# cross-reference (a table, or a stream object since PDF 1.5) and %%EOF. PDF whitespace
# includes NUL, which some writers pad with.
PDF_HEADER = re.compile(rb"%PDF-[12]\.\d")
PDF_SPACE = rb"[\x00\t\n\x0c\r ]"
PDF_TRAILER = re.compile(rb"startxref" + PDF_SPACE + rb"+(\d{1,12})" + PDF_SPACE + rb"+%%EOF")
PDF_TRAILER_END = re.compile(PDF_SPACE + rb"*\Z")
PDF_CROSS_REFERENCE = re.compile(
    PDF_SPACE + rb"*(?:xref|\d+" + PDF_SPACE + rb"+\d+" + PDF_SPACE + rb"+obj)"
)
TAIL_BYTES = 1024  # where readers look for the trailer


def _pdf_structure_holds(upload):
    """The last startxref ends the file and points at a cross-reference."""
    upload.seek(max(0, upload.size - TAIL_BYTES))
    tail = upload.read()
    trailers = list(PDF_TRAILER.finditer(tail))
    if not trailers or not PDF_TRAILER_END.match(tail, trailers[-1].end()):
        return False
    offset = int(trailers[-1].group(1))
    if offset >= upload.size:
        return False
    upload.seek(offset)
    return bool(PDF_CROSS_REFERENCE.match(upload.read(64)))


def checked_pdf(upload):
    """The upload, if it is a PDF by its content and within the size limit, named `.pdf`.

    An HTML page with "%PDF-" somewhere near its start is not one; the name makes every
    server send it as `application/pdf`, never as a page a browser would run.
    """
    _check_size(upload, settings.PARTICIPATION_ATTACHMENT_MAX_MB)
    upload.seek(0)
    head = upload.read(8)
    if not PDF_HEADER.match(head):
        raise ValidationError(_("This file is not a PDF document."), code="not_pdf")
    holds = _pdf_structure_holds(upload)
    upload.seek(0)
    if not holds:
        raise ValidationError(
            _("This PDF document is damaged or incomplete: save it as PDF again and send it."),
            code="damaged_pdf",
        )
    upload.name = f"{_stem(upload)}.pdf"
    return upload
