"""Build the demo town: pages in French and English, images, a document, site settings.

Idempotent: every object is looked up by a stable key (slug, title) and created only when
missing, so a second run creates nothing, publishes nothing and fails nothing.
"""

from pathlib import Path

from django.core.files import File
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from portal.core.models import PortalSettings
from portal.pages.models import StandardPage

from . import content

DEMO_DIR = Path(__file__).resolve().parent

IMAGES = {
    "square": ("Place du Marché", "place-du-marche.jpg"),
    "workshop": ("Atelier participatif", "atelier-participatif.jpg"),
    "park": ("Parc des Tilleuls", "parc-des-tilleuls.jpg"),
    "centre": ("Centre-ville", "centre-ville.jpg"),
}
CHARTER = ("Charte de la participation citoyenne", "charte-de-la-participation.pdf")


class DemoLoader:
    """Creates what is missing and reports what it did, for the management command."""

    def __init__(self, log=print):
        self.log = log
        self.created = 0

    def note(self, message):
        self.created += 1
        self.log(f"  + {message}")

    @transaction.atomic
    def run(self):
        self.fr, self.en = self.locales()
        self.images = {key: self.image(*spec) for key, spec in IMAGES.items()}
        self.charter = self.document(*CHARTER)
        home = self.home_page()
        pages = {spec["key"]: self.standard_page(home, spec) for spec in content.PAGES}
        self.highlight(home, pages)
        self.identity(pages)
        home_en = self.translation(home, content.HOME["en"])
        for spec in content.PAGES:
            self.translation(pages[spec["key"]], spec["en"], key=spec["key"])
        self.highlight(home_en, {key: p.get_translation(self.en) for key, p in pages.items()})
        return self.created

    def locales(self):
        fr, created = Locale.objects.get_or_create(language_code="fr")
        if created:
            self.note("locale fr")
        en, created = Locale.objects.get_or_create(language_code="en")
        if created:
            self.note("locale en")
        return fr, en

    def image(self, title, filename):
        Image = get_image_model()
        image = Image.objects.filter(title=title).first()
        if image is None:
            with open(DEMO_DIR / "images" / filename, "rb") as handle:
                image = Image(title=title, file=File(handle, name=filename))
                image.save()
            self.note(f"image {title}")
        return image

    def document(self, title, filename):
        Document = get_document_model()
        document = Document.objects.filter(title=title).first()
        if document is None:
            with open(DEMO_DIR / "documents" / filename, "rb") as handle:
                document = Document(title=title, file=File(handle, name=filename))
                document.save()
            self.note(f"document {title}")
        return document

    def home_page(self):
        """The French home page at the site root, replacing Wagtail's welcome page."""
        site = Site.objects.filter(is_default_site=True).first()
        home = HomePage.objects.filter(locale=self.fr).first()
        if home is None:
            root = Page.get_first_root_node()
            for welcome in root.get_children().filter(locale=self.fr).exact_type(Page):
                welcome.delete()
            spec = content.HOME["fr"]
            home = HomePage(
                title=spec["title"],
                slug="accueil",
                locale=self.fr,
                hero_title=spec["hero_title"],
                hero_text=spec["hero_text"],
                hero_image=self.images["square"],
                hero_link_label=spec["hero_link_label"],
                body=spec["body"],
            )
            root.add_child(instance=home)
            home.save_revision().publish()
            self.note("home page")
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name=content.IDENTITY["authority_name"],
            )
            self.note("site")
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.site_name = content.IDENTITY["authority_name"]
            site.save()
            self.note("site root")
        return home

    def with_media(self, key, language, body):
        """The page body with the demo image and charter where the page needs them."""
        if key != "participation":
            return list(body)
        french = language == "fr"
        image = {
            "type": "image",
            "value": {
                "image": self.images["workshop"].pk,
                "decorative": False,
                "alt_text": (
                    "Des habitantes et des habitants autour d’une table, devant un mur "
                    "couvert de post-it de couleur."
                    if french
                    else "Residents around a table, in front of a wall covered with coloured "
                    "sticky notes."
                ),
                "caption": (
                    "Atelier de quartier à la Maison des associations."
                    if french
                    else "Neighbourhood workshop at the Maison des associations."
                ),
                "credit": "Ville de Bellecombe-sur-Lauze",
            },
        }
        charter = {
            "type": "document",
            "value": {
                "document": self.charter.pk,
                "title": "" if french else "Participation charter (in French)",
                "description": (
                    "Les cinq engagements de la Ville, adoptés en mars 2026."
                    if french
                    else "The town’s five commitments, adopted in March 2026."
                ),
            },
        }
        return [*body[:2], image, *body[2:], charter]

    def standard_page(self, home, spec):
        page = StandardPage.objects.child_of(home).filter(slug=spec["slug"]).first()
        if page is None:
            page = StandardPage(
                title=spec["fr"]["title"],
                slug=spec["slug"],
                summary=spec["fr"]["summary"],
                body=self.with_media(spec["key"], "fr", spec["fr"]["body"]),
                show_in_menus=spec["show_in_menus"],
            )
            home.add_child(instance=page)
            page.save_revision().publish()
            self.note(f"page {page.title}")
        return page

    def translation(self, page, spec, key=None):
        """The English version of a page, copied for translation then written in English."""
        translated = page.get_translation_or_none(self.en)
        if translated is not None:
            return translated.specific
        translated = page.copy_for_translation(self.en, copy_parents=True)
        translated.title = spec["title"]
        translated.slug = spec["slug"]
        for field in ("summary", "hero_title", "hero_text", "hero_link_label"):
            if field in spec:
                setattr(translated, field, spec[field])
        if "body" in spec:
            translated.body = self.with_media(key, "en", spec["body"])
        translated.save_revision().publish()
        self.note(f"translation {translated.title}")
        return translated

    def highlight(self, home, pages):
        if home.highlights:
            return
        home = home.specific
        home.highlights = [
            {
                "type": "highlight",
                "value": {
                    "page": pages["participation"].pk,
                    "title": "",
                    "text": "",
                    "image": self.images["workshop"].pk,
                    "badge": "",
                },
            },
            {
                "type": "highlight",
                "value": {
                    "page": pages["how_to"].pk,
                    "title": "",
                    "text": "",
                    "image": self.images["park"].pk,
                    "badge": "",
                },
            },
        ]
        home.hero_link = pages["participation"]
        home.save_revision().publish()
        self.note(f"highlights of {home.title}")

    def identity(self, pages):
        site = Site.objects.get(is_default_site=True)
        identity = PortalSettings.for_site(site)
        if identity.authority_name:
            return
        for field, value in content.IDENTITY.items():
            if field == "social_links":
                value = [{"type": "link", "value": link} for link in value]
            setattr(identity, field, value)
        identity.legal_notice_page = pages["legal_notice"]
        identity.personal_data_page = pages["personal_data"]
        identity.accessibility_page = pages["accessibility"]
        identity.save()
        self.note("portal settings")
