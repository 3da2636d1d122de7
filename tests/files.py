"""Files made byte by byte for upload tests: honest ones, and ones that lie about themselves."""

import struct
import zlib
from io import BytesIO

from PIL import Image

COLOUR_TYPES = {"L": 0, "RGB": 2, "RGBA": 6}


def png_chunk(kind, data):
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png(width, height, *, mode="RGB", bits=8, rows=None):
    """A PNG declaring width × height, with `rows` rows of black pixels (all by default).

    Black rows compress to almost nothing: a file of a few kilobytes can declare hundreds of
    megabytes of pixels. One bit a pixel ("1") makes large ones quick to build.
    """
    colour_type, channels = (0, 1) if mode == "1" else (COLOUR_TYPES[mode], len(mode))
    if mode == "1":
        bits = 1
    row = bytes(1 + (width * channels * bits + 7) // 8)  # a filter byte, then the pixels
    compressor = zlib.compressobj(1)
    remaining = height if rows is None else rows
    data = []
    batch = row * max(1, 4_000_000 // len(row))
    while remaining:
        count = min(remaining, len(batch) // len(row))
        data.append(compressor.compress(batch[: count * len(row)]))
        remaining -= count
    data.append(compressor.flush())
    header = struct.pack(">IIBBBBB", width, height, bits, colour_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", b"".join(data))
        + png_chunk(b"IEND", b"")
    )


def jpeg(width=64, height=48, **save):
    output = BytesIO()
    Image.new("RGB", (width, height), "green").save(output, format="JPEG", **save)
    return output.getvalue()


def with_declared_size(jpeg_bytes, width, height):
    """The same JPEG, its frame header (SOF0 or SOF2) declaring another size."""
    data = bytearray(jpeg_bytes)
    for marker in (b"\xff\xc0", b"\xff\xc2"):
        start = data.find(marker)
        if start != -1:
            # marker, length (2), precision (1), then height and width
            data[start + 5 : start + 9] = struct.pack(">HH", height, width)
            return bytes(data)
    raise ValueError("no frame header")


def pdf(text="Plan du square", *, before=b"", inside=b""):
    """A one-page PDF with a classic cross-reference table, its offsets right."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        None,  # the page's content stream, below
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    stream = b"BT /F1 24 Tf 72 760 Td (" + text.encode("latin-1") + b") Tj ET" + inside
    objects[3] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
    output = bytearray(before + b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    output += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(output)
