"""The site's icon in browser tabs, bookmarks and phone home screens.

A speech bubble, white on the authority's primary colour (the one its header and buttons
use, dark enough for white by validation): a logo is usually wider than tall and unreadable
at 16 pixels, a colour is recognisable. Modern browsers take the SVG; `/favicon.ico`, which
browsers and feed readers ask for without being told, and the Apple touch icon are drawn
with Pillow from the same shapes.
"""

from functools import lru_cache
from io import BytesIO

from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from PIL import Image, ImageDraw

from .colours import HEX_COLOUR
from .models import DEFAULT_PRIMARY_COLOUR, PortalSettings

SIDE = 64  # the drawing's grid: SVG user units, or pixels before scaling
CORNER = 14
BUBBLE = (12, 14, 52, 42)
BUBBLE_CORNER = 8
TAIL = ((20, 38), (20, 52), (33, 41))
DOTS = ((22, 28), (32, 28), (42, 28))
DOT_RADIUS = 3.5

ICO_SIZES = ((16, 16), (32, 32), (48, 48))
TOUCH_ICON_SIDE = 180
ONE_DAY = 24 * 60 * 60


def primary_colour(request):
    """The site's primary colour; anything but #rrggbb (saved around the form) is ignored."""
    try:
        colour = PortalSettings.for_request(request).primary_colour  # kept (core.lookups)
    except PortalSettings.DoesNotExist:  # no site for this host
        colour = None
    return colour if HEX_COLOUR.match(colour or "") else DEFAULT_PRIMARY_COLOUR


def svg(colour):
    left, top, right, bottom = BUBBLE
    tail = "L".join(f"{x} {y}" for x, y in TAIL)
    dots = "".join(f'<circle cx="{x}" cy="{y}" r="{DOT_RADIUS}" fill="{colour}"/>' for x, y in DOTS)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIDE} {SIDE}">'
        f'<rect width="{SIDE}" height="{SIDE}" rx="{CORNER}" fill="{colour}"/>'
        f'<rect x="{left}" y="{top}" width="{right - left}" height="{bottom - top}" '
        f'rx="{BUBBLE_CORNER}" fill="#fff"/>'
        f'<path d="M{tail}Z" fill="#fff"/>{dots}</svg>\n'
    )


def drawing(colour, side, *, rounded):
    """The icon at `side` pixels, drawn four times larger then reduced (smooth edges)."""
    scale = side * 4 / SIDE
    image = Image.new("RGBA", (side * 4, side * 4), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)

    def box(left, top, right, bottom):
        return (left * scale, top * scale, right * scale, bottom * scale)

    draw.rounded_rectangle(box(0, 0, SIDE, SIDE), CORNER * scale if rounded else 0, fill=colour)
    draw.rounded_rectangle(box(*BUBBLE), BUBBLE_CORNER * scale, fill="white")
    draw.polygon([(x * scale, y * scale) for x, y in TAIL], fill="white")
    for x, y in DOTS:
        draw.ellipse(box(x - DOT_RADIUS, y - DOT_RADIUS, x + DOT_RADIUS, y + DOT_RADIUS), colour)
    return image.resize((side, side), Image.Resampling.LANCZOS)


@lru_cache(maxsize=16)
def ico(colour):
    """One picture drawn for each size, rather than one reduced to all."""
    *smaller, largest = [drawing(colour, side, rounded=True) for side, _ in ICO_SIZES]
    output = BytesIO()
    largest.save(output, format="ICO", sizes=ICO_SIZES, append_images=smaller)
    return output.getvalue()


@lru_cache(maxsize=16)
def touch_icon(colour):
    """Square and opaque: phones round the corners themselves and fill transparency black."""
    output = BytesIO()
    drawing(colour, TOUCH_ICON_SIDE, rounded=False).save(output, format="PNG")
    return output.getvalue()


@require_safe
@cache_control(public=True, max_age=ONE_DAY)
def favicon_svg(request):
    return HttpResponse(svg(primary_colour(request)), content_type="image/svg+xml")


@require_safe
@cache_control(public=True, max_age=ONE_DAY)
def favicon_ico(request):
    return HttpResponse(ico(primary_colour(request)), content_type="image/vnd.microsoft.icon")


@require_safe
@cache_control(public=True, max_age=ONE_DAY)
def apple_touch_icon(request):
    return HttpResponse(touch_icon(primary_colour(request)), content_type="image/png")
