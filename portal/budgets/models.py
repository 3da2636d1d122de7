"""Participatory budgets: envelopes, projects and their feasibility study, ballots.

Money is in whole euros (integers): envelopes and officers' estimates are announced in euros,
never in cents, and integer sums make the basket's limit exact. services/ is the only writer.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.search import index

from portal.core.assignment import Assigned, InternalNote
from portal.core.workflow import Step, Workflow
from portal.participation.models import Idea, Participant, RegisterEntry
from portal.participation.models.places import point_fields
from portal.participation.models.window import OpeningWindow

from .errors import InvalidProjectStep, MethodLocked

# Far above any town's budget, within the database's integers.
MAX_EUROS = 1_000_000_000


def euros(amount):
    """An amount as residents read it: "1 250 000 €" in French, "1,250,000 €" in English."""
    return f"{number_format(amount, force_grouping=True)} €"


class VotingMethod(models.TextChoices):
    BASKET = "basket", _("A basket within the envelope's amount")
    CHOICES = "choices", _("A number of favourite projects")
    POINTS = "points", _("Points to spread")


# What the first ballot freezes: changing any of them afterwards would change the vote.
LOCKED_FIELDS = ("method", "amount", "max_choices", "points")


class DescribedImage(models.Model):
    """An optional image from the library with what it shows, or an explicit "decorative"
    choice, as the image block asks (portal/blocks/media.py): never an image without either."""

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    image_decorative = models.BooleanField(
        _("decorative image"),
        default=False,
        help_text=_(
            "Tick only if the image adds no information; it will be hidden from screen readers."
        ),
    )

    class Meta:
        abstract = True

    missing_alt = _("Describe the image, or tick “Decorative image” if it adds nothing.")

    def image_problem(self):
        """Why the image cannot be shown as it is, or None."""
        if self.image_id and not self.image_decorative and not self.image_alt.strip():
            return self.missing_alt
        return None

    def clean(self):
        super().clean()
        if problem := self.image_problem():
            raise ValidationError({"image_alt": problem})

    @property
    def alt(self):
        """The image's alternative text: empty for a decorative one."""
        return "" if self.image_decorative else self.image_alt


class EnvelopeQuerySet(models.QuerySet):
    def of_consultation(self, consultation):
        """The envelopes of a consultation page, whichever of its translations is given: they
        belong to the page in the language it was first written in."""
        return self.filter(consultation__translation_key=consultation.translation_key)


