"""The home page: what is open now, what comes next, what was decided."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page, PagePermissionTester
from wagtail.search import index

from portal.blocks.streams import BodyStreamBlock
from portal.core import page_cache
from portal.core.listing import LINK_FIELDS
from portal.pages.consultation import with_participant_counts
from portal.pages.models import (
    AgendaPage,
    ConsultationIndexPage,
    ConsultationPage,
    EventPage,
    RestitutionPage,
)


class SiteRootPermissionTester(PagePermissionTester):
    """A home page holds a whole language's site: only administrators delete, move or
    unpublish it, whatever rights a group has on the pages below the root."""

    def can_delete(self, ignore_bulk=False):
        return self.user.is_superuser and super().can_delete(ignore_bulk)

    def can_unpublish(self):
        return self.user.is_superuser and super().can_unpublish()


@dataclass
class HomeSection:
    key: str
    title: str
    items: list
    template: str
    listing: Page | None
    more_label: str


def open_consultations(sections):
    """The section of open consultations, where the hero's "I take part" leads; None when
    nothing is open."""
    return next((s for s in sections if s.key == "consultations" and s.listing), None)


class HighlightBlock(blocks.StructBlock):
    """A page the editors put forward, with an optional title, text and image of its own."""

    page = blocks.PageChooserBlock(label=_("Page"))
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=120,
        help_text=_("Leave empty to use the page title."),
    )
    text = blocks.TextBlock(
        label=_("Text"),
        required=False,
        max_length=300,
        help_text=_("Leave empty to use the page summary."),
    )
    image = ImageChooserBlock(
        label=_("Image"),
        required=False,
        help_text=_("Decorative: the title says what the card is about."),
    )
    badge = blocks.CharBlock(
        label=_("Badge"),
        required=False,
        max_length=40,
        help_text=_("A short label, e.g. “Nouveau” or “Jusqu’au 30 juin”."),
    )

    def clean(self, value):
        value = super().clean(value)
        page = value.get("page")
        if page is not None and not page.live:
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("This page is not published."))}
            )
        return value

    class Meta:
        icon = "pick"
        label = _("Highlight")


class HomePage(Page):
    """The root of each language's site. Sections below the highlights fill in automatically."""

    hero_title = models.CharField(
        _("hero title"),
        max_length=120,
        help_text=_("The promise of the site in a few words, e.g. “Faisons la ville ensemble”."),
    )
    hero_text = models.TextField(_("hero text"), max_length=400, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A wide photo; it is decorative, the text carries the message."),
    )
    hero_link = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("hero button page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_link_label = models.CharField(_("hero button text"), max_length=60, blank=True)
    highlights = StreamField(
        [("highlight", HighlightBlock())],
        verbose_name=_("highlights"),
        blank=True,
        max_num=6,
        help_text=_("Up to six pages to put forward, in this order."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("more content"), blank=True)

    search_fields = [*Page.search_fields, index.SearchField("hero_text")]
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_link"),
                FieldPanel("hero_link_label"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("highlights"),
        FieldPanel("body"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["pages.StandardPage", "pages.ConsultationIndexPage", "pages.AgendaPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def permissions_for_user(self, user):
        return SiteRootPermissionTester(user, self)

    @property
    def meta_description(self):
        """What search engines show under the site's name: the editor's, or the hero's text."""
        return self.search_description or self.hero_text

    def clean(self):
        super().clean()
        if self.hero_link_id and not self.hero_link_label:
            raise ValidationError({"hero_link_label": _("Say where the button leads.")})

    def get_sections(self):
        """Open consultations, next events and latest results, each only when it has content.

        A constant number of queries whatever the number of pages (asserted in the tests).
        """
        listings = {
            type(page): page
            for page in self.get_children()
            .live()
            .type(ConsultationIndexPage, AgendaPage)
            .specific(defer=True)
        }
        consultations = with_participant_counts(
            ConsultationPage.objects.descendant_of(self)
            .live()
            .public()
            .open()
            .for_cards()
            .order_by("closes_on")[:3]
        )
        events = list(
            EventPage.objects.descendant_of(self).live().public().upcoming().for_cards()[:4]
        )
        restitutions = list(
            RestitutionPage.objects.descendant_of(self)
            .live()
            .public()
            .only(*LINK_FIELDS, "summary", "first_published_at")
            .order_by("-first_published_at")[:3]
        )
        index, agenda = listings.get(ConsultationIndexPage), listings.get(AgendaPage)
        sections = [
            HomeSection(
                "consultations",
                _("Open consultations"),
                consultations,
                "home/sections/consultations.html",
                index,
                _("All consultations"),
            ),
            HomeSection(
                "events",
                _("Next events"),
                events,
                "home/sections/events.html",
                agenda,
                _("The whole agenda"),
            ),
            HomeSection(
                "results",
                _("Latest results"),
                restitutions,
                "home/sections/results.html",
                index,
                _("All consultations"),
            ),
        ]
        return [section for section in sections if section.items]

    def get_highlight_cards(self):
        """The highlights as cards, their pages fetched in bulk (one query per page type)."""
        chosen = [block.value for block in self.highlights]
        pages = (
            Page.objects.live().public().filter(pk__in=[v["page"].pk for v in chosen if v["page"]])
        )
        specific = {page.pk: page for page in pages.specific()}
        cards = []
        for value in chosen:
            page = specific.get(value["page"].pk) if value["page"] else None
            if page is not None:
                cards.append(
                    {
                        "page": page,
                        "title": value["title"] or page.title,
                        "text": value["text"] or getattr(page, "summary", ""),
                        "image": value["image"],
                        "badge": value["badge"],
                    }
                )
        return cards

    def get_context(self, request, *args, **kwargs):
        """Highlights and sections are the same for every visitor: shared until a publish.

        A preview shows the draft's own highlights, never the published ones.
        """
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            context["highlight_cards"] = self.get_highlight_cards()
            context["sections"] = self.get_sections()
            context["open_consultations"] = open_consultations(context["sections"])
            return context
        context["highlight_cards"] = page_cache.shared(
            f"home-highlights:{self.pk}", self.get_highlight_cards
        )
        context["sections"] = page_cache.shared(
            f"home-sections:{self.pk}:{timezone.localdate()}", self.get_sections
        )
        context["open_consultations"] = open_consultations(context["sections"])
        return context
