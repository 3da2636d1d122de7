"""What every editorial page has: a summary for cards and search, and a body of blocks."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.blocks import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks.participation import ParticipationBlock
from portal.blocks.streams import BodyStreamBlock
from portal.core.http import see_other

# The rendition every card shows (portal/templates/includes/*card.html).
CARD_IMAGE = "fill-640x360"


def block_errors(errors):
    """A body error that shows each message next to its field, in its block, in the editor.

    `errors` is {block index: (field name, message)}.
    """
    return StreamBlockValidationError(
        block_errors={
            index: StructBlockValidationError(block_errors={field: ValidationError(message)})
            for index, (field, message) in errors.items()
        }
    )


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
    # Pages holding forms set this to be cached for newcomers, visitors without a session,
    # with holes for their CSRF tokens (portal/core/page_cache.py).
    cache_for_newcomers = False
    # The query parameters that choose what such a page shows (filters, page number): with
    # any other, the page is served fresh and not stored.
    query_parameters = ()

    class Meta:
        abstract = True

    @property
    def participation_url(self):
        """Where the body's busiest forms post (pages.views.take_part); in the preview of a
        page not yet saved, the address shown (the page's own takes them too)."""
        return reverse("pages:take_part", args=[self.pk]) if self.pk else ""

    def participation_block(self, block_id):
        """(block, value) of the body's block `block_id` if it takes a POST, else None: only
        that block is read from the stream (the others may each cost queries)."""
        blocks = self.body.stream_block.child_blocks
        for raw in self.body.raw_data:
            block = blocks.get(raw["type"])
            if raw.get("id") == block_id and isinstance(block, ParticipationBlock):
                return block, block.to_python(raw["value"])
        return None

    @property
    def can_be_cached(self):
        """Cached for anonymous visitors unless a block varies per request (forms, lists).

        Read from the raw stream, so that deciding costs no query.
        """
        varying_types = {
            name
            for name, block in self.body.stream_block.child_blocks.items()
            if getattr(block, "varies_per_request", False)
        }
        return self.cache_for_anonymous and not any(
            block["type"] in varying_types for block in self.body.raw_data
        )

    def cache_query_parameters(self):
        """The page's own query parameters and those its blocks read (a block-prefixed one
        names its block)."""
        names = set(self.query_parameters)
        blocks = self.body.stream_block.child_blocks
        for raw in self.body.raw_data:
            block = blocks.get(raw["type"])
            if hasattr(block, "query_parameters"):
                names.update(block.query_parameters(raw.get("id") or ""))
        return names

    def serve(self, request, *args, **kwargs):
        if request.method == "POST" and "block_id" in request.POST:
            return self.serve_participation(request, request.POST["block_id"])
        return super().serve(request, *args, **kwargs)

    def serve_participation(self, request, block_id):
        """Hand the POST to its block: a redirect on success, the page again with its form
        (400 with errors; 200 for a form shown again without any, as a ballot's running
        total is)."""
        found = self.participation_block(block_id)
        if found is None:
            messages.error(request, gettext("This form no longer exists; please try again."))
            return see_other(self.url)
        block, value = found
        outcome = block.handle_post(request, self, value, block_id)
        if isinstance(outcome, HttpResponse):
            return outcome
        context = self.get_context(request)
        context["block_forms"] = {block_id: outcome}
        status = 400 if outcome.errors else 200
        return TemplateResponse(request, self.get_template(request), context, status=status)

    @property
    def meta_description(self):
        return self.search_description or self.summary
