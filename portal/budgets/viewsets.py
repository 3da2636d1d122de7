"""Participatory budgets' screens in the admin: envelopes (with their vote's screens) and the
feasibility queue of budget projects. The "Participation" menu that shows them is assembled by
portal/proposals/wagtail_hooks.py (an app above), as participation's screens are."""

from django import forms
from django.db.models import Count
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import (
    BallotsExportView,
    DeclareResultsView,
    EnvelopeCreateView,
    EnvelopeEditView,
    EnvelopeForm,
    EnvelopeIndexView,
    PaperBallotView,
    ResultsExportView,
    VoteDashboardView,
)
from .models import Envelope, euros
from .moderation import BudgetProjectViewSet

ENVELOPE_PANELS = ObjectList(
    [
        FieldPanel("title"),
        FieldPanel("consultation", widget=forms.Select),
        FieldRowPanel([FieldPanel("amount"), FieldPanel("district")]),
        MultiFieldPanel(
            [
                FieldPanel("method"),
                FieldRowPanel([FieldPanel("max_choices"), FieldPanel("points")]),
            ],
            heading=_("How residents vote"),
        ),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldPanel("results_hidden_while_open"),
    ],
    base_form_class=EnvelopeForm,
)

# The screens of an envelope's vote: (URL name, path, view).
VOTE_VIEWS = [
    ("dashboard", "vote/<int:pk>/", VoteDashboardView),
    ("paper", "vote/<int:pk>/ballots/", PaperBallotView),
    ("declare", "vote/<int:pk>/declare/", DeclareResultsView),
    ("results_csv", "vote/<int:pk>/results.csv", ResultsExportView),
    ("ballots_csv", "vote/<int:pk>/ballots.csv", BallotsExportView),
]


def amount_label(envelope):
    return euros(envelope.amount)


class EnvelopeViewSet(SnippetViewSet):
    """Editors set up envelopes; from each one, officers reach its vote's screens."""

    model = Envelope
    icon = "pick"
    menu_label = _("Envelopes")
    search_fields = ["title"]
    copy_view_enabled = False
    index_view_class = EnvelopeIndexView
    add_view_class = EnvelopeCreateView
    edit_view_class = EnvelopeEditView
    edit_handler = ENVELOPE_PANELS
    list_display = [
        "title",
        "consultation",
        Column("amount", label=_("Amount"), accessor=amount_label, sort_key="amount"),
        Column("method", label=_("Voting method"), accessor="get_method_display"),
        "closes_at",
        Column("ballot_count", label=_("Ballots"), sort_key="ballot_count"),
    ]

    def get_queryset(self, request):
        return (
            Envelope.objects.select_related("consultation")
            .annotate(ballot_count=Count("ballots"))
            .order_by("-opens_at", "title")
        )

    @property
    def url_names(self):
        return {name: self.get_url_name(name) for name, _path, _view in VOTE_VIEWS}

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(url_names=self.url_names, **kwargs)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            *(
                path(
                    route,
                    self.construct_view(
                        view, url_names=self.url_names, index_url_name=self.get_url_name("list")
                    ),
                    name=name,
                )
                for name, route, view in VOTE_VIEWS
            ),
        ]


__all__ = ["BudgetProjectViewSet", "EnvelopeViewSet"]