class Envelope(OpeningWindow, models.Model):
    """An amount of a consultation's budget, for the whole territory or one district, and how
    residents vote for its projects, between two moments (`closes_at` excluded).

    The voting rules (method, amount, N, points) are locked by the first ballot
    (`method_locked_at`).
    """

    closes_too_early = _("The vote must close after it opens.")

    consultation = models.ForeignKey(
        "pages.ConsultationPage",
        verbose_name=_("consultation"),
        on_delete=models.PROTECT,
        related_name="envelopes",
    )
    title = models.CharField(_("title"), max_length=200)
    amount = models.PositiveIntegerField(
        _("amount (euros)"), help_text=_("What the winning projects may cost in all.")
    )
    district = models.ForeignKey(
        "pages.District",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("For a district's envelope; leave empty for the whole territory."),
    )
    method = models.CharField(
        _("voting method"), max_length=10, choices=VotingMethod.choices, default=VotingMethod.BASKET
    )
    max_choices = models.PositiveSmallIntegerField(
        _("number of projects to choose"),
        null=True,
        blank=True,
        help_text=_("For a vote for favourite projects: how many each resident may choose."),
    )
    points = models.PositiveIntegerField(
        _("points to spread"),
        null=True,
        blank=True,
        help_text=_("For a vote by points: how many each resident may spread, at most."),
    )
    results_hidden_while_open = models.BooleanField(
        _("results hidden while the vote is open"), default=True
    )
    opens_at = models.DateTimeField(_("vote opens on"))
    closes_at = models.DateTimeField(_("vote closes on"))
    method_locked_at = models.DateTimeField(
        _("rules locked on"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set by the first ballot: the voting rules cannot change afterwards."),
    )

    objects = EnvelopeQuerySet.as_manager()

    class Meta:
        verbose_name = _("envelope")
        verbose_name_plural = _("envelopes")
        ordering = ["consultation", "title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """Save, unless a voting rule changed since the first ballot (`MethodLocked`); the
        stored row is locked meanwhile, so a first ballot cast at the same moment waits, and
        the lock's date is the stored one, never a stale instance's."""
        with transaction.atomic():
            if self.pk:
                changes = self.locked_changes(lock=True)
                if changes:
                    raise MethodLocked(next(iter(changes.values())))
            super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors.update(error.update_error_dict({}))
        if self.method == VotingMethod.CHOICES and not self.max_choices:
            errors["max_choices"] = _("Say how many projects each resident may choose (1 or more).")
        if self.method == VotingMethod.POINTS and not self.points:
            errors["points"] = _("Say how many points each resident may spread (1 or more).")
        if self.pk:
            errors.update(self.locked_changes())
        if errors:
            raise ValidationError(errors)

    def locked_changes(self, lock=False):
        """{field: message} for each voting rule changed since the first ballot."""
        stored = Envelope.objects.filter(pk=self.pk)
        if lock:
            stored = stored.select_for_update()
        stored = stored.values(*LOCKED_FIELDS, "method_locked_at").first()
        if stored:
            self.method_locked_at = stored["method_locked_at"]
        if not stored or stored["method_locked_at"] is None:
            return {}
        message = self.lock_reason()
        return {name: message for name in LOCKED_FIELDS if getattr(self, name) != stored[name]}

    def lock_reason(self):
        """Why the voting rules cannot change, once the first ballot locked them; else ""."""
        if self.method_locked_at is None:
            return ""
        return _(
            "Voting started on %(date)s: the voting rules cannot change any more, or ballots "
            "already cast would not count the same."
        ) % {"date": date_format(timezone.localtime(self.method_locked_at), "DATE_FORMAT")}

    def results_public(self, now=None):
        """Whether anyone may read the results now: the vote is closed, or the editor chose
        to show them while it is open (a project's page shows them then)."""
        now = now or timezone.now()
        return not self.results_hidden_while_open or now >= self.closes_at


class ProjectStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    UNDER_STUDY = "under_study", _("Under study")
    FEASIBLE = "feasible", _("Feasible")
    NOT_FEASIBLE = "not_feasible", _("Not feasible")
    ON_BALLOT = "on_ballot", _("On the ballot")
    WINNER = "winner", _("Winner")
    NOT_SELECTED = "not_selected", _("Not selected")
    REALISED = "realised", pgettext_lazy("budget project", "Realised")


# The statuses of projects residents could vote for: results count them.
BALLOT_STATUSES = [
    ProjectStatus.ON_BALLOT,
    ProjectStatus.WINNER,
    ProjectStatus.NOT_SELECTED,
    ProjectStatus.REALISED,
]

# The feasibility study and what follows; every step is recorded (ProjectStep). A project
# not feasible says why, publicly. Putting a project on (or off) the ballot is refused once
# voting has started (services/projects.py); the vote's outcome is WINNER or NOT_SELECTED.
PROJECT_WORKFLOW = Workflow(
    ProjectStatus,
    {
        ProjectStatus.PROPOSED: {ProjectStatus.UNDER_STUDY},
        ProjectStatus.UNDER_STUDY: {ProjectStatus.FEASIBLE, ProjectStatus.NOT_FEASIBLE},
        ProjectStatus.FEASIBLE: {ProjectStatus.ON_BALLOT, ProjectStatus.UNDER_STUDY},
        ProjectStatus.NOT_FEASIBLE: {ProjectStatus.UNDER_STUDY},
        ProjectStatus.ON_BALLOT: {
            ProjectStatus.FEASIBLE,
            ProjectStatus.WINNER,
            ProjectStatus.NOT_SELECTED,
        },
        ProjectStatus.WINNER: {ProjectStatus.REALISED},
        ProjectStatus.NOT_SELECTED: set(),
        ProjectStatus.REALISED: set(),
    },
    message_required={ProjectStatus.NOT_FEASIBLE},
    decisions={
        "study": ProjectStatus.UNDER_STUDY,
        "feasible": ProjectStatus.FEASIBLE,
        "not_feasible": ProjectStatus.NOT_FEASIBLE,
        "on_ballot": ProjectStatus.ON_BALLOT,
    },
    steps="steps",
    refused=InvalidProjectStep,
    cannot_go=_("A project cannot go from “%(from)s” to “%(to)s”."),
    message_missing=_("Give a public reason to mark a project “%(to)s”."),
    refreshes_pages=True,
)


# The projects waiting for an officer: to be studied, decided, or put on the ballot.
AWAITING_OFFICERS = [ProjectStatus.PROPOSED, ProjectStatus.UNDER_STUDY, ProjectStatus.FEASIBLE]


class BudgetProjectQuerySet(models.QuerySet):
    def awaiting_moderation(self):
        """The feasibility queue (portal.core.moderation)."""
        return self.filter(status__in=AWAITING_OFFICERS)


class BudgetProject(index.Indexed, Assigned, DescribedImage):
    """A project residents may vote for once officers found it feasible: proposed by officers
    or merged from ideas of the idea box, whose authors stay credited.

    Every project is public whatever its status, the study's department and the reason it
    is not feasible included (as Decidim and Paris show them); the steps' notes are not, nor
    whom it is assigned to internally and the officers' internal notes.
    """

    envelope = models.ForeignKey(
        Envelope, verbose_name=_("envelope"), on_delete=models.PROTECT, related_name="projects"
    )
    title = models.CharField(_("title"), max_length=140)
    summary = models.TextField(_("summary"), max_length=5000, blank=True)
    cost = models.PositiveIntegerField(
        _("cost (euros)"), default=0, help_text=_("The officers' estimate.")
    )
    theme = models.ForeignKey(
        "pages.Theme",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    district = models.ForeignKey(
        "pages.District",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    place = models.CharField(
        _("place"), max_length=200, blank=True, help_text=_("Where, e.g. “Parc des Tilleuls”.")
    )
    latitude, longitude = point_fields()
    status = models.CharField(
        _("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.PROPOSED
    )
    department = models.CharField(
        _("department"), max_length=200, blank=True, help_text=_("Who studied its feasibility.")
    )
    public_reason = models.TextField(
        _("why it is not feasible"),
        blank=True,
        help_text=_("Public; required when the project is not feasible."),
    )
    source_ideas = models.ManyToManyField(
        Idea,
        verbose_name=_("merged from"),
        blank=True,
        related_name="budget_projects",
        help_text=_("The ideas this project comes from: their authors are credited."),
    )
    created_at = models.DateTimeField(_("created on"), default=timezone.now)

    objects = BudgetProjectQuerySet.as_manager()

    search_fields = [
        index.SearchField("title"),
        index.SearchField("summary"),
        index.SearchField("place"),
        index.SearchField("public_reason"),
        index.FilterField("envelope"),
    ]

    class Meta:
        verbose_name = _("budget project")
        verbose_name_plural = _("budget projects")
        indexes = [models.Index(fields=["envelope", "status"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("budgets:project", args=[self.pk, self.slug])

    @property
    def slug(self):
        """Its address's words, from the title: the address stays right when it changes."""
        return slugify(self.title)[:60] or "project"

    @property
    def is_realisation_followed(self):
        """Winners and realised projects: their realisation is followed in public."""
        return self.status in (ProjectStatus.WINNER, ProjectStatus.REALISED)

    def credited_authors(self):
        """The public names of the authors of the ideas it was merged from, each once."""
        names = self.source_ideas.exclude(author_name="").values_list("author_name", flat=True)
        return sorted(set(names))


class ProjectStep(Step):
    """A recorded step of a project: who, when, from, to, and the note."""

    subject_field = "project"

    project = models.ForeignKey(BudgetProject, on_delete=models.CASCADE, related_name="steps")
    from_status, to_status = PROJECT_WORKFLOW.step_fields(max_length=20)

    class Meta(Step.Meta):
        verbose_name = _("project step")
        verbose_name_plural = _("project steps")


class ProjectNote(InternalNote):
    """An officer's internal note about a project: the admin shows it, nothing else does."""

    subject_field = "project"

    project = models.ForeignKey(
        BudgetProject, on_delete=models.CASCADE, related_name="internal_notes"
    )

    class Meta(InternalNote.Meta):
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")


class RealisationStage(DescribedImage):
    """A dated stage of a winning project's realisation, with an optional photo: "Study
    finished", "Works start", "Benches installed". A future date is a planned stage."""

    project = models.ForeignKey(
        BudgetProject,
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="stages",
    )
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    description = models.TextField(_("description"), max_length=2000, blank=True)
    order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Orders the stages of the same date.")
    )

    class Meta:
        verbose_name = _("realisation stage")
        verbose_name_plural = _("realisation stages")
        ordering = ["date", "order", "pk"]

    def __str__(self):
        return self.title

    @property
    def is_planned(self):
        return self.date > timezone.localdate()


class BallotChannel(models.TextChoices):
    ONLINE = "online", _("Online")
    PAPER = "paper", _("On paper")
    IN_PERSON = "in_person", _("In person, at the town hall")


class Ballot(models.Model):
    """One vote in an envelope: online by a participant (one each, which they may change
    until the vote closes), or entered by an officer from paper or in person (no participant).

    An online ballot cast in a name the browser has not proven waits on that browser's
    confirmation link (`confirmation`, not `confirmed`); using the link makes it count, in
    place of the participant's counted ballot if they had one. Only counted ballots are
    counted.

    When the consultation's eligibility rule has a register, the ballot keeps the register
    entry it was cast with: one counted ballot per entry and envelope.
    """

    envelope = models.ForeignKey(
        Envelope, verbose_name=_("envelope"), on_delete=models.PROTECT, related_name="ballots"
    )
    participant = models.ForeignKey(
        Participant,
        verbose_name=_("participant"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ballots",
        help_text=_("Empty for ballots entered by officers, or whose voter erased their data."),
    )
    channel = models.CharField(
        _("channel"), max_length=10, choices=BallotChannel.choices, default=BallotChannel.ONLINE
    )
    collected_at = models.CharField(
        _("collected at"),
        max_length=200,
        blank=True,
        help_text=_("For a paper ballot: where it was collected."),
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    district = models.ForeignKey(
        "pages.District",
        verbose_name=_("voter's district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    register_entry = models.ForeignKey(
        RegisterEntry,
        verbose_name=_("register entry"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ballots",
    )
    age_declared = models.BooleanField(_("minimum age declared"), default=False)
    confirmed = models.BooleanField(
        _("counted"),
        default=False,
        help_text=_("Online ballots cast in a name the browser has not proven wait for its link."),
    )
    confirmation = models.ForeignKey(
        "participation.Confirmation",
        null=True,
        blank=True,
        editable=False,
        # A waiting ballot goes with its link (unused links are purged, a participant's are
        # erased with them); a counted one no longer names it.
        on_delete=models.CASCADE,
        related_name="ballots",
        help_text=_("The link that makes it count, while it waits."),
    )
    created_at = models.DateTimeField(_("cast on"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed on"), default=timezone.now)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [
            # Among ballots that count: one waiting in someone's name never stands in the way
            # of their own, and replaces it only once they confirm.
            models.UniqueConstraint(
                fields=["envelope", "participant"],
                condition=models.Q(participant__isnull=False, confirmed=True),
                name="one_ballot_per_participant",
            ),
            models.UniqueConstraint(
                fields=["envelope", "register_entry"],
                condition=models.Q(register_entry__isnull=False, confirmed=True),
                name="one_ballot_per_register_entry",
            ),
            models.UniqueConstraint(
                fields=["confirmation", "envelope"], name="one_waiting_ballot_per_link"
            ),
        ]
        indexes = [models.Index(fields=["envelope", "confirmed"])]

    def __str__(self):
        return f"{self.envelope_id} #{self.pk}"


class BallotChoice(models.Model):
    """A project chosen on a ballot, with its points (1 but in a vote by points)."""

    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="choices")
    project = models.ForeignKey(BudgetProject, on_delete=models.PROTECT, related_name="choices")
    points = models.PositiveIntegerField(default=1, validators=[MinValueValidator(1)])

    class Meta:
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        constraints = [
            models.UniqueConstraint(fields=["ballot", "project"], name="one_choice_per_project")
        ]

    def __str__(self):
        return f"{self.ballot_id} → {self.project_id}"
