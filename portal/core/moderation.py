"""The moderation kit of the admin, for every model moderated through a workflow.

Wagtail's generic snippet views, specialised once: a list that opens on the moderation queue
(its filters, its title, the switch to every item), the review's read-only panels and the
history of the steps, the queue on the admin's home page. A moderated model's manager has
`awaiting_moderation()`, the queue; its snippet viewset is a `QueueViewSet`. A model that is
`Assigned` (core.assignment) adds the "assigned" filter, its column, the assignment's fields
and notes panel to its review.
"""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, Panel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views import snippets
from wagtail.snippets.views.snippets import SnippetViewSet

from .assignment import NOTE_MAX_LENGTH, assignable_users

QUEUE, ALL = "queue", "all"
MINE, NOBODY = "me", "nobody"
ADMIN_CSS = {"all": ["core/admin.css"]}


def queue_url(model):
    """The admin list of a moderated model, which opens on its queue."""
    return reverse(model.snippet_viewset.get_url_name("list"))


def view_on_site(url):
    """A header button to the public page, in a new tab."""
    return HeaderButton(
        _("View on site"),
        url=url,
        icon_name="link-external",
        attrs={"target": "_blank", "rel": "noreferrer"},
    )


# The list


def status_filter(statuses, *, every):
    """The queue, every item (`every` says so: "All ideas"), or one of the `statuses`."""
    return django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=[(QUEUE, gettext_lazy("Moderation queue")), (ALL, every), *statuses.choices],
        empty_label=None,
        initial=QUEUE,
        method="filter_status",
        widget=forms.RadioSelect,
    )


def submitted_between():
    return django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Submitted between"), widget=DateRangePickerWidget
    )


def assigned_filter():
    """Items assigned to the officer who looks, or to nobody yet (no person, no department)."""
    return django_filters.ChoiceFilter(
        label=gettext_lazy("Assigned"),
        choices=[(MINE, gettext_lazy("Assigned to me")), (NOBODY, gettext_lazy("Not assigned"))],
        empty_label=gettext_lazy("Anyone"),
        method="filter_assigned",
        widget=forms.RadioSelect,
    )


class QueueFilterSet(WagtailFilterSet):
    """Without a status in the query, the list is the queue.

    A subclass declares `status = status_filter(…, every=every)` first, then its own filters.
    """

    every = None  # the label of the choice of every item

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

    def filter_assigned(self, queryset, name, value):
        if value == MINE:
            return queryset.filter(assignee=self.request.user)
        if value == NOBODY:
            return queryset.filter(assignee__isnull=True, assigned_department="")
        return queryset


class QueueIndexView(snippets.IndexView):
    """Opens on the moderation queue and says so; one click away from every item."""

    queue_title = gettext_lazy("Moderation queue")

    @cached_property
    def shows_queue(self):
        return self.filters.is_valid() and self.filters.form.cleaned_data["status"] == QUEUE

    def get_page_title(self):
        return str(self.queue_title) if self.shows_queue else super().get_page_title()

    @cached_property
    def header_buttons(self):
        if self.shows_queue:
            switch = HeaderButton(
                str(self.filters.every), url=f"{self.index_url}?status={ALL}", icon_name="list-ul"
            )
        else:
            switch = HeaderButton(_("Moderation queue"), url=self.index_url, icon_name="tasks")
        return [*super().header_buttons, switch]


def status_column(waiting):
    """The status, as a tag that stands out while it is `waiting`."""
    return StatusTagColumn(
        "status",
        label=gettext_lazy("Status"),
        accessor="get_status_display",
        sort_key="status",
        primary=lambda item: item.status == waiting,
    )


def assigned_label(item):
    """The person and the department an item is assigned to, or nothing."""
    names = [
        get_user_display_name(item.assignee) if item.assignee else "",
        item.assigned_department,
    ]
    return " · ".join(name for name in names if name)


def assigned_column():
    """Who handles each item (the list selects `assignee`)."""
    return Column("assignee", label=gettext_lazy("Assigned to"), accessor=assigned_label)


def submitted_column():
    return DateColumn("created_at", label=gettext_lazy("Submitted on"), sort_key="created_at")


