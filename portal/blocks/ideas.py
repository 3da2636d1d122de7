"""An idea box on a page: the form residents propose through, and the list of published ideas.

They present; `participation.services` writes (the protocol: participation/contributions.py).
"""

import hashlib
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from portal.core import page_cache
from portal.core.listing import paginate, seed_field, shuffle, valid_filters
from portal.participation import eligibility, identity, services
from portal.participation.contributions import Contribution
from portal.participation.forms import IdeaForm
from portal.participation.models import Idea, IdeaBox, IdeaStatus
from portal.participation.models.ideas import PUBLIC_STATUSES
from portal.participation.models.translated import shown_with_original
from portal.participation.names import box_choices

from .participation import ParticipationBlock, opening_state


def latest_box():
    """What the admin previews the idea blocks with: the box that opened last, if any."""
    return IdeaBox.objects.order_by("-opens_at").first()


class ProposingIdea(Contribution):
    """An idea for the block's idea box; it is published once a moderator has read it."""

    action = "idea"
    offers_follow = True
    counted = _(
        "Thank you: your idea is received. It will be published once a moderator "
        "has read it; we will tell you by e-mail."
    )
    waiting = _(
        "Almost done: open the link we sent to %(email)s to confirm your idea. "
        "It will then be read by a moderator."
    )

    def form(self, participant):
        return IdeaForm(
            self.request.POST,
            self.request.FILES,
            box=self.shown,
            ask_identity=participant is None,
            prefix=self.prefix,
            eligibility=self.eligibility_rule(),
        )

    def write(self, participant, form):
        services.submit_idea(
            box=self.subject,
            participant=participant,
            declaration=form.declaration,
            **form.idea_fields(),
        )


class IdeaFormBlock(ParticipationBlock):
    """The form residents propose an idea through, for one idea box."""

    contribution = ProposingIdea
    subject = "idea_box"
    idea_box = SnippetChooserBlock("participation.IdeaBox", label=_("Idea box"))
    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=160,
        help_text=_("Leave empty to use the idea box's title."),
    )

    class Meta:
        icon = "comment"
        label = _("Idea form")
        template = "blocks/idea_form.html"
        description = _("The form residents propose ideas through, for an idea box.")

    def get_preview_value(self):
        return self.normalize({"idea_box": latest_box()})

    def invitation(self, value, page):
        box, _original = shown_with_original(value["idea_box"], page.locale_id)
        if box is None or opening_state(box) != "open":
            return None
        return gettext("Propose an idea"), value["heading"] or box.title

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = context.get("request")
        page = context.get("page")
        box, _original = shown_with_original(value["idea_box"], getattr(page, "locale_id", None))
        block_id = context.get("block_id", "")
        participant = identity.participant_in_session(request) if request else None
        form = (context.get("block_forms") or {}).get(block_id)
        if form is None and box is not None:
            form = IdeaForm(
                box=box,
                ask_identity=participant is None,
                prefix=block_id,
                eligibility=eligibility.rule_for(box.consultation_id),
            )
        context.update(
            box=box,
            block_id=block_id,
            anchor=f"block-{block_id}",
            participant=participant,
            state=opening_state(box) if box else None,
            retention_months=settings.PARTICIPATION_RETENTION_MONTHS,
            form=form,
            fold=self.fold(context, block_id),
        )
        return context


def for_cards(ideas):
    """What an idea's card shows, and nothing more."""
    return ideas.select_related("theme", "district", "collected_at").only(
        "id",
        "title",
        "description",
        "status",
        "support_count",
        "published_at",
        "author_name",
        "source",
        "language",
        "image",
        "image_alt",
        "official_answer",
        "public_reason",
        "theme__name",
        "district__name",
        "collected_at__title",
    )


def in_language(ideas, box):
    """The cards' themes and districts named in the page's language: the box's choices, kept
    in the cache (names.box_choices), so that it costs no query; an idea filed under a term the
    box no longer offers keeps that term's own name."""
    themes, districts = (dict(choices) for choices in box_choices(box))
    for idea in ideas:
        idea.theme_name = themes.get(str(idea.theme_id)) if idea.theme_id else None
        idea.district_name = districts.get(str(idea.district_id)) if idea.district_id else None
    return ideas


