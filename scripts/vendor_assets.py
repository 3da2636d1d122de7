"""Copy the front-end assets the site serves from node_modules into portal/static.

Run after changing the icon list or upgrading a package (`make vendor`); the output is
committed so that serving the site needs no Node.js. Icons: Lucide (ISC licence).
Font: Atkinson Hyperlegible (SIL Open Font Licence), designed for low-vision readers.
Map: Leaflet (BSD-2-Clause), loaded only by the pages that show a map.
"""

import re
import shutil
from pathlib import Path

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
    copy_leaflet()
    print(f"Vendored {len(ICONS)} icons and the Atkinson Hyperlegible font into {STATIC}.")
