"""The reference page of `make bench`: a page as Wagtail's bakerydemo home page is.

The demo town's home page already has what that page has, a hero (image, text, button) and
cards of the pages below it (highlights, and the sections of open consultations, next events
and latest results); this gives it a body of a few StreamField blocks as well (heading,
paragraphs, an image, a quote, a call to action), publishes it and prints its URL as JSON.
The benchmark serves it with a query parameter no page declares, so that Wagtail renders it
on every request, past the whole-page cache (scripts/bench.py says why).
"""

import json

from django.conf import settings
from django.core.management.base import BaseCommand
from wagtail.images import get_image_model

from home.models import HomePage

BODY_TYPES = ["heading", "paragraph", "image", "quote", "paragraph", "call_to_action"]


def body(image, link):
    return [
        {"type": "heading", "value": {"text": "Une ville qui se fait avec vous", "level": "h2"}},
        {
            "type": "paragraph",
            "value": "<p>Chaque année, la Ville consulte ses habitants sur ses grands projets : "
            "places, parcs, écoles et mobilités. Vos avis sont lus, et chacun reçoit une "
            "réponse.</p>",
        },
        {
            "type": "image",
            "value": {"image": image.pk, "decorative": False, "alt_text": "La place du Marché"},
        },
        {
            "type": "quote",
            "value": {
                "quote": "On a enfin pu dire ce qu’on voulait pour la place.",
                "author": "Nadia",
                "role": "habitante du centre-ville",
            },
        },
        {
            "type": "paragraph",
            "value": "<p>Ateliers, balades urbaines et réunions publiques : retrouvez-les "
            "dans l’agenda.</p>",
        },
        {
            "type": "call_to_action",
            "value": {"label": "Donner mon avis", "page": link.pk, "style": "primary"},
        },
    ]


class Command(BaseCommand):
    help = "Give the demo's home page a body of a few blocks; print its URL, for `make bench`."

    def handle(self, *args, **options):
        home = HomePage.objects.get(locale__language_code=settings.LANGUAGE_CODE)
        if [block["type"] for block in home.body.raw_data] != BODY_TYPES:
            image = get_image_model().objects.order_by("pk").first()
            link = home.hero_link or home.get_children().live().first()
            home.body = body(image, link)
            home.save_revision().publish()
        self.stdout.write(json.dumps({"url": home.url}))
