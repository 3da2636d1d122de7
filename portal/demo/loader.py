"""Build the demo town: pages in French and English, images, a document, site settings.

Idempotent: every object is looked up by a stable key (slug, title) and created only when
missing, so a second run creates nothing, publishes nothing and fails nothing.
"""

from datetime import datetime, time, timedelta
from decimal import Decimal
from functools import partial
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from portal.core.models import PortalSettings
from portal.core.sites import public_site_address, sync_default_site
from portal.pages.models import (
    AgendaPage,
    ConsultationIndexPage,
    ConsultationPage,
    District,
    EventPage,
    EventTourPage,
    Organiser,
    Phase,
    RestitutionPage,
    StandardPage,
    Theme,
)
from portal.participation import identity, services
from portal.participation.models import (
    IdeaBox,
    IdeaField,
    IdeaStatus,
    Petition,
    Question,
    Survey,
    Threshold,
)
from portal.proposals import services as proposals
from portal.proposals.models import EventProposal

from . import budgets, content, projects
from .budget_loader import BudgetLoader

DEMO_DIR = Path(__file__).resolve().parent

IMAGES = {
    "square": ("Place du Marché", "place-du-marche.jpg"),
    "workshop": ("Atelier participatif", "atelier-participatif.jpg"),
    "park": ("Prairie du parc des Tilleuls", "prairie-des-tilleuls.jpg"),
    "centre": ("Centre-ville", "centre-ville.jpg"),
    "logo": ("Logo de la Ville de Bellecombe-sur-Lauze", "logo-bellecombe.png"),
}
CHARTER = ("Charte de la participation citoyenne", "charte-de-la-participation.pdf")
CONSULTATIONS = [*projects.CONSULTATIONS, *budgets.CONSULTATIONS]
MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
# The body blocks that embed a participation item or a budget's data: an English page embeds
# the same ones as its French page, where they are in it (the items' answers pool there).
EMBEDDING_BLOCKS = {
    "survey",
    "support",
    "idea_form",
    "idea_preview",
    "idea_list",
    "ballot",
    "budget_projects",
}


