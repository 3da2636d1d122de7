"""Draw the demo illustrations (flat, generated, free to use) into portal/demo/images.

Run once; the JPEGs are committed. Deterministic: the same script draws the same pictures.
"""

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

OUT = Path(__file__).resolve().parent.parent / "portal" / "demo" / "images"
W, H = 1600, 1067
SKY = [(205, 228, 240), (252, 236, 214)]
ROOFS = [(176, 74, 48), (150, 62, 44), (92, 99, 112), (120, 84, 60)]
WALLS = [(244, 232, 210), (236, 222, 196), (228, 214, 190), (250, 244, 232), (222, 205, 180)]
GREENS = [(74, 128, 88), (94, 148, 96), (58, 110, 80), (120, 160, 96)]


def gradient(top, bottom):
    image = Image.new("RGB", (W, H), top)
    draw = ImageDraw.Draw(image)
    for y in range(H):
        t = y / H
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (W, y)], fill=colour)
    return image


def tree(draw, x, ground, size, rng):
    draw.rectangle(
        [x - size * 0.08, ground - size * 0.9, x + size * 0.08, ground], fill=(110, 78, 52)
    )
    colour = rng.choice(GREENS)
    for dx, dy, r in [(0, -1.15, 0.55), (-0.35, -0.9, 0.4), (0.35, -0.9, 0.4)]:
        cx, cy, rr = x + dx * size, ground + dy * size, r * size
        draw.ellipse([cx - rr, cy - rr, cx + rr, cy + rr], fill=colour)


def building(draw, x, ground, width, height, rng):
    wall, roof = rng.choice(WALLS), rng.choice(ROOFS)
    draw.rectangle([x, ground - height, x + width, ground], fill=wall)
    draw.polygon(
        [
            (x - 12, ground - height),
            (x + width / 2, ground - height - width * 0.35),
            (x + width + 12, ground - height),
        ],
        fill=roof,
    )
    for row in range(int(height // 90)):
        for col in range(max(1, int(width // 70))):
            wx = x + 22 + col * 70
            wy = ground - height + 30 + row * 90
            if wx + 30 < x + width and wy + 45 < ground - 60:
                draw.rectangle([wx, wy, wx + 30, wy + 45], fill=(70, 96, 122))
                draw.rectangle([wx - 4, wy + 45, wx + 34, wy + 50], fill=(255, 255, 255))
    draw.rectangle([x + width / 2 - 22, ground - 80, x + width / 2 + 22, ground], fill=(96, 60, 40))


def person(draw, x, ground, scale, colour):
    draw.ellipse(
        [x - 14 * scale, ground - 110 * scale, x + 14 * scale, ground - 82 * scale],
        fill=(120, 84, 60) if colour[0] % 2 else (222, 184, 150),
    )
    draw.rounded_rectangle(
        [x - 20 * scale, ground - 80 * scale, x + 20 * scale, ground - 20 * scale],
        radius=int(14 * scale),
        fill=colour,
    )
    draw.rectangle([x - 14 * scale, ground - 24 * scale, x - 4 * scale, ground], fill=(50, 56, 70))
    draw.rectangle([x + 4 * scale, ground - 24 * scale, x + 14 * scale, ground], fill=(50, 56, 70))


PEOPLE = [(29, 91, 121), (162, 60, 18), (28, 107, 58), (122, 74, 0), (80, 60, 130), (190, 120, 40)]


def town_square(seed):
    rng = random.Random(seed)
    image = gradient(*SKY)
    draw = ImageDraw.Draw(image)
    ground = int(H * 0.72)
    x = -40
    while x < W:
        width = rng.randint(180, 300)
        building(draw, x, ground, width, rng.randint(260, 460), rng)
        x += width + rng.randint(10, 30)
    draw.rectangle([0, ground, W, H], fill=(214, 200, 176))
    for i in range(0, W, 80):
        draw.line([(i, ground), (i - 200, H)], fill=(200, 186, 162), width=3)
    for tx in range(80, W, 360):
        tree(draw, tx + rng.randint(-40, 40), ground + 30, rng.randint(150, 200), rng)
    for _ in range(14):
        person(
            draw,
            rng.randint(60, W - 60),
            rng.randint(ground + 140, H - 20),
            rng.uniform(0.9, 1.4),
            rng.choice(PEOPLE),
        )
    return image


def workshop(seed):
    rng = random.Random(seed)
    image = gradient((250, 244, 232), (236, 226, 206))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle(
        [160, 120, 1440, 560], radius=24, fill=(255, 255, 255), outline=(120, 120, 120), width=6
    )
    for i in range(18):
        cx, cy = 240 + (i % 6) * 200, 190 + (i // 6) * 120
        draw.rounded_rectangle(
            [cx, cy, cx + 150, cy + 90],
            radius=8,
            fill=rng.choice([(255, 221, 87), (255, 171, 145), (158, 214, 190), (170, 200, 245)]),
        )
    draw.ellipse([300, 700, 1300, 1000], fill=(150, 106, 70))
    for i in range(9):
        angle_x = 300 + i * 125
        person(draw, angle_x, 760 + (i % 2) * 240, 1.5, rng.choice(PEOPLE))
    return image


def park(seed):
    rng = random.Random(seed)
    image = gradient((200, 226, 240), (234, 244, 226))
    draw = ImageDraw.Draw(image)
    draw.ellipse([-400, 560, 1000, 1400], fill=(140, 186, 110))
    draw.ellipse([600, 600, 2100, 1500], fill=(120, 170, 98))
    draw.polygon([(700, H), (820, 640), (900, 640), (1100, H)], fill=(226, 212, 184))
    for _ in range(16):
        tree(draw, rng.randint(0, W), rng.randint(640, 900), rng.randint(120, 220), rng)
    draw.rounded_rectangle([1150, 820, 1450, 860], radius=8, fill=(120, 84, 60))
    for _i in range(6):
        person(draw, rng.randint(640, 1250), rng.randint(900, 1040), 1.2, rng.choice(PEOPLE))
    return image


def write(image, name):
    image = image.filter(ImageFilter.SMOOTH)
    image.save(OUT / name, "JPEG", quality=78, optimize=True, progressive=True)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    write(town_square(1), "place-du-marche.jpg")
    write(workshop(2), "atelier-participatif.jpg")
    write(park(3), "parc-des-tilleuls.jpg")
    write(town_square(7), "centre-ville.jpg")
    print("Demo images written to", OUT)