class QueueViewSet(SnippetViewSet):
    """A moderated model in the admin: the queue first, newest first, nothing copied."""

    index_view_class = QueueIndexView
    copy_view_enabled = False
    ordering = "-created_at"
    # The queue searches its own rows with the ORM (`search_fields`), whatever site search
    # indexes: the index holds what the public may read, the queue what awaits moderation,
    # and its filters follow relations the index does not hold.
    search_backend_name = None


# One item


class ReviewEditView(snippets.EditView):
    """An item's review; its decisions go through the services, which record each step."""

    def get_history_url(self):
        """None: the history is a panel of the form, recorded by the services."""
        return None


class ReadOnlyPanel(Panel):
    """Something about the item that moderators read but do not edit, drawn by a template."""

    template_name = None

    def get_context(self, item, user):
        """The template's context, for this user."""
        return {"item": item}

    class BoundPanel(Panel.BoundPanel):
        class Media:
            css = ADMIN_CSS

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.template_name = self.panel.template_name

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            return {**context, **self.panel.get_context(self.instance, self.request.user)}


class HistoryPanel(ReadOnlyPanel):
    """Every recorded step: when, who, from and to, and the note.

    `caption` describes the table to screen readers; `nobody` stands for a step without a
    user; `nothing_yet`, if set, replaces an empty table. A template that extends this one may
    say the statuses otherwise (block `status`).
    """

    template_name = "core/admin/history.html"
    workflow = None
    caption = None
    nobody = "—"
    nothing_yet = None

    def get_context(self, item, user):
        return {
            "steps": getattr(item, self.workflow.steps).select_related("user"),
            "caption": self.caption,
            "nobody": self.nobody,
            "nothing_yet": self.nothing_yet,
        }


class InternalNotesPanel(ReadOnlyPanel):
    """The officers' internal notes, oldest first: never shown on the site."""

    template_name = "core/admin/internal_notes.html"

    def get_context(self, item, user):
        return {"notes": item.internal_notes.select_related("author")}


class AssignmentFields(forms.Form):
    """On a review: the assignment (the model's fields) and a new internal note. The view
    hands both to the services."""

    new_note = forms.CharField(
        label=gettext_lazy("Add an internal note"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Read by officers only, here: never published, exported or sent to anyone."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        assignee = self.fields["assignee"]
        # Whoever handles the item now stays offered, even without the right any more.
        assignee.queryset = assignee.queryset.filter(
            Q(pk__in=assignable_users(self._meta.model).values("pk"))
            | Q(pk=self.instance.assignee_id)
        ).order_by(get_user_model().USERNAME_FIELD)
        assignee.label_from_instance = get_user_display_name
        assignee.empty_label = _("Nobody")

    def assignment_changed(self):
        """Whether this review assigns the item otherwise or adds a note."""
        return bool({"assignee", "assigned_department", "new_note"} & set(self.changed_data))


def assignment_panels():
    """The review's panel of the assignment and the internal notes."""
    return MultiFieldPanel(
        [
            FieldRowPanel(
                [FieldPanel("assignee", widget=forms.Select), FieldPanel("assigned_department")]
            ),
            InternalNotesPanel(heading=gettext_lazy("Internal notes")),
            FieldPanel("new_note"),
        ],
        heading=gettext_lazy("Assignment and internal notes"),
        help_text=gettext_lazy("Internal: never shown on the site, in reports or in exports."),
    )


# The admin's home page


class QueuePanel(Component):
    """On the admin's home page: how many items wait for a moderator, and the way to them.

    `waiting` says how many, as an `ngettext_lazy` counting `counter`.
    """

    template_name = "core/admin/queue_panel.html"
    model = None
    heading = None
    waiting = None

    class Media:
        css = ADMIN_CSS

    def get_context_data(self, parent_context):
        count = self.model.objects.awaiting_moderation().count()
        return {
            "panel_id": self.name.replace("_", "-"),
            "heading": self.heading,
            "count": count,
            "waiting": self.waiting % {"counter": count},
            "queue_url": queue_url(self.model),
        }