class DemoLoader(BudgetLoader):
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
        self.consultations_and_agenda(home)
        self.identity(pages)
        home_en = self.translation(home, content.HOME["en"])
        for spec in content.PAGES:
            self.translation(pages[spec["key"]], spec["en"], key=spec["key"])
        self.english_items()
        self.english_consultations_and_agenda(home)
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
        """The French home page at the root of the default Site, which answers at
        PUBLIC_BASE_URL."""
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
                hero_image=self.images["park"],
                hero_link_label=spec["hero_link_label"],
                body=spec["body"],
            )
            root.add_child(instance=home)
            home.save_revision().publish()
            self.note("home page")
        if site is None:
            hostname, port = public_site_address()
            Site.objects.create(
                hostname=hostname,
                port=port,
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
        if sync_default_site():
            self.note("site address")
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
        """The home's highlights, to pages in its own language (the English home is a copy
        of the French one: its highlights are replaced by links to the English pages).

        Read again from the database: saving a copy read before its children were added
        would write a stale tree (no children, so no page under it found)."""
        home = Page.objects.get(pk=home.pk).specific
        wanted = [pages["participation"].pk, pages["how_to"].pk]
        if [getattr(block.value["page"], "pk", None) for block in home.highlights] == wanted:
            return
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
        identity.logo = self.images["logo"]
        identity.save()
        self.note("portal settings")

    # Consultations and agenda (projects.py). Dates are offsets from the day of loading, so
    # that the demo always has an open consultation, upcoming events and an archive.

    def consultations_and_agenda(self, home):
        """Every consultation status and every kind of event, for the listings and the home."""
        self.today = timezone.localdate()
        self.themes = {slug: self.taxonomy(Theme, slug, *names) for slug, *names in projects.THEMES}
        self.districts = {
            slug: self.taxonomy(District, slug, *names) for slug, *names in projects.DISTRICTS
        }
        for slug, boundary in projects.DISTRICT_BOUNDARIES.items():
            if self.districts[slug].boundary is None:
                self.districts[slug].boundary = boundary
                self.districts[slug].save(update_fields=["boundary"])
        self.organisers = {spec["name"]: self.organiser(spec) for spec in projects.ORGANISERS}
        self.petition = self.demo_petition(projects.PETITION)
        index = self.child_page(
            home,
            ConsultationIndexPage,
            projects.CONSULTATION_INDEX["slug"],
            partial(self.menu_page, ConsultationIndexPage, projects.CONSULTATION_INDEX),
        )
        self.consultations = {
            spec["slug"]: self.consultation(index, spec) for spec in CONSULTATIONS
        }
        agenda = self.child_page(
            home,
            AgendaPage,
            projects.AGENDA["slug"],
            partial(self.menu_page, AgendaPage, projects.AGENDA),
        )
        for spec in projects.EVENTS:
            self.child_page(agenda, EventPage, spec["slug"], partial(self.event_page, spec))
        self.tour(agenda, projects.TOUR)
        self.participation(home, agenda)
        self.park_participation(agenda)
        self.participatory_budgets()
        self.restitutions()

    def taxonomy(self, model, slug, name, english_name):
        """A French theme or district, found by its slug (the key used in filter addresses),
        and its English translation, with the same slug."""
        item = model.objects.filter(locale=self.fr, slug=slug).first()
        if item is None:
            item = model.objects.create(locale=self.fr, slug=slug, name=name)
            self.note(f"{model._meta.model_name} {name}")
        if item.get_translation_or_none(self.en) is None:
            english = item.copy_for_translation(self.en)
            english.name = english_name
            english.save()
            self.note(f"{model._meta.model_name} {english_name}")
        return item

    def organiser(self, spec):
        """An organiser, found by its French name (unique in a language), and its English
        version: its name and description in English; trust stays with the French one."""
        organiser = Organiser.objects.filter(locale=self.fr, name=spec["name"]).first()
        if organiser is None:
            organiser = Organiser.objects.create(
                locale=self.fr, **{field: value for field, value in spec.items() if field != "en"}
            )
            self.note(f"organiser {organiser.name}")
        if "en" in spec and organiser.get_translation_or_none(self.en) is None:
            english = organiser.copy_for_translation(self.en)
            english.name = spec["en"]["name"]
            english.description = spec["en"]["description"]
            english.save()
            self.note(f"organiser {english.name}")
        return organiser

    def child_page(self, parent, model, slug, build):
        """The child of `parent` with this slug; if missing, `build()` it and publish it."""
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            page = build()
            page.slug = slug
            parent.add_child(instance=page)  # saving runs full_clean(), hence page.clean()
            page.save_revision().publish()
            self.note(f"page {page.title}")
        return page

    def day(self, offset):
        """A date relative to the day of loading, so that the demo never goes stale."""
        return self.today + timedelta(days=offset)

    def menu_page(self, model, spec):
        """A section of the main menu: the consultation index or the agenda."""
        return model(
            title=spec["title"],
            summary=spec["summary"],
            body=spec.get("body", []),
            show_in_menus=True,
        )

    def demo_petition(self, spec):
        """The interpellation residents can support on the open consultation."""
        petition = Petition.objects.filter(title=spec["title"], translation_of=None).first()
        if petition is None:
            petition = Petition(title=spec["title"], text=spec["text"])
            petition.thresholds = [
                Threshold(count=count, label=label, consequence=consequence)
                for count, label, consequence in spec["thresholds"]
            ]
            petition.save()
            self.note(f"petition {petition.title}")
        return petition

    def consultation(self, index, spec):
        """A consultation with its phases."""
        page = self.child_page(
            index, ConsultationPage, spec["slug"], partial(self.consultation_page, spec)
        )
        return page

    def restitutions(self):
        """Restitutions last: publishing one freezes its consultation's participation data."""
        for spec in CONSULTATIONS:
            if "restitution" in spec:
                self.child_page(
                    self.consultations[spec["slug"]],
                    RestitutionPage,
                    spec["restitution"]["slug"],
                    partial(self.restitution_page, spec["restitution"]),
                )

    def consultation_page(self, spec):
        """An unsaved consultation; phases and taxonomies are saved with it (modelcluster)."""
        page = ConsultationPage(
            title=spec["title"],
            summary=spec["summary"],
            hero_image=self.images[spec["image"]],
            objectives=spec["objectives"],
            contribution_use=spec["contribution_use"],
            participation_degree=spec["degree"],
            rules=spec["rules"],
            guarantor=spec["guarantor"],
            guarantor_contact=spec["guarantor_contact"],
            contact=[{"type": "contact", "value": spec["contact"]}],
            body=[
                *spec["body"],
                *(
                    [{"type": "support", "value": {"petition": self.petition.pk, "heading": ""}}]
                    if spec["slug"] == projects.PETITION["consultation"]
                    else []
                ),
            ],
        )
        page.phases = [
            Phase(
                title=phase["title"],
                description=phase["description"],
                start=self.day(phase["start"]),
                end=self.day(phase["end"]),
                extended_end=(self.day(phase["extended_end"]) if "extended_end" in phase else None),
                allows_supports=phase.get("supports", False),
                sort_order=number,
            )
            for number, phase in enumerate(spec["phases"])
        ]
        page.themes = [self.themes[slug] for slug in spec["themes"]]
        page.districts = [self.districts[slug] for slug in spec["districts"]]
        return page

    # Participation: the idea box, ideas at every step, supports and the survey of the open
    # consultation, written through the services as residents and moderators would.

    @staticmethod
    def resident(email):
        """A participant who used the link e-mailed to their address, as residents do."""
        named = identity.await_confirmation(participant=identity.register(email=email), session={})
        return services.confirm(confirmation=named.confirmation).participant

    def participation(self, home, agenda):
        square = self.consultations[projects.SQUARE]
        if self.petition.consultation_id is None:
            self.petition.consultation = square
            self.petition.save(update_fields=["consultation"])
        self.residents = [self.resident(f"habitant{number}@example.org") for number in range(1, 13)]
        box = self.idea_box(square, projects.IDEA_BOX)
        if not box.ideas.exists():
            for number, spec in enumerate(projects.IDEAS):
                self.idea(box, spec, agenda, self.residents[number % len(self.residents)])
        survey = self.survey(square, projects.SURVEY)
        list_page = self.child_page(
            home,
            StandardPage,
            projects.IDEA_LIST_PAGE["slug"],
            partial(self.idea_list_page, projects.IDEA_LIST_PAGE, box),
        )
        if not any(block["type"] == "idea_form" for block in square.body.raw_data):
            # The latest ideas, and a link to the page listing them all.
            preview = {"idea_box": box.pk, "heading": "", "number": 6, "list_page": list_page.pk}
            square.body = [
                *square.body.raw_data,
                {"type": "survey", "value": {"survey": survey.pk, "heading": ""}},
                {"type": "idea_preview", "value": preview},
                {"type": "idea_form", "value": {"idea_box": box.pk, "heading": ""}},
            ]
            square.save_revision().publish()
        self.event_proposal(projects.EVENT_PROPOSAL, self.residents[-1])

    def event_proposal(self, spec, contact):
        """An association's event in the moderation queue, so that moderators see one."""
        if EventProposal.objects.filter(title=spec["title"]).exists():
            return
        day = self.day(spec["day"])
        fields = {key: value for key, value in spec.items() if key not in ("day", "start", "end")}
        proposals.submit_proposal(
            contact=contact,
            start=self.moment(day, time.fromisoformat(spec["start"])),
            end=self.moment(day, time.fromisoformat(spec["end"])),
            notify=False,
            **fields,
        )
        self.note(f"event proposal {spec['title']}")

    def park_participation(self, agenda):
        """The park's consultation is over: its ideas were proposed, supported and answered
        during the design workshops, and its survey held the vote on the three scenarios."""
        park = self.consultations[projects.PARK]
        box = self.idea_box(park, projects.PARK_IDEA_BOX)
        during = self.moment(self.day(projects.PARK_IDEA_BOX["opens"] + 20), time(18))
        if not box.ideas.exists():
            for number, spec in enumerate(projects.PARK_IDEAS):
                author = self.residents[number % len(self.residents)]
                self.idea(box, spec, agenda, author, now=during)
        self.survey(park, projects.PARK_SURVEY, answer=self.vote)

    def vote(self, survey, resident, number):
        """Seven residents in twelve choose the garden park, as the restitution says."""
        scenario, expectations, today, _last_word = survey.questions.order_by("sort_order")
        answers = {
            scenario: scenario.options[0 if number < 7 else 1 if number < 10 else 2],
            expectations: expectations.options[number % 4 : number % 4 + 2],
            today: float(1 + number * 3 % 4),
        }
        when = self.moment(self.day(projects.PARK_SURVEY["opens"] + 10), time(12))
        services.answer_survey(survey=survey, participant=resident, answers=answers, now=when)

    def idea_list_page(self, spec, box):
        """Every idea of the box on a page of its own, which anonymous visitors get cached."""
        return StandardPage(
            title=spec["title"],
            summary=spec["summary"],
            body=[
                {"type": "idea_list", "value": {"idea_box": box.pk, "heading": "", "per_page": 12}}
            ],
        )

    def idea_box(self, consultation, spec):
        box = IdeaBox.objects.filter(title=spec["title"], translation_of=None).first()
        if box is None:
            box = IdeaBox(
                title=spec["title"],
                consultation=consultation,
                introduction=spec["introduction"],
                opens_at=self.moment(self.day(spec.get("opens", -20)), time(0)),
                closes_at=self.moment(self.day(spec.get("closes", 40)), time(23, 59)),
            )
            box.themes = [self.themes[slug] for slug in spec["themes"]]
            box.districts = [self.districts[slug] for slug in spec["districts"]]
            box.extra_fields = [IdeaField(**field) for field in spec["extra_fields"]]
            box.save()
            self.note(f"idea box {box.title}")
        return box

    def idea(self, box, spec, agenda, author, now=None):
        """An idea brought to the status of its spec by the workflow, with its supports.

        `now` dates it all for a consultation that is over (today when None)."""
        fields = {
            "title": spec["title"],
            "description": spec["description"],
            "theme": self.themes[spec["theme"]],
            "district": self.districts[spec["district"]],
        }
        if "point" in spec:
            fields["latitude"], fields["longitude"] = (Decimal(n) for n in spec["point"])
        if "place" in spec:
            fields["place"] = spec["place"]
        if "paper" in spec:
            event = EventPage.objects.descendant_of(agenda).get(slug=spec["paper"])
            idea = services.enter_paper_idea(
                box=box, user=None, collected_at=event, now=now, **fields
            )
        else:
            author.display_name = spec["author"]
            idea = services.submit_idea(box=box, participant=author, now=now, **fields)
        path = {
            IdeaStatus.SUBMITTED: [],
            IdeaStatus.PUBLISHED: [IdeaStatus.PUBLISHED],
            IdeaStatus.UNDER_STUDY: [IdeaStatus.PUBLISHED, IdeaStatus.UNDER_STUDY],
            IdeaStatus.RETAINED: [IdeaStatus.PUBLISHED, IdeaStatus.RETAINED],
            IdeaStatus.NOT_RETAINED: [IdeaStatus.PUBLISHED, IdeaStatus.NOT_RETAINED],
            IdeaStatus.REALISED: [IdeaStatus.PUBLISHED, IdeaStatus.RETAINED, IdeaStatus.REALISED],
        }[spec["status"]]
        for status in path:
            if idea.status != status:
                services.change_status(
                    idea=idea,
                    to_status=status,
                    user=None,
                    note=spec.get("reason", ""),
                    now=now,
                    notify=False,
                )
        if spec["answer"]:
            services.answer_idea(idea=idea, user=None, answer=spec["answer"], now=now, notify=False)
        for resident in self.residents[: spec["supports"]]:
            services.support_idea(participant=resident, idea=idea, now=now)
        self.note(f"idea {idea.title}")

    def survey(self, consultation, spec, answer=None):
        """A survey and the demo residents' answers (`answer(survey, resident, number)`)."""
        survey = Survey.objects.filter(title=spec["title"], translation_of=None).first()
        if survey is None:
            survey = Survey(
                title=spec["title"],
                consultation=consultation,
                introduction=spec["introduction"],
                thank_you=spec["thank_you"],
                opens_at=self.moment(self.day(spec.get("opens", -20)), time(0)),
                closes_at=self.moment(self.day(spec.get("closes", 40)), time(23, 59)),
            )
            survey.questions = [
                Question(sort_order=number, **question)
                for number, question in enumerate(spec["questions"])
            ]
            survey.save()
            self.note(f"survey {survey.title}")
            for number, resident in enumerate(self.residents):
                (answer or self.answer)(survey, resident, number)
        return survey

    def answer(self, survey, resident, number):
        """Varied answers from a demo resident, so that the results have something to show."""
        frequency, uses, satisfaction, district, wish = survey.questions.order_by("sort_order")
        answers = {
            frequency: frequency.options[number % 4],
            uses: uses.options[: 1 + number % 3]
            + ([services.Other("Les fêtes")] if number % 5 == 0 else []),
            satisfaction: float(1 + number * 7 % 5),
            district: self.districts["centre-ville" if number % 3 else "le-port"].name,
        }
        if number % 2:
            answers[wish] = "De l’ombre et des bancs."
        services.answer_survey(survey=survey, participant=resident, answers=answers)

    def restitution_page(self, spec):
        """The restitution, its timeline dated in months relative to the day of loading."""
        return RestitutionPage(
            title=spec["title"], summary=spec["summary"], body=self.restitution_body(spec)
        )

    def restitution_body(self, spec, english=None):
        """The body of a restitution: in French, or in `english` (its "en" dict) with the
        French steps' dates."""
        steps = []
        for number, step in enumerate(spec["timeline"]["steps"]):
            when = self.day(step["days"])
            text = english["timeline"]["steps"][number] if english else step
            if english:
                with translation.override("en"):
                    month = date_format(when, "F Y")
            else:
                month = f"{MONTHS[when.month - 1].capitalize()} {when.year}"
            steps.append(
                {
                    "when": month,
                    "title": text["title"],
                    "description": text.get("description", ""),
                    "done": step.get("done", False),
                }
            )
        words = english or spec
        timeline = {
            "type": "timeline",
            "value": {"title": words["timeline"]["title"], "steps": steps},
        }
        body = [
            {**block, "value": {**block["value"], "survey": self.survey_pk(block["value"])}}
            if block["type"] == "survey_results"
            else block
            for block in words["body"]
        ]
        return [*body, timeline]

    def survey_pk(self, value):
        """A survey named by its title in the spec."""
        return Survey.objects.get(title=value["survey"], translation_of=None).pk

    def moment(self, day, at):
        """An aware datetime in Paris, the time zone of the town."""
        return timezone.make_aware(datetime.combine(day, at), timezone.get_default_timezone())

    def event_page(self, spec):
        """An unsaved event, on the day `spec["day"]` days from today, at Paris times."""
        day = self.day(spec["day"])
        if spec.get("all_day"):
            start, end = time.min, time(23, 59, 59)
        else:
            start, end = time.fromisoformat(spec["start"]), time.fromisoformat(spec["end"])
        place_name, address, latitude, longitude = spec.get("place", ("", "", None, None))
        page = EventPage(
            title=spec["title"],
            summary=spec["summary"],
            start=self.moment(day, start),
            end=self.moment(day, end),
            all_day=spec.get("all_day", False),
            state=spec.get("state", "scheduled"),
            state_note=spec.get("state_note", ""),
            image=self.images.get(spec.get("image")),
            place_name=place_name,
            address=address,
            latitude=Decimal(latitude) if latitude else None,
            longitude=Decimal(longitude) if longitude else None,
            online_url=spec.get("online_url", ""),
            accessibility_notes=spec.get("accessibility_notes", ""),
            organiser=self.organisers[spec["organiser"]],
            free_entry=spec.get("free_entry", True),
            registration_url=spec.get("registration_url", ""),
            consultation=self.consultations.get(spec.get("consultation")),
            **dict.fromkeys(spec.get("access", []), True),
        )
        page.themes = [self.themes[slug] for slug in spec.get("themes", [])]
        page.districts = [self.districts[slug] for slug in spec.get("districts", [])]
        return page

    def tour(self, agenda, spec):
        """The travelling agora: a tour page whose stops are its child events."""
        tour = self.child_page(
            agenda,
            EventTourPage,
            spec["slug"],
            lambda: EventTourPage(
                title=spec["title"],
                summary=spec["summary"],
                hero_image=self.images[spec["image"]],
                body=spec["body"],
            ),
        )
        for stop in spec["stops"]:
            stop = {**spec["stop_defaults"], **stop}
            self.child_page(tour, EventPage, stop["slug"], partial(self.event_page, stop))
        return tour

    # The English pages: each a copy of its French page for translation, written in English
    # from the specs' "en" dicts, parents before children (Wagtail would copy an untranslated
    # parent as an alias, kept in draft). The participation items stay the French ones.

    def english_items(self):
        """English versions of the surveys, idea boxes and petition, as wagtail-localize makes
        them: their words only, what residents give stays with the French originals
        (participation/models/translated.py)."""
        self.english_items_by_id = {}
        for model, spec in (
            (Survey, projects.SURVEY),
            (Survey, projects.PARK_SURVEY),
            (IdeaBox, projects.IDEA_BOX),
            (IdeaBox, projects.PARK_IDEA_BOX),
            (IdeaBox, budgets.IDEA_BOX),
            (Petition, projects.PETITION),
        ):
            # Read again: a copy of an instance holding its children in memory would take them.
            french = model.objects.get(title=spec["title"], locale=self.fr)
            english = french.get_translation_or_none(self.en)
            if english is None:
                english = self.english_item(french, spec["en"])
            self.english_items_by_id[model, french.pk] = english.pk

    def english_item(self, french, words):
        english = french.copy_for_translation(self.en)
        for field in ("title", "introduction", "thank_you", "text"):
            if field in words:
                setattr(english, field, words[field])
        children = {Survey: "questions", IdeaBox: "extra_fields", Petition: "thresholds"}
        relation = children[type(french)]
        ordered = sorted(getattr(english, relation).all(), key=lambda child: child.sort_order or 0)
        if isinstance(french, Petition):
            ordered.sort(key=lambda threshold: threshold.count)
            for threshold, (label, consequence) in zip(ordered, words["thresholds"], strict=True):
                threshold.label, threshold.consequence = label, consequence
        else:
            for child, texts in zip(ordered, words[relation], strict=True):
                for field, text in texts.items():
                    setattr(child, field, text)
        setattr(english, relation, ordered)
        english.save()
        self.note(f"translation {english.title}")
        return english

    def english_consultations_and_agenda(self, home):
        """English versions of the consultations, restitutions, agenda, events and tour."""
        self.english_themes = self.english_terms(Theme)
        self.english_districts = self.english_terms(District)
        list_page = StandardPage.objects.child_of(home).get(slug=projects.IDEA_LIST_PAGE["slug"])
        self.english_version(list_page, projects.IDEA_LIST_PAGE["en"], ("summary",))
        index = ConsultationIndexPage.objects.child_of(home).get()
        self.english_version(index, projects.CONSULTATION_INDEX["en"], ("summary", "body"))
        for spec in CONSULTATIONS:
            french = self.consultations[spec["slug"]]
            self.english_version(
                french, spec["en"], prepare=partial(self.english_consultation, spec)
            )
            if "restitution" in spec:
                restitution = RestitutionPage.objects.child_of(french).get()
                self.english_version(
                    restitution,
                    spec["restitution"]["en"],
                    ("summary",),
                    prepare=partial(self.english_restitution, spec["restitution"]),
                )
        agenda = AgendaPage.objects.child_of(home).get()
        self.english_version(agenda, projects.AGENDA["en"], ("summary",))
        for spec in projects.EVENTS:
            event = EventPage.objects.child_of(agenda).get(slug=spec["slug"])
            self.english_event(event, spec["en"])
        self.english_tour(agenda, projects.TOUR)

    def english_terms(self, model):
        """{French term's pk: its English translation} for themes or districts."""
        english = {term.translation_key: term for term in model.objects.filter(locale=self.en)}
        return {
            term.pk: english[term.translation_key] for term in model.objects.filter(locale=self.fr)
        }

    def english_version(self, page, spec, fields=(), prepare=None):
        """The English version of `page`, if missing: copied for translation, its title, slug
        and `fields` taken from `spec`, finished by `prepare(english)`, then published."""
        english = page.get_translation_or_none(self.en)
        if english is not None:
            return english.specific
        english = page.specific.copy_for_translation(self.en)
        english.title = spec["title"]
        english.slug = spec["slug"]
        for field in fields:
            setattr(english, field, spec[field])
        if prepare is not None:
            prepare(english)
        english.save_revision().publish()
        self.note(f"translation {english.title}")
        return english

    def in_english(self, page):
        """The English version of a French page (created before it is needed)."""
        return page.get_translation(self.en)

    def english_taxonomies(self, page):
        """The page's themes and districts, the English ones (its filters and tags)."""
        page.themes = [self.english_themes[term.pk] for term in page.themes.all()]
        page.districts = [self.english_districts[term.pk] for term in page.districts.all()]

    def english_consultation(self, spec, page):
        english = spec["en"]
        for field in ("summary", "objectives", "contribution_use", "rules"):
            setattr(page, field, english[field])
        for field in ("guarantor", "guarantor_contact"):
            if field in english:
                setattr(page, field, english[field])
        page.contact = [{"type": "contact", "value": {**spec["contact"], **english["contact"]}}]
        page.body = self.english_body(page, self.english_blocks(spec))
        phases = sorted(page.phases.all(), key=lambda phase: phase.sort_order)
        for phase, words in zip(phases, english["phases"], strict=True):
            phase.title, phase.description = words["title"], words["description"]
        page.phases = phases
        self.english_taxonomies(page)

    def english_blocks(self, spec):
        """The English body blocks of a consultation that embed no participation item."""
        if spec["slug"] == budgets.BUDGET_2027:
            page = self.consultations[spec["slug"]]
            box = IdeaBox.objects.get(consultation=page, translation_of=None)
            envelopes = list(page.envelopes.order_by("pk"))
            body = self.budget_2027_body(spec["en"], box, envelopes, language="en")
            return [block for block in body if block["type"] not in EMBEDDING_BLOCKS]
        return spec["en"]["body"]

    def english_body(self, page, blocks):
        """The French body (copied on `page`) with its text blocks replaced by `blocks` in
        order, and its participation blocks kept where they are."""
        french = page.body.raw_data
        text_blocks = [block for block in french if block["type"] not in EMBEDDING_BLOCKS]
        if len(text_blocks) != len(blocks):
            raise ValueError(f"{page.title}: {len(blocks)} English blocks for {len(text_blocks)}")
        english = iter(blocks)
        body = []
        for block in french:
            if block["type"] in EMBEDDING_BLOCKS:
                value = dict(block["value"])
                # The English item, as wagtail-localize would name it.
                for field, model in (
                    ("survey", Survey),
                    ("idea_box", IdeaBox),
                    ("petition", Petition),
                ):
                    if (model, value.get(field)) in self.english_items_by_id:
                        value[field] = self.english_items_by_id[model, value[field]]
                if value.get("list_page"):
                    value["list_page"] = self.in_english(Page.objects.get(pk=value["list_page"])).pk
                body.append({"type": block["type"], "value": value})
            else:
                body.append(next(english))
        return body

    def english_restitution(self, spec, page):
        page.body = self.restitution_body(spec, english=spec["en"])
        # Taken again at publication, in English (names of themes and districts, links).
        page.results = {}

    def english_event(self, event, words, defaults=None):
        """An event's English version: its texts, its consultation's English page."""

        texts = {**(defaults or {}), **words}

        def prepare(page):
            for field in ("summary", "place_name", "accessibility_notes", "state_note"):
                if field in texts:
                    setattr(page, field, texts[field])
            if page.consultation_id:
                page.consultation = self.in_english(page.consultation)
            self.english_taxonomies(page)

        return self.english_version(event, words, prepare=prepare)

    def english_tour(self, agenda, spec):
        tour = EventTourPage.objects.child_of(agenda).get(slug=spec["slug"])
        self.english_version(tour, spec["en"], ("summary", "body"))
        for stop, words in zip(spec["stops"], spec["en"]["stops"], strict=True):
            event = EventPage.objects.child_of(tour).get(slug=stop["slug"])
            self.english_event(event, words, defaults=spec["en"]["stop_defaults"])
