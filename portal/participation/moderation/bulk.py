"""Bulk actions on the list of ideas: publish, reject, or change the status of a selection."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin import messages
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from .. import services
from ..forms import PlainTextField
from ..models import Idea, IdeaStatus
from ..models.ideas import IDEA_WORKFLOW
from .ideas import StatusChangeForm, ideas_in_listing


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
            context["refused"] = not IDEA_WORKFLOW.allows(idea.status, self.to_status)
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
