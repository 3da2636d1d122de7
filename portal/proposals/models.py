"""Events that associations propose for the agenda, and what happened to each proposal."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.workflow import Step, Workflow
from portal.pages.agenda import ACCESSIBILITY_FLAGS
from portal.participation.uploads import unguessable_path

from .errors import ProposalError


class ProposalStatus(models.TextChoices):
    AWAITING_CONFIRMATION = "awaiting_confirmation", _("Awaiting e-mail confirmation")
    SUBMITTED = "submitted", _("Awaiting moderation")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Not accepted")
    PUBLISHED_DIRECTLY = "published_directly", _("Published directly")


# The workflow: which status may follow which. "Submitted" may follow itself: the association
# updated its proposal while it waited in the queue. Moderators must say what to change, or why
# they refuse: the association reads it.
PROPOSAL_WORKFLOW = Workflow(
    ProposalStatus,
    {
        ProposalStatus.AWAITING_CONFIRMATION: {
            ProposalStatus.SUBMITTED,
            ProposalStatus.PUBLISHED_DIRECTLY,
        },
        ProposalStatus.SUBMITTED: {
            ProposalStatus.SUBMITTED,
            ProposalStatus.APPROVED,
            ProposalStatus.CHANGES_REQUESTED,
            ProposalStatus.REJECTED,
        },
        ProposalStatus.CHANGES_REQUESTED: {
            ProposalStatus.SUBMITTED,
            ProposalStatus.APPROVED,
            ProposalStatus.CHANGES_REQUESTED,
            ProposalStatus.REJECTED,
        },
        ProposalStatus.APPROVED: set(),
        ProposalStatus.REJECTED: set(),
        ProposalStatus.PUBLISHED_DIRECTLY: set(),
    },
    message_required={ProposalStatus.CHANGES_REQUESTED, ProposalStatus.REJECTED},
    # What a moderator may decide, and the status each decision leads to.
    decisions={
        "approve": ProposalStatus.APPROVED,
        "request_changes": ProposalStatus.CHANGES_REQUESTED,
        "reject": ProposalStatus.REJECTED,
    },
    steps="steps",
    refused=ProposalError,
    cannot_go=_("A proposal cannot go from “%(from)s” to “%(to)s”."),
    message_missing=_("Write the message the association will read."),
)
# While in these statuses, the association may still change its proposal (follow link).
EDITABLE = {ProposalStatus.SUBMITTED, ProposalStatus.CHANGES_REQUESTED}
# Statuses in which the event is in the agenda.
PUBLISHED = {ProposalStatus.APPROVED, ProposalStatus.PUBLISHED_DIRECTLY}


class EventProposalQuerySet(models.QuerySet):
    def awaiting_moderation(self):
        return self.filter(status=ProposalStatus.SUBMITTED)


def upload_image(instance, filename):
    """An unguessable folder: the image is not public until a moderator publishes the event."""
    return unguessable_path("proposals", filename)


class EventProposal(models.Model):
    """An event an association proposes: it reaches the agenda once a moderator approves it.

    The contact is the resident whose confirmed address proposed it: never shown, they are
    e-mailed at each step and follow the proposal through a signed link.
    """

    contact = models.ForeignKey(
        "participation.Participant",
        verbose_name=_("contact"),
        on_delete=models.CASCADE,
        related_name="event_proposals",
    )
    confirmation = models.ForeignKey(
        "participation.Confirmation",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="event_proposals",
        help_text=_("The link that releases it, while it waits."),
    )
    organiser_name = models.CharField(_("organiser"), max_length=120)
    organiser = models.ForeignKey(
        "pages.Organiser",
        verbose_name=_("organiser in the agenda"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    title = models.CharField(_("title"), max_length=140)
    summary = models.TextField(_("summary"), max_length=400)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    all_day = models.BooleanField(_("all day"), default=False)
    place_name = models.CharField(_("place"), max_length=120, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    free_entry = models.BooleanField(_("free entry"), default=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    step_free_access = models.BooleanField(_("step-free access"), default=False)
    sign_language = models.BooleanField(_("French sign language interpreting"), default=False)
    induction_loop = models.BooleanField(_("induction loop"), default=False)
    accessibility_notes = models.TextField(_("more on accessibility"), blank=True, max_length=600)
    themes = models.ManyToManyField("pages.Theme", verbose_name=_("themes"), blank=True)
    districts = models.ManyToManyField("pages.District", verbose_name=_("districts"), blank=True)
    consultation = models.ForeignKey(
        "pages.ConsultationPage",
        verbose_name=_("consultation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image = models.ImageField(_("image"), upload_to=upload_image, blank=True)
    image_alt = models.CharField(_("image description"), max_length=200, blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        help_text=_(
            "The language of the site when it was proposed: the event goes to that agenda."
        ),
    )
    status = models.CharField(
        _("status"),
        max_length=30,
        choices=ProposalStatus.choices,
        default=ProposalStatus.AWAITING_CONFIRMATION,
    )
    moderator_message = models.TextField(
        _("message to the association"),
        blank=True,
        max_length=2000,
        help_text=_("The changes asked for, or why it was not accepted; the association reads it."),
    )
    event = models.ForeignKey(
        "pages.EventPage",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("submitted on"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated on"), default=timezone.now)

    objects = EventProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("event proposal")
        verbose_name_plural = _("event proposals")
        indexes = [models.Index(fields=["status", "-created_at"])]

    def __str__(self):
        return self.title

    @property
    def is_editable(self):
        return self.status in EDITABLE

    @property
    def is_published(self):
        return self.status in PUBLISHED and self.event_id is not None

    @property
    def accessibility_features(self):
        return [label for name, label in ACCESSIBILITY_FLAGS if getattr(self, name)]


class ProposalStep(Step):
    """A recorded step of a proposal: when, who (a moderator, or nobody for the association),
    from which status to which, and the message that went with it."""

    subject_field = "proposal"

    proposal = models.ForeignKey(EventProposal, on_delete=models.CASCADE, related_name="steps")
    from_status, to_status = PROPOSAL_WORKFLOW.step_fields(max_length=30)

    class Meta(Step.Meta):
        verbose_name = _("proposal step")
        verbose_name_plural = _("proposal steps")
