"""The moderation of ideas in the admin, ideas typed in from paper, and the figures.

Wagtail's generic snippet views, specialised. Every write goes through `services`, which
records who did what and e-mails the authors. An author's e-mail address is never shown.
"""

from functools import reduce
from operator import or_
from urllib.parse import urlsplit

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import QueryDict
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, Panel
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import Locale
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views import snippets

from portal.pages.models import ConsultationPage, District, Theme

from . import services
from .figures import consultation_figures
from .forms import PlainTextField, SingleLineTextField
from .models import Idea, IdeaBox, IdeaSource, IdeaStatus
from .models.ideas import REASON_REQUIRED, TRANSITIONS
from .permissions import reads_confidential

# Moderators and editors both have it: everyone who works on participation sees the figures.
DASHBOARD_PERMISSION = "participation.view_ideabox"
SEARCH_FIELDS = ["title", "description"]
QUEUE, ALL = "queue", "all"
ADMIN_CSS = {"all": ["participation/admin.css"]}


def queue_url():
    return reverse(Idea.snippet_viewset.get_url_name("list"))


# The list of ideas


class IdeaFilterSet(WagtailFilterSet):
    """The moderators' filters; without a status in the query, the list is the queue."""

    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=[
            (QUEUE, gettext_lazy("Moderation queue")),
            (ALL, gettext_lazy("All ideas")),
            *IdeaStatus.choices,
        ],
        empty_label=None,
        initial=QUEUE,
        method="filter_status",
        widget=forms.RadioSelect,
    )
    consultation = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Consultation"),
        field_name="box__consultation",
        queryset=ConsultationPage.objects.filter(idea_boxes__isnull=False)
        .distinct()
        .order_by("title"),
    )
    theme = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Theme"),
        queryset=Theme.objects.filter(ideabox__isnull=False).distinct(),
    )
    district = django_filters.ModelChoiceFilter(
        label=gettext_lazy("District"),
        queryset=District.objects.filter(ideabox__isnull=False).distinct(),
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Submitted between"), widget=DateRangePickerWidget
    )
    source = django_filters.ChoiceFilter(
        label=gettext_lazy("Source"),
        choices=IdeaSource.choices,
        empty_label=gettext_lazy("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Idea
        fields = []

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        if data is not None and not data.get("status"):
            data = data.copy()
            data["status"] = QUEUE
        super().__init__(data, queryset, request=request, prefix=prefix)

    def filter_status(self, queryset, name, value):
        if value == QUEUE:
            return queryset.awaiting_moderation()
        if value == ALL:
            return queryset
        return queryset.filter(status=value)


def ideas_in_listing(listing_url, request):
    """The ideas a listing address shows, with its filters and search, as the listing does."""
    query = QueryDict(urlsplit(listing_url).query)
    filters = IdeaFilterSet(query, queryset=Idea.objects.all(), request=request)
    ideas = filters.qs if filters.is_valid() else Idea.objects.all()
    if words := query.get("q", "").strip():
        ideas = ideas.filter(
            reduce(or_, (Q(**{f"{name}__icontains": words}) for name in SEARCH_FIELDS))
        )
    return ideas


def source_label(idea):
    """ "Online", or the event where a paper idea was collected."""
    if idea.source == IdeaSource.PAPER and idea.collected_at:
        return _("Collected at %(event)s") % {"event": idea.collected_at.title}
    return idea.get_source_display()


class IdeaIndexView(snippets.IndexView):
    """Opens on the moderation queue and says so; one click away from every idea."""

    add_item_label = gettext_lazy("Enter an idea collected on paper")

    @cached_property
    def shows_queue(self):
        return self.filters.is_valid() and self.filters.form.cleaned_data["status"] == QUEUE

    def get_page_title(self):
        return _("Moderation queue") if self.shows_queue else super().get_page_title()

    @cached_property
    def header_buttons(self):
        if self.shows_queue:
            switch = HeaderButton(
                _("All ideas"), url=f"{self.index_url}?status={ALL}", icon_name="list-ul"
            )
        else:
            switch = HeaderButton(_("Moderation queue"), url=self.index_url, icon_name="tasks")
        return [*super().header_buttons, switch]


# One idea


class ReadOnlyPanel(Panel):
    """Something about the idea that moderators read but do not edit, drawn by a template."""

    template_name = None

    def get_context(self, idea, user):
        """The template's context, for this user."""
        return {"idea": idea}

    class BoundPanel(Panel.BoundPanel):
        class Media:
            css = ADMIN_CSS

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.template_name = self.panel.template_name

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            return {**context, **self.panel.get_context(self.instance, self.request.user)}


class IdeaDetailsPanel(ReadOnlyPanel):
    """Where the idea comes from, who signed it (public name only) and what came with it;
    confidential answers only for those who may read them."""

    template_name = "participation/admin/idea_details.html"

    def get_context(self, idea, user):
        confidential = reads_confidential(user)
        return {
            "idea": idea,
            "source": source_label(idea),
            "extra": [
                (field, idea.extra[field.key])
                for field in idea.box.extra_fields.all()
                if idea.extra.get(field.key) not in (None, "")
                and (confidential or not field.confidential)
            ],
        }


class IdeaHistoryPanel(ReadOnlyPanel):
    """Every status change, answer and correction: when, who, from and to, and why."""

    template_name = "participation/admin/idea_history.html"

    def get_context(self, idea, user):
        return {"transitions": idea.transitions.select_related("user")}


class StatusChangeForm(forms.Form):
    """A new status and its note, which the workflow requires for some statuses."""

    new_status = forms.ChoiceField(
        label=gettext_lazy("New status"),
        choices=[
            ("", gettext_lazy("Choose a status")),
            *[
                (status.value, status.label)
                for status in IdeaStatus
                if any(status in targets for targets in TRANSITIONS.values())
            ],
        ],
    )
    note = PlainTextField(
        label=gettext_lazy("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Required to reject an idea (the note is e-mailed to its author, never published) "
            "or to mark it not retained (the note is published as the reason)."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        new_status, note = cleaned.get("new_status"), cleaned.get("note")
        if new_status in REASON_REQUIRED and not note:
            self.add_error("note", _("Give the reason for this status."))
        if note and not new_status:
            self.add_error(
                "note", _("Choose the status this note explains, or leave the note empty.")
            )
        return cleaned


class IdeaTextForm(WagtailAdminModelForm):
    """What an idea says, in plain text, within the limits residents have."""

    title = SingleLineTextField(label=gettext_lazy("Title"), max_length=140)
    description = PlainTextField(
        label=gettext_lazy("Description"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )


class IdeaModerationForm(StatusChangeForm, IdeaTextForm):
    """One idea's moderation: corrections, a status the workflow allows next, the answer.

    The answer and the status are not model fields here: the view hands them to the
    services, which record them and tell the author.
    """

    answer = PlainTextField(
        label=gettext_lazy("Official answer"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("Public, shown with the idea; its author is told by e-mail."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        idea = self.instance
        current = IdeaStatus(idea.status)
        status = self.fields["new_status"]
        status.required = False
        status.choices = [
            ("", _("Keep “%(status)s”") % {"status": current.label}),
            *[
                (choice.value, choice.label)
                for choice in IdeaStatus
                if choice in TRANSITIONS[current]
            ],
        ]
        self.fields["answer"].initial = idea.official_answer
        for name in ("theme", "district"):
            self.offer_from_box(name)

    def offer_from_box(self, name):
        """Offer the box's themes (or districts) and the idea's own; none, no field."""
        field = self.fields[name]
        field.queryset = field.queryset.filter(
            Q(ideabox=self.instance.box_id) | Q(pk=getattr(self.instance, f"{name}_id"))
        ).distinct()
        if not field.queryset.exists():
            del self.fields[name]


CORRECTABLE = ("title", "description", "theme", "district")


class IdeaEditView(snippets.EditView):
    """Corrections, answer, then status, through the services.

    The author gets one e-mail with the answer and the new status: each notice replaces the
    one before (services.tell_author).
    """

    def save_instance(self):
        idea, data, user = self.form.instance, self.form.cleaned_data, self.request.user
        services.correct_idea(
            idea=idea, user=user, **{name: data[name] for name in CORRECTABLE if name in data}
        )
        services.answer_idea(idea=idea, user=user, answer=data["answer"])
        if data["new_status"]:
            services.change_status(
                idea=idea, to_status=data["new_status"], user=user, note=data["note"]
            )
        return idea

    def get_history_url(self):
        """None: the idea's history is the panel of the form, recorded by the services."""
        return None

    @cached_property
    def header_buttons(self):
        """Public ideas get a link to their page, in the language of their consultation."""
        if not self.object.is_public:
            return super().header_buttons
        with translation.override(self.object.box.consultation.locale.language_code):
            url = self.object.get_absolute_url()
        view_on_site = HeaderButton(
            _("View on site"),
            url=url,
            icon_name="link-external",
            attrs={"target": "_blank", "rel": "noreferrer"},
        )
        return [*super().header_buttons, view_on_site]


IDEA_PANELS = ObjectList(
    [
        IdeaDetailsPanel(heading=gettext_lazy("The idea")),
        MultiFieldPanel(
            [
                FieldPanel("title"),
                FieldPanel("description"),
                FieldRowPanel(
                    [
                        FieldPanel("theme", widget=forms.Select),
                        FieldPanel("district", widget=forms.Select),
                    ]
                ),
            ],
            heading=gettext_lazy("What it says"),
            help_text=gettext_lazy(
                "Correct obvious mistakes only: every correction is kept in the history."
            ),
        ),
        MultiFieldPanel(
            [FieldPanel("new_status"), FieldPanel("note")], heading=gettext_lazy("Decision")
        ),
        FieldPanel("answer"),
        IdeaHistoryPanel(heading=gettext_lazy("History")),
    ],
    base_form_class=IdeaModerationForm,
)


# Ideas written on paper


class PaperIdeaForm(IdeaTextForm):
    """An idea written on paper at an event: its box and event, and what the paper says."""

    author_name = SingleLineTextField(
        label=gettext_lazy("Public name of the author"),
        max_length=60,
        required=False,
        help_text=gettext_lazy("Only if the author wrote one to be shown; otherwise anonymous."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["box"].label = _("Idea box")
        self.fields["box"].queryset = IdeaBox.objects.order_by("-opens_at")
        self.fields["collected_at"].required = True
        for name in ("theme", "district"):
            field = self.fields[name]
            field.queryset = field.queryset.filter(ideabox__isnull=False).distinct()

    def clean(self):
        cleaned = super().clean()
        box = cleaned.get("box")
        if box is None:
            return cleaned
        for name, offered in (("theme", box.themes.all()), ("district", box.districts.all())):
            value = cleaned.get(name)
            if value is not None and value not in offered:
                self.add_error(name, _("This idea box does not offer this choice."))
        if cleaned.get("theme") is None and box.themes.exists():
            self.add_error("theme", _("This idea box asks for a theme."))
        return cleaned


PAPER_FIELDS = ("box", "collected_at", "author_name", "title", "description", "theme", "district")

PAPER_PANELS = ObjectList(
    [
        FieldRowPanel([FieldPanel("box", widget=forms.Select), FieldPanel("collected_at")]),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel(
            [FieldPanel("theme", widget=forms.Select), FieldPanel("district", widget=forms.Select)]
        ),
        FieldPanel("author_name"),
    ],
    base_form_class=PaperIdeaForm,
)


class PaperIdeaCreateView(snippets.CreateView):
    """Officers type in the ideas collected at an event; entering one publishes it.

    The form comes back empty after each one, for the next sheet of the pile.
    """

    page_subtitle = gettext_lazy("Idea collected on paper")
    success_message = gettext_lazy("Idea “%(object)s” entered and published.")

    def save_instance(self):
        data = self.form.cleaned_data
        return services.enter_paper_idea(
            user=self.request.user, **{name: data[name] for name in PAPER_FIELDS}
        )

    def get_success_url(self):
        return self.add_url


# Bulk actions


class IdeaStatusBulkAction(SnippetBulkAction):
    """Moves each selected idea through `change_status`.

    Ideas the workflow does not let go to the new status are left as they are and named in a
    message; the others change.
    """

    models = [Idea]
    template_name = "participation/admin/bulk_status.html"
    to_status = None  # None: chosen in the form
    explanation = ""

    def __init__(self, request, model):
        super().__init__(request, model)
        self.refused = []

    def check_perm(self, idea):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", idea
        )

    def get_all_objects_in_listing_query(self, parent_id):
        """ "Select all" means the ideas the filtered list shows, not every idea there is."""
        return ideas_in_listing(self.next_url, self.request).values_list("pk", flat=True)

    def object_context(self, idea):
        context = super().object_context(idea)
        context["status"] = idea.get_status_display()
        if self.to_status:
            context["refused"] = self.to_status not in TRANSITIONS[IdeaStatus(idea.status)]
        return context

    def target_status(self):
        return IdeaStatus(self.to_status or self.cleaned_form.cleaned_data["new_status"])

    def get_execution_context(self):
        return {
            "user": self.request.user,
            "to_status": self.target_status(),
            "note": self.cleaned_form.cleaned_data.get("note", ""),
            "refused": self.refused,
        }

    @classmethod
    def execute_action(cls, ideas, *, user, to_status, note, refused):
        for idea in ideas:
            try:
                services.change_status(idea=idea, to_status=to_status, user=user, note=note)
            except services.InvalidTransition:
                refused.append(idea)
        return len(ideas) - len(refused), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        if num_parent_objects:
            return ngettext(
                "%(count)d idea is now “%(status)s”.",
                "%(count)d ideas are now “%(status)s”.",
                num_parent_objects,
            ) % {"count": num_parent_objects, "status": self.target_status().label}
        return None

    def form_valid(self, form):
        response = super().form_valid(form)
        if self.refused:
            messages.warning(
                self.request,
                _("Left unchanged, the workflow does not allow it: %(titles)s.")
                % {"titles": ", ".join(f"“{idea.title}”" for idea in self.refused)},
            )
        return response


class PublishIdeas(IdeaStatusBulkAction):
    display_name = gettext_lazy("Publish")
    action_type = "publish"
    aria_label = gettext_lazy("Publish the selected ideas")
    action_priority = 10
    to_status = IdeaStatus.PUBLISHED
    explanation = gettext_lazy("Published ideas are shown on the site; their authors are told.")


class RejectForm(forms.Form):
    note = PlainTextField(
        label=gettext_lazy("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Kept in the history and e-mailed to the idea's author; never published."
        ),
    )


class RejectIdeas(IdeaStatusBulkAction):
    display_name = gettext_lazy("Reject")
    action_type = "reject"
    aria_label = gettext_lazy("Reject the selected ideas")
    action_priority = 20
    classes = {"serious"}
    to_status = IdeaStatus.REJECTED
    form_class = RejectForm
    explanation = gettext_lazy(
        "Rejected ideas are not shown on the site; their authors are e-mailed the reason."
    )


class ChangeIdeaStatus(IdeaStatusBulkAction):
    display_name = gettext_lazy("Change status")
    action_type = "change_status"
    aria_label = gettext_lazy("Change the status of the selected ideas")
    action_priority = 30
    form_class = StatusChangeForm
    explanation = gettext_lazy("Authors are told of the new status by e-mail.")


# Figures


class ParticipationDashboardView(WagtailAdminTemplateMixin, TemplateView):
    """Each live consultation's figures, newest first.

    Consultations are listed in the default language: translations share their contributions.
    A few queries per consultation (see figures.py), none per contribution.
    """

    template_name = "participation/admin/dashboard.html"
    page_title = gettext_lazy("Participation dashboard")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(DASHBOARD_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        awaiting = (
            Idea.objects.awaiting_moderation()
            .filter(box__consultation=OuterRef("pk"))
            .values("box__consultation")
            .annotate(count=Count("pk"))
            .values("count")
        )
        consultations = (
            ConsultationPage.objects.live()
            .filter(locale=Locale.get_default())
            .with_dates()
            .annotate(awaiting=Coalesce(Subquery(awaiting), 0))
            .order_by(F("opens_on").desc(nulls_first=True), "-pk")
            .only("title")
        )
        rows = [
            (consultation, consultation_figures(consultation)) for consultation in consultations
        ]
        return super().get_context_data(rows=rows, queue_url=queue_url(), **kwargs)


class ModerationQueuePanel(Component):
    """On the admin's home page: how many ideas wait for a moderator, and the way to them."""

    name = "participation_moderation_queue"
    template_name = "participation/admin/moderation_queue_panel.html"
    order = 50

    class Media:
        css = ADMIN_CSS

    def get_context_data(self, parent_context):
        return {"count": Idea.objects.awaiting_moderation().count(), "queue_url": queue_url()}
