"""The moderation of ideas in the admin: the queue and its filters, one idea's review
(corrections, status, answer, history), and the queue on the admin's home page.

Wagtail's generic snippet views, specialised. Every write goes through `services`, which
records who did what and e-mails the authors. An author's e-mail address is never shown.
"""

from functools import reduce
from operator import or_
from urllib.parse import urlsplit

import django_filters
from django import forms
from django.db.models import Q
from django.http import QueryDict
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.widgets.button import HeaderButton

from portal.core.moderation import (
    AssignmentFields,
    HistoryPanel,
    QueueFilterSet,
    QueueIndexView,
    QueuePanel,
    ReadOnlyPanel,
    ReviewEditView,
    assigned_filter,
    assignment_panels,
    status_filter,
    submitted_between,
    view_on_site,
)
from portal.pages.taxonomy import District, Theme

from .. import services
from ..forms import PlainTextField, SingleLineTextField
from ..forms.places import PLACE_FIELDS, PlaceFields
from ..membership import consultation_pages
from ..models import Idea, IdeaSource, IdeaStatus
from ..models.ideas import IDEA_WORKFLOW
from ..permissions import reads_confidential

SEARCH_FIELDS = ["title", "description"]


# The list of ideas


class IdeaFilterSet(QueueFilterSet):
    """The moderators' filters; without a status in the query, the list is the queue."""

    every = gettext_lazy("All ideas")
    status = status_filter(IdeaStatus, every=every)
    assigned = assigned_filter()
    consultation = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Consultation"),
        field_name="box__consultation",
        queryset=consultation_pages().filter(idea_boxes__isnull=False).distinct().order_by("title"),
    )
    theme = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Theme"),
        queryset=Theme.objects.filter(ideabox__isnull=False).distinct(),
    )
    district = django_filters.ModelChoiceFilter(
        label=gettext_lazy("District"),
        queryset=District.objects.filter(ideabox__isnull=False).distinct(),
    )
    created_at = submitted_between()
    source = django_filters.ChoiceFilter(
        label=gettext_lazy("Source"),
        choices=IdeaSource.choices,
        empty_label=gettext_lazy("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Idea
        fields = []


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


class IdeaIndexView(QueueIndexView):
    """Opens on the moderation queue and says so; one click away from every idea, and from
    the ideas in a spreadsheet."""

    add_item_label = gettext_lazy("Enter an idea collected on paper")
    sheet_url_name = None

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.permission_policy.user_has_permission(self.request.user, "change"):
            sheet = HeaderButton(
                _("Spreadsheet"), url=reverse(self.sheet_url_name), icon_name="table"
            )
            buttons = [*buttons, sheet]
        return buttons


# One idea


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


class IdeaHistoryPanel(HistoryPanel):
    """Every status change, answer and correction: when, who, from and to, and why."""

    template_name = "participation/admin/idea_history.html"
    workflow = IDEA_WORKFLOW
    caption = gettext_lazy("What happened to this idea, oldest first")
    nothing_yet = gettext_lazy("No moderator has acted on this idea yet.")


class StatusChangeForm(forms.Form):
    """A new status and its note, which the workflow requires for some statuses."""

    new_status = forms.ChoiceField(
        label=gettext_lazy("New status"),
        choices=[
            ("", gettext_lazy("Choose a status")),
            *[(status.value, status.label) for status in IDEA_WORKFLOW.targets],
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
        if IDEA_WORKFLOW.needs_message(new_status) and not note:
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


class IdeaModerationForm(StatusChangeForm, AssignmentFields, PlaceFields, IdeaTextForm):
    """One idea's moderation: corrections (its place among them), a status the workflow
    allows next, the answer, the assignment and a new internal note.

    The answer, the status and the note are not model fields here: the view hands them and
    the assignment to the services, which record them and tell the author.
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
            *[(choice.value, choice.label) for choice in IDEA_WORKFLOW.following(current)],
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


CORRECTABLE = ("title", "description", "theme", "district", *PLACE_FIELDS)


class IdeaEditView(ReviewEditView):
    """Corrections, answer, then status, then the assignment and the internal note, through
    the services.

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
        services.assign_idea(
            idea=idea, department=data["assigned_department"], assignee=data["assignee"]
        )
        services.note_idea(idea=idea, user=user, text=data["new_note"])
        return idea

    @cached_property
    def header_buttons(self):
        """Public ideas get a link to their page, in the language of their consultation."""
        if not self.object.is_public:
            return super().header_buttons
        with translation.override(self.object.box.consultation.locale.language_code):
            url = self.object.get_absolute_url()
        return [*super().header_buttons, view_on_site(url)]


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
                FieldPanel("place"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
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
        assignment_panels(),
        IdeaHistoryPanel(heading=gettext_lazy("History")),
    ],
    base_form_class=IdeaModerationForm,
)


class ModerationQueuePanel(QueuePanel):
    """On the admin's home page: how many ideas wait for a moderator, and the way to them."""

    name = "participation_moderation_queue"
    order = 50
    model = Idea
    heading = gettext_lazy("Ideas awaiting moderation")
    waiting = ngettext_lazy(
        "%(counter)s idea awaits moderation.", "%(counter)s ideas await moderation.", "counter"
    )
