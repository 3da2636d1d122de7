"""Copy the front-end assets the site serves from node_modules into portal/static.

Run after changing the icon list or upgrading a package (`make vendor`); the output is
committed so that serving the site needs no Node.js. Icons: Lucide (ISC licence).
Font: Atkinson Hyperlegible (SIL Open Font Licence), designed for low-vision readers; its zero
is slashed (to tell it from O) and has no plain alternate, so a derived font holds a plain zero
for running text (`plain_zero_fonts`).
Map: Leaflet (BSD-2-Clause), loaded only by the pages that show a map.
"""

import re
import shutil
from pathlib import Path

from fontTools import subset as font_subset
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
NODE = ROOT / "node_modules"
STATIC = ROOT / "portal" / "static"

ICONS = [
    "accessibility",
    "arrow-left",
    "arrow-right",
    "calendar",
    "calendar-plus",
    "check",
    "chevron-down",
    "chevron-left",
    "chevron-right",
    "circle-alert",
    "circle-check",
    "circle-play",
    "clock",
    "download",
    "ear",
    "external-link",
    "file-text",
    "hand",
    "info",
    "lightbulb",
    "list",
    "mail",
    "map",
    "map-pin",
    "megaphone",
    "menu",
    "message-circle",
    "phone",
    "printer",
    "rss",
    "search",
    "search-x",
    "thumbs-up",
    "triangle-alert",
    "user-round",
    "users",
    "x",
]


def build_sprite():
    symbols = []
    for name in ICONS:
        svg = (NODE / "lucide-static" / "icons" / f"{name}.svg").read_text()
        inner = re.search(r"<svg[^>]*>(.*)</svg>", svg, re.S).group(1)
        inner = re.sub(r"<!--.*?-->", "", inner, flags=re.S)
        inner = " ".join(inner.split())
        symbols.append(f'<symbol id="{name}" viewBox="0 0 24 24">{inner}</symbol>')
    sprite = (
        '<svg xmlns="http://www.w3.org/2000/svg" fill="none" stroke="currentColor" '
        'stroke-width="2" stroke-linecap="round" stroke-linejoin="round">'
        "<!-- Lucide icons, ISC licence, https://lucide.dev -->" + "".join(symbols) + "</svg>\n"
    )
    (STATIC / "icons").mkdir(parents=True, exist_ok=True)
    (STATIC / "icons" / "sprite.svg").write_text(sprite)
    shutil.copy(NODE / "lucide-static" / "LICENSE", STATIC / "icons" / "LICENSE")


def copy_fonts():
    source = NODE / "@fontsource" / "atkinson-hyperlegible" / "files"
    target = STATIC / "fonts"
    target.mkdir(parents=True, exist_ok=True)
    for weight in ("400", "700"):
        for style in ("normal", "italic"):
            for subset in ("latin", "latin-ext"):
                name = f"atkinson-hyperlegible-{subset}-{weight}-{style}.woff2"
                shutil.copy(source / name, target / name)
    shutil.copy(NODE / "@fontsource" / "atkinson-hyperlegible" / "LICENSE", target / "LICENSE")


def flatten(contour, steps=16):
    """The points of a contour drawn by a recording pen, its quadratic curves sampled."""
    points, current = [], None
    for operator, args in contour:
        if operator in ("moveTo", "lineTo"):
            current = args[0]
            points.append(current)
        elif operator == "qCurveTo":
            # TrueType splines: implied on-curve points halfway between two off-curve points.
            *off, end = args
            if not off:
                current = end
                points.append(end)
                continue
            ons = [
                ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2) for a, b in zip(off, off[1:], strict=False)
            ]
            for control, target in zip(off, [*ons, end], strict=True):
                for step in range(1, steps + 1):
                    t = step / steps
                    points.append(
                        tuple(
                            (1 - t) ** 2 * p0 + 2 * (1 - t) * t * p1 + t**2 * p2
                            for p0, p1, p2 in zip(current, control, target, strict=True)
                        )
                    )
                current = target
    return points