def rendered_cards(ideas, context):
    """The ideas' cards as HTML, each kept in the cache under a digest of what it shows: any
    change to an idea, its count or its names is a new entry, with no version to bump, so a
    list renders only the cards that changed, whatever else residents are doing. A card's
    support form is stored with a hole for the CSRF token, filled here with this visitor's
    unless the page itself is being stored with holes (page_cache.csrf_holes)."""
    page = context.get("page")
    shared = {
        "page": page,
        "supports_open": context.get("supports_open"),
        "csrf_token": page_cache.CSRF_HOLE,
    }
    variant = ":".join(
        (
            get_language(),
            str(int(bool(shared["supports_open"]))),
            str(int(bool(page and page.can_be_cached))),
        )
    )
    by_key = {f"idea-card:{variant}:{idea.pk}:{_shown(idea)}": idea for idea in ideas}
    cards = page_cache.shared_many(
        by_key,
        lambda key: render_to_string(
            "participation/ideas/card.html", {**shared, "idea": by_key[key]}
        ),
    )
    request = context.get("request")
    holes = any(page_cache.CSRF_HOLE in card for card in cards.values())
    if holes and request is not None and not getattr(request, "page_cache_holes", False):
        token = get_token(request)  # only where a form asks for it: it keeps a page private
        cards = {key: card.replace(page_cache.CSRF_HOLE, token) for key, card in cards.items()}
    return [mark_safe(cards[key]) for key in by_key]  # noqa: S308 (rendered by our template)


def _shown(idea):
    """A digest of everything a card shows of `idea` (in_language's names included)."""
    collected = idea.collected_at.title if idea.collected_at else ""
    shown = (
        idea.title,
        idea.description,
        idea.status,
        idea.support_count,
        idea.published_at.isoformat() if idea.published_at else "",
        idea.author_name,
        idea.source,
        idea.language,
        idea.is_answered,
        idea.theme_name or (idea.theme.name if idea.theme_id else ""),
        idea.district_name or (idea.district.name if idea.district_id else ""),
        collected,
    )
    return hashlib.blake2b(repr(shown).encode(), digest_size=12).hexdigest()


class IdeaSort:
    SUPPORTS = "supports"
    NEWEST = "newest"
    RANDOM = "random"
    CHOICES = [
        (NEWEST, _("Newest first")),
        (SUPPORTS, _("Most supported")),
        (RANDOM, _("Random order")),
    ]


