"""What every editorial page has: a summary for cards and search, and a body of blocks."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks.streams import BodyStreamBlock

# What any page link needs: the card and menu querysets load these and their own fields only,
# because compiling selects of Wagtail's wide page rows costs more than running them.
LINK_FIELDS = ("id", "title", "path", "depth", "url_path", "locale_id", "content_type_id")
# The rendition every card shows (portal/templates/includes/*card.html).
CARD_IMAGE = "fill-640x360"


class BasePage(Page):
    """Abstract base: summary and body, indexed for search, previewable."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=400,
        help_text=_(
            "Two or three sentences shown under the title, in lists and in search "
            "results. Plain language."
        ),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
    ]

    # Pages without per-visitor content set this to be cached for anonymous visitors
    # (portal/core/page_cache.py).
    cache_for_anonymous = False

    class Meta:
        abstract = True

    @property
    def meta_description(self):
        return self.search_description or self.summary
