"""Files residents upload: checked by content, never by name, and images re-encoded.

Re-encoding drops everything but the pixels: EXIF (with the GPS position of the phone that
took the photo), comments and any payload hidden after the image data.
"""

from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_IMAGE_SIDE = 2000
MAX_IMAGE_PIXELS = 40_000_000


def _check_size(upload, limit_mb):
    if upload.size > limit_mb * 1024 * 1024:
        raise ValidationError(
            _("The file is too large (%(size)s MB); the limit is %(limit)s MB.")
            % {"size": f"{upload.size / 1024 / 1024:.1f}".replace(".", ","), "limit": limit_mb},
            code="too_large",
        )


def _stem(upload):
    return get_valid_filename(Path(upload.name).stem)[:60] or "file"


def sanitised_image(upload):
    """A re-encoded copy of an uploaded JPEG, PNG or WebP, at most 2,000 px a side."""
    _check_size(upload, settings.PARTICIPATION_IMAGE_MAX_MB)
    not_an_image = ValidationError(
        _("This file is not an image we accept: send a JPEG, PNG or WebP photo."),
        code="not_image",
    )
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            image_format = probe.format
            if image_format not in ACCEPTED_IMAGE_FORMATS:
                raise not_an_image
            if probe.width * probe.height > MAX_IMAGE_PIXELS:
                raise ValidationError(_("This image has too many pixels."), code="too_large")
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
            image = ImageOps.exif_transpose(image)
            image.thumbnail((MAX_IMAGE_SIDE, MAX_IMAGE_SIDE))
            if image_format == "JPEG" and image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            output = BytesIO()
            # Nothing but the pixels is written: no EXIF, no ICC comment, no XMP.
            image.save(
                output, format=image_format, **({"quality": 85} if image_format != "PNG" else {})
            )
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise not_an_image from None
    return ContentFile(
        output.getvalue(), name=f"{_stem(upload)}.{ACCEPTED_IMAGE_FORMATS[image_format]}"
    )


def checked_pdf(upload):
    """The upload, if it is a PDF by its content and within the size limit."""
    _check_size(upload, settings.PARTICIPATION_ATTACHMENT_MAX_MB)
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    if b"%PDF-" not in head:
        raise ValidationError(_("This file is not a PDF document."), code="not_pdf")
    upload.name = f"{_stem(upload)}.pdf"
    return upload
