"""What site search finds, ranked together in one list: the live public pages of the
visitor's language (events among them), and the public ideas, petitions and participatory
budget projects of the consultations that have a live public page in that language.

Each kind is searched through Wagtail's index (the database backend: French stemming on
PostgreSQL, FTS5 on SQLite) with its visibility as a filter; the kinds' ranked querysets are
joined in one `UNION`, so that counting the results is one query and a page of results one
more, then each kind shown is loaded in one query (pages: one more per page type shown).
"""

from dataclasses import dataclass

from django.db import connection
from django.db.models import CharField, F, Q, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from portal.budgets.models import BudgetProject, Envelope
from portal.core.listing import LINK_FIELDS
from portal.pages.models import ConsultationPage, EventPage
from portal.participation.models import Idea, IdeaBox, Petition
from portal.participation.models.ideas import PUBLIC_STATUSES

PAGE, EVENT, IDEA, PETITION, PROJECT = "page", "event", "idea", "petition", "project"

LABELS = {
    PAGE: pgettext_lazy("search result", "Page"),
    EVENT: _("Event"),
    IDEA: _("Idea"),
    PETITION: _("Petition"),
    PROJECT: _("Participatory budget project"),
}


@dataclass
class Result:
    kind: str
    title: str
    url: str
    text: str = ""
    event: EventPage | None = None

    @property
    def label(self):
        return LABELS[self.kind]


class Search:
    """The results for `terms` in the active language: `ranked()` is a queryset of (kind, id,
    score) rows that the paginator counts and slices; `results(rows)` loads one page of them."""

    def __init__(self, request, terms):
        self.request = request
        self.terms = terms
        self.locale = Locale.get_active()
        # Private sections (Wagtail's page privacy), read once for every kind.
        self.private = Page.objects.all().private_q()

    def visible_pages(self):
        return Page.objects.live().exclude(self.private)

    def consultations(self):
        """The translation keys of the consultations shown in the visitor's language: their
        ideas, petitions and projects are listed there."""
        shown = self.visible_pages().type(ConsultationPage).filter(locale=self.locale)
        return shown.values("translation_key")

    def sources(self):
        keys = self.consultations()
        return {
            PAGE: self.visible_pages().filter(locale=self.locale).exclude(depth__lte=1),
            IDEA: Idea.objects.filter(
                status__in=PUBLIC_STATUSES,
                box__in=IdeaBox.objects.filter(consultation__translation_key__in=keys),
            ),
            # Not before it opens: an editor may prepare one long before residents see it.
            PETITION: Petition.objects.filter(
                consultation__in=ConsultationPage.objects.filter(translation_key__in=keys),
                opens_at__lte=timezone.now(),
            ).filter(self.in_language(Petition)),
            PROJECT: BudgetProject.objects.filter(
                envelope__in=Envelope.objects.filter(consultation__translation_key__in=keys)
            ),
        }

    def in_language(self, model):
        """A translated item once: its version in the visitor's language, else its original
        (participation/models/translated.py)."""
        in_language = model.objects.filter(locale=self.locale).values("translation_key")
        return Q(locale=self.locale) | (
            Q(translation_of__isnull=True) & ~Q(translation_key__in=in_language)
        )

    def ranked(self):
        backend = get_search_backend()
        parts = [
            backend.search(self.terms, queryset)
            .annotate_score("score")
            # The database backends' own queryset: the search as SQL, to be joined below.
            .get_queryset()
            .order_by()
            .annotate(kind=Value(kind, output_field=CharField()))
            .values_list("kind", "pk", "score")
            for kind, queryset in self.sources().items()
        ]
        # SQLite's FTS5 ranks by BM25, lower first; PostgreSQL's ts_rank, higher first.
        best_first = "score" if connection.vendor == "sqlite" else "-score"
        return parts[0].union(*parts[1:], all=True).order_by(best_first, "kind", "pk")

    def results(self, rows):
        """The Result of each (kind, id, score) row, in the rows' order."""
        ids = {kind: [] for kind in LABELS}
        for kind, pk, _score in rows:
            ids[kind].append(pk)
        found = {
            **self.pages(ids[PAGE]),
            **self.ideas(ids[IDEA]),
            **self.petitions(ids[PETITION]),
            **self.projects(ids[PROJECT]),
        }
        return [found[kind, pk] for kind, pk, _score in rows]

    def pages(self, ids):
        if not ids:
            return {}
        pages = Page.objects.filter(pk__in=ids).defer_streamfields().specific()
        return {
            (PAGE, page.pk): Result(
                kind=EVENT if isinstance(page, EventPage) else PAGE,
                title=page.title,
                url=page.get_url(self.request),
                text=page.search_description or getattr(page, "summary", ""),
                event=page if isinstance(page, EventPage) else None,
            )
            for page in pages
        }

    def ideas(self, ids):
        ideas = Idea.objects.filter(pk__in=ids).only("title", "description") if ids else []
        return {
            (IDEA, idea.pk): Result(
                kind=IDEA, title=idea.title, url=idea.get_absolute_url(), text=idea.description
            )
            for idea in ideas
        }

    def projects(self, ids):
        projects = BudgetProject.objects.filter(pk__in=ids).only("title", "summary") if ids else []
        return {
            (PROJECT, project.pk): Result(
                kind=PROJECT,
                title=project.title,
                url=project.get_absolute_url(),
                text=project.summary,
            )
            for project in projects
        }

    def petitions(self, ids):
        """A petition links to the block that shows it: on its consultation's page in the
        visitor's language, else in the language that embeds it."""
        if not ids:
            return {}
        petitions = list(
            Petition.objects.filter(pk__in=ids)
            .annotate(key=F("consultation__translation_key"))
            .only("title", "text", "translation_of")
        )
        pages = (
            ConsultationPage.objects.live()
            .exclude(self.private)
            .filter(translation_key__in={petition.key for petition in petitions})
            .only(*LINK_FIELDS, "translation_key", "body")
        )
        # The visitor's language first: the first page that embeds the petition wins.
        pages = sorted(pages, key=lambda page: page.locale_id != self.locale.pk)
        found = {}
        for petition in petitions:
            own = [page for page in pages if page.translation_key == petition.key]
            url = own[0].get_url(self.request)
            for page in own:
                block_id = support_block(page, {petition.pk, petition.original_id})
                if block_id:
                    url = f"{page.get_url(self.request)}#block-{block_id}"
                    break
            found[PETITION, petition.pk] = Result(
                kind=PETITION, title=petition.title, url=url, text=petition.text
            )
        return found


def support_block(page, petition_ids):
    """The id of the block of `page` that embeds the petition (by the id of one of its
    versions), or None (read from the raw stream: no query)."""
    for block in page.body.raw_data:
        if block["type"] != "support":
            continue
        if (block.get("value") or {}).get("petition") in petition_ids:
            return block.get("id")
    return None