def convex_hull(points):
    """Andrew's monotone chain, counter-clockwise."""
    points = sorted(set(points))

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower, upper = [], []
    for point in points:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], point) <= 0:
            lower.pop()
        lower.append(point)
    for point in reversed(points):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], point) <= 0:
            upper.pop()
        upper.append(point)
    return lower[:-1] + upper[:-1]


def signed_area(points):
    return sum(
        a[0] * b[1] - b[0] * a[1] for a, b in zip(points, points[1:] + points[:1], strict=True)
    )


def unslash(font, name):
    """Redraw the zero `name` without its slash: the outer contour stays, and the two halves
    of the counter that the slash cuts become one, the convex hull of both (a zero's counter
    is an oval: convex)."""
    glyph_set = font.getGlyphSet()
    recording = DecomposingRecordingPen(glyph_set)
    glyph_set[name].draw(recording)
    contours, current = [], []
    for operator, args in recording.value:
        current.append((operator, args))
        if operator in ("closePath", "endPath"):
            contours.append(current)
            current = []
    outer, *halves = sorted(contours, key=lambda c: -abs(signed_area(flatten(c))))
    half = flatten(halves[0])
    counter = convex_hull([point for c in halves for point in flatten(c)])
    if (signed_area(counter) > 0) != (signed_area(half) > 0):
        counter.reverse()
    pen = TTGlyphPen(None)
    for operator, args in outer:
        getattr(pen, operator)(*args)
    pen.moveTo(tuple(round(v) for v in counter[0]))
    for point in counter[1:]:
        pen.lineTo(tuple(round(v) for v in point))
    pen.closePath()
    font["glyf"][name] = pen.glyph()


def plain_zero_fonts():
    """One small font per weight and style holding only a plain zero (proportional and
    tabular), declared after the others for U+0030 in portal.css. The PDFs name it first in
    their font-family (reports/fonts.css), so it also holds the spaces, which the PDF engine
    draws with the font of the zero they follow."""
    target = STATIC / "fonts"
    for weight in ("400", "700"):
        for style in ("normal", "italic"):
            source = target / f"atkinson-hyperlegible-latin-{weight}-{style}.woff2"
            font = TTFont(source)
            for name in ("zero", "zero.tf"):
                unslash(font, name)
            options = font_subset.Options()
            options.layout_features = ["tnum", "pnum"]
            options.flavor = "woff2"
            options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
            subsetter = font_subset.Subsetter(options)
            subsetter.populate(unicodes=[0x30, 0x20, 0xA0, 0x2009, 0x202F])
            subsetter.subset(font)
            # A modified font does not carry the original's name (SIL Open Font Licence, 3).
            for record in font["name"].names:
                if record.nameID in (1, 3, 4, 6):
                    text = record.toUnicode()
                    record.string = text.replace("AtkinsonHyperlegible", "PortalPlainZero").replace(
                        "Atkinson Hyperlegible", "Portal Plain Zero"
                    )
            font.flavor = "woff2"
            font.save(target / f"atkinson-hyperlegible-plain-zero-{weight}-{style}.woff2")


def copy_leaflet():
    source = NODE / "leaflet" / "dist"
    target = STATIC / "vendor" / "leaflet"
    (target / "images").mkdir(parents=True, exist_ok=True)
    # The source map comes along: the manifest storage refuses a reference to a missing file.
    for name in ("leaflet.js", "leaflet.js.map", "leaflet.css"):
        shutil.copy(source / name, target / name)
    for image in (source / "images").glob("*.png"):
        shutil.copy(image, target / "images" / image.name)
    shutil.copy(NODE / "leaflet" / "LICENSE", target / "LICENSE")


if __name__ == "__main__":
    build_sprite()
    copy_fonts()
    plain_zero_fonts()
    copy_leaflet()
    print(f"Vendored {len(ICONS)} icons and the Atkinson Hyperlegible font into {STATIC}.")
