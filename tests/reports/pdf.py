"""What a printed PDF holds, read with poppler's tools and zxing, as a person would see it."""

import re
import subprocess
import zlib

import zxingcpp
from PIL import Image


def saved(pdf, tmp_path, name="poster"):
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    return path


def info(pdf, tmp_path):
    """pdfinfo's fields: Pages, Page size, Title, Author…"""
    lines = run("pdfinfo", saved(pdf, tmp_path)).splitlines()
    return {key: value.strip() for key, value in (line.split(":", 1) for line in lines)}


def text(pdf, tmp_path):
    """The text without whitespace or case, so that line breaks and capitals do not matter."""
    return squeezed(run("pdftotext", saved(pdf, tmp_path), "-"))


def squeezed(value):
    return "".join(value.split()).casefold()


def qr_codes(pdf, tmp_path):
    """What the QR codes on the page say, read from a 150 dpi rendering."""
    path = saved(pdf, tmp_path)
    run("pdftoppm", "-r", "150", "-png", "-singlefile", path, tmp_path / "poster")
    with Image.open(tmp_path / "poster.png") as image:
        return [code.text for code in zxingcpp.read_barcodes(image)]


def links(pdf, tmp_path):
    """The addresses of the PDF's link annotations (what a click opens), in page order."""
    lines = run("pdfinfo", "-url", saved(pdf, tmp_path)).splitlines()
    return [line.split()[-1] for line in lines[1:] if line.strip()]  # after the header line


def fonts(pdf, tmp_path):
    """The embedded fonts' names, without their subset prefix ("Atkinson-Hyperlegible-Bold")."""
    lines = run("pdffonts", saved(pdf, tmp_path)).splitlines()[2:]  # two header lines
    return {line.split()[0].partition("+")[2] for line in lines}


def image_count(pdf, tmp_path):
    lines = run("pdfimages", "-list", saved(pdf, tmp_path)).splitlines()
    return len(lines) - 2  # two header lines


def language(pdf):
    """The document's /Lang, wherever it is (WeasyPrint compresses the catalogue). Each
    stream is read by its /Length: compressed bytes may hold "endstream" by chance."""
    found = re.search(rb"/Lang \((\w+)\)", pdf)
    if found:
        return found.group(1).decode()
    for match in re.finditer(rb"/Length (\d+)[^>]*>>\s*stream\r?\n", pdf):
        stream = pdf[match.end() : match.end() + int(match.group(1))]
        try:
            found = re.search(rb"/Lang \((\w+)\)", zlib.decompress(stream))
        except zlib.error:
            continue
        if found:
            return found.group(1).decode()
    return None


def run(*command):
    return subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, check=True
    ).stdout
