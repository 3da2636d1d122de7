"""WCAG colour contrast, used to refuse a brand colour that white text cannot be read on."""

import math
import re

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
MINIMUM_CONTRAST = 4.5


def relative_luminance(hex_colour):
    """WCAG 2.1 relative luminance of an #rrggbb colour."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first, second):
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def validate_primary_colour(value):
    """A colour white text can be read on: #rrggbb with a contrast of at least 4.5:1."""
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(
            _("Enter a colour as # followed by six hexadecimal digits, e.g. #1f5f8b."),
            code="invalid",
        )
    ratio = contrast_ratio(value, "#ffffff")
    if ratio < MINIMUM_CONTRAST:
        raise ValidationError(
            _(
                "White text on this colour has a contrast of %(ratio)s:1; at least 4.5:1 is "
                "needed so that everyone can read it. Choose a darker colour."
            ),
            code="low_contrast",
            # Rounded down, so that a refused colour never shows as "4,50:1".
            params={"ratio": number_format(math.floor(ratio * 100) / 100, 2)},
        )


def darken(hex_colour, factor=0.8):
    """The same hue, darker: used for hover and focus states."""
    channels = [round(int(hex_colour[i : i + 2], 16) * factor) for i in (1, 3, 5)]
    return "#" + "".join(f"{c:02x}" for c in channels)