class IdeaFilterForm(forms.Form):
    """The list's filters and order; read from the query string, never fatal."""

    theme = forms.TypedChoiceField(label=_("Theme"), coerce=int, required=False, empty_value=None)
    district = forms.TypedChoiceField(
        label=_("District"), coerce=int, required=False, empty_value=None
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    sort = forms.ChoiceField(label=_("Order"), required=False, choices=IdeaSort.CHOICES)
    seed = seed_field()

    def __init__(self, *args, box, **kwargs):
        super().__init__(*args, **kwargs)
        themes, districts = box_choices(box)
        self.fields["theme"].choices = [("", _("All themes")), *themes]
        self.fields["district"].choices = [("", _("All districts")), *districts]
        self.fields["status"].choices = [("", _("All statuses"))] + [
            (status.value, status.label) for status in PUBLIC_STATUSES
        ]
        if len(self.fields["theme"].choices) == 1:
            del self.fields["theme"]
        if len(self.fields["district"].choices) == 1:
            del self.fields["district"]


def map_url(box, filters):
    """Where the map next to the list reads its points: the list's filters, in its address."""
    query = urlencode(
        {name: filters[name] for name in ("theme", "district", "status") if filters.get(name)}
    )
    url = reverse("participation:idea_map", args=[box.pk])
    return f"{url}?{query}" if query else url


class IdeaListBlock(blocks.StructBlock):
    """The published ideas of a box: filters, order, pages, each linking to its own page."""

    idea_box = SnippetChooserBlock("participation.IdeaBox", label=_("Idea box"))
    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=160,
        help_text=_("Leave empty for “The ideas proposed”."),
    )
    per_page = blocks.IntegerBlock(label=_("Ideas per page"), default=12, min_value=4, max_value=48)

    # What it shows depends on the address only (filters, order, seed, page): a page holding
    # lists and no form is cached whole, and moderation refreshes it (services.py). A random
    # order is drawn for each visitor, so neither it nor its seed is stored.
    def query_parameters(self, block_id):
        return ("theme", "district", "status", "sort", "page")

    class Meta:
        icon = "list-ul"
        label = _("List of ideas")
        template = "blocks/idea_list.html"
        description = _("The published ideas of an idea box, with filters and supports.")

    def get_preview_value(self):
        return self.normalize({"idea_box": latest_box(), "per_page": 4})

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = context.get("request")
        page = context.get("page")
        shown, box = shown_with_original(value["idea_box"], getattr(page, "locale_id", None))
        if box is None or request is None:
            return context
        notices = []
        form = IdeaFilterForm(request.GET or None, box=box)
        filters = valid_filters(form, notices)
        ideas = for_cards(Idea.objects.filter(box=box).public())
        for name in ("theme", "district", "status"):
            if filters.get(name):
                ideas = ideas.filter(**{name: filters[name]})
        sort = filters.get("sort") or IdeaSort.NEWEST
        if sort == IdeaSort.SUPPORTS:
            ideas = ideas.order_by("-support_count", "-published_at", "-pk")
        elif sort == IdeaSort.RANDOM:
            ideas = shuffle(request, ideas, form, filters.get("seed"), context)
        else:
            ideas = ideas.order_by("-published_at", "-pk")
        filtered = any(filters.get(name) for name in ("theme", "district", "status"))
        page_of_ideas = paginate(
            request,
            ideas,
            value["per_page"],
            notices,
            count=None if filtered else box.public_idea_count,
        )
        page_of_ideas.object_list = in_language(list(page_of_ideas.object_list), box)
        if notices:  # something in the address was ignored
            page_cache.never_store(request)
        anchor = f"block-{context.get('block_id', '')}"
        context.update(
            map_url=map_url(box, filters) if box.accepts_location else None,
            box=shown,
            anchor=anchor,
            action=f"{context['page'].url if context.get('page') else ''}#{anchor}",
            form=form,
            notices=notices,
            ideas=page_of_ideas,
            sort=sort,
            statuses=IdeaStatus,
            supports_open=services.box_accepts_supports(box),
        )
        context["cards"] = rendered_cards(page_of_ideas.object_list, context)
        return context


class IdeaPreviewBlock(blocks.StructBlock):
    """A box's latest published ideas, how many there are and a link to the page listing them
    all: what a consultation page shows of thousands of ideas.

    The same for every visitor until the next contribution: kept in the cache under the
    live-data version (page_cache.live), so a page showing it costs no query for it.
    """

    idea_box = SnippetChooserBlock("participation.IdeaBox", label=_("Idea box"))
    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=160,
        help_text=_("Leave empty for “The latest ideas”."),
    )
    number = blocks.IntegerBlock(label=_("Ideas shown"), default=6, min_value=2, max_value=12)
    list_page = blocks.PageChooserBlock(
        label=_("Page listing every idea"),
        required=False,
        help_text=_("A page holding the list of this box's ideas: the preview links to it."),
    )

    class Meta:
        icon = "list-ul"
        label = _("Latest ideas")
        template = "blocks/idea_preview.html"
        description = _(
            "A few of an idea box's latest published ideas, with their number and a link to "
            "the page listing them all."
        )

    def get_preview_value(self):
        return self.normalize({"idea_box": latest_box(), "number": 4})

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = context.get("page")
        shown, box = shown_with_original(value["idea_box"], getattr(page, "locale_id", None))
        if box is None:
            return context

        def latest():
            ideas = Idea.objects.filter(box=box).public().order_by("-published_at", "-pk")
            count = IdeaBox.objects.values_list("public_idea_count", flat=True).get(pk=box.pk)
            return count, list(for_cards(ideas)[: value["number"]])

        count, ideas = page_cache.live(f"idea-preview:{box.pk}:{value['number']}", latest)
        in_language(ideas, box)
        anchor = f"block-{context.get('block_id', '')}"
        context.update(box=shown, anchor=anchor, count=count, ideas=ideas)
        return context
