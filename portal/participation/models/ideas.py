"""Idea boxes attached to consultations, the ideas residents propose, and their supports."""

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from portal.core.assignment import Assigned, InternalNote
from portal.core.workflow import Step, Workflow

from ..errors import InvalidTransition
from ..membership import check_consultation
from ..uploads import unguessable_path
from .confidential import KeepsConfidentiality
from .eligibility import DeclaredEligibility
from .people import Participant
from .places import point_fields
from .translated import OptionsField, TranslatedItem, labelled_options
from .window import OpeningWindow


class IdeaBox(OpeningWindow, TranslatedItem, index.Indexed, ClusterableModel):
    """Where residents propose ideas for one consultation, between two dates; its
    translations share its ideas (models/translated.py)."""

    closes_too_early = _("The box must close after it opens.")

    title = models.CharField(_("title"), max_length=200)
    consultation = models.ForeignKey(
        "pages.ConsultationPage",
        verbose_name=_("consultation"),
        on_delete=models.PROTECT,
        related_name="idea_boxes",
    )
    introduction = models.TextField(
        _("introduction"),
        blank=True,
        max_length=1500,
        help_text=_("What kind of ideas are expected, and what will happen to them."),
    )
    opens_at = models.DateTimeField(_("ideas accepted from"), default=timezone.now)
    closes_at = models.DateTimeField(_("ideas accepted until"), null=True, blank=True)
    themes = ParentalManyToManyField(
        "pages.Theme",
        verbose_name=_("themes offered"),
        blank=True,
        help_text=_("Leave empty not to ask for a theme."),
    )
    districts = ParentalManyToManyField(
        "pages.District",
        verbose_name=_("districts offered"),
        blank=True,
        help_text=_("Leave empty not to ask for a district."),
    )
    accepts_image = models.BooleanField(_("accepts an image"), default=True)
    accepts_attachment = models.BooleanField(_("accepts a PDF attachment"), default=True)
    accepts_location = models.BooleanField(_("asks for a place"), default=True)
    # Kept by the services as ideas become public or stop being so, so that no page counts
    # thousands of ideas to say how many there are.
    public_idea_count = models.PositiveIntegerField(_("public ideas"), default=0, editable=False)
    original_only = ("public_idea_count",)

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("title"),
                    FieldPanel("consultation"),
                    FieldPanel("introduction"),
                    FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                    FieldPanel("themes"),
                    FieldPanel("districts"),
                    MultiFieldPanel(
                        [
                            FieldPanel("accepts_image"),
                            FieldPanel("accepts_attachment"),
                            FieldPanel("accepts_location"),
                        ],
                        heading=_("What residents may add"),
                    ),
                ],
                heading=_("Idea box"),
            ),
            ObjectList(
                [InlinePanel("extra_fields", label=_("Extra field"))],
                heading=_("Extra fields"),
            ),
        ]
    )
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta(TranslatedItem.Meta):
        verbose_name = _("idea box")
        verbose_name_plural = _("idea boxes")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """The kept count is the services': saving the box's other fields (in the admin)
        leaves it as the database has it, whatever was published meanwhile."""
        if self._state.adding:
            return super().save(*args, **kwargs)
        self.public_idea_count = models.F("public_idea_count")
        super().save(*args, **kwargs)
        self.refresh_from_db(fields=["public_idea_count"])

    def clean(self):
        super().clean()
        check_consultation(self)


class IdeaFieldKind(models.TextChoices):
    CHECKBOX = "checkbox", _("Checkbox")
    CHOICE = "choice", _("Choice")
    TEXT = "text", _("Text")
    NUMBER = "number", _("Number")


class IdeaField(KeepsConfidentiality, TranslatableMixin, Orderable):
    """A question the editor adds to the idea form, e.g. "Estimated cost"."""

    box = ParentalKey(IdeaBox, on_delete=models.CASCADE, related_name="extra_fields")
    kind = models.CharField(_("type"), max_length=20, choices=IdeaFieldKind.choices)
    label = models.CharField(_("label"), max_length=200)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    required = models.BooleanField(_("required"), default=False)
    choices = OptionsField(
        _("options"), blank=True, max_length=2000, help_text=_("For a choice: one per line.")
    )
    confidential = models.BooleanField(
        _("confidential"),
        default=False,
        help_text=_(
            "Read by moderators and administrators only, never published. Once someone has "
            "answered, the field stays confidential."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("required"), FieldPanel("confidential")]),
        FieldPanel("label"),
        FieldPanel("help_text"),
        FieldPanel("choices"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("extra field")
        verbose_name_plural = _("extra fields")

    def __str__(self):
        return self.label

    @property
    def key(self):
        """Where the answer is kept in Idea.extra: stable while the field exists."""
        return f"field-{self.pk}"

    @property
    def options(self):
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    def has_answers(self):
        return Idea.objects.filter(box_id=self.box_id, extra__has_key=self.key).exists()

    def clean(self):
        super().clean()
        errors = self.confidentiality_errors()
        if self.kind == IdeaFieldKind.CHOICE and len(self.options) < 2:
            errors["choices"] = _("Give at least two options, one per line.")
        if errors:
            raise ValidationError(errors)


class IdeaStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Awaiting moderation")
    PUBLISHED = "published", _("Published")
    UNDER_STUDY = "under_study", _("Under study")
    RETAINED = "retained", _("Retained")
    NOT_RETAINED = "not_retained", _("Not retained")
    REALISED = "realised", _("Realised")
    REJECTED = "rejected", _("Rejected at moderation")


# Statuses the public sees; the others stay in the moderation queue or its archive.
PUBLIC_STATUSES = [
    IdeaStatus.PUBLISHED,
    IdeaStatus.UNDER_STUDY,
    IdeaStatus.RETAINED,
    IdeaStatus.NOT_RETAINED,
    IdeaStatus.REALISED,
]

# The workflow: which status may follow which; a reason is required to move to some. Every
# step is recorded (IdeaTransition) and refreshes the cached pages that list ideas.
IDEA_WORKFLOW = Workflow(
    IdeaStatus,
    {
        IdeaStatus.SUBMITTED: {IdeaStatus.PUBLISHED, IdeaStatus.REJECTED},
        IdeaStatus.PUBLISHED: {
            IdeaStatus.UNDER_STUDY,
            IdeaStatus.RETAINED,
            IdeaStatus.NOT_RETAINED,
        },
        IdeaStatus.UNDER_STUDY: {IdeaStatus.RETAINED, IdeaStatus.NOT_RETAINED},
        IdeaStatus.RETAINED: {IdeaStatus.REALISED, IdeaStatus.UNDER_STUDY},
        IdeaStatus.NOT_RETAINED: {IdeaStatus.UNDER_STUDY},
        IdeaStatus.REALISED: set(),
        IdeaStatus.REJECTED: {IdeaStatus.PUBLISHED},
    },
    message_required={IdeaStatus.NOT_RETAINED, IdeaStatus.REJECTED},
    steps="transitions",
    refused=InvalidTransition,
    cannot_go=_("An idea cannot go from “%(from)s” to “%(to)s”."),
    message_missing=_("Give a reason to mark an idea “%(to)s”."),
    refreshes_pages=True,
)


class IdeaSource(models.TextChoices):
    ONLINE = "online", _("Online")
    PAPER = "paper", _("On paper, at an event")


class IdeaQuerySet(models.QuerySet):
    def public(self):
        return self.filter(status__in=PUBLIC_STATUSES)

    def awaiting_moderation(self):
        return self.filter(status=IdeaStatus.SUBMITTED, confirmed=True)


def default_language():
    """Ideas typed in from paper are in the site's default language; adding the field said so
    of the ideas already there."""
    return settings.LANGUAGE_CODE


def upload_image(instance, filename):
    """An unguessable folder: an idea's files are not public before it is."""
    return unguessable_path("ideas/images", filename)


def upload_attachment(instance, filename):
    return unguessable_path("ideas/files", filename)


class Idea(index.Indexed, Assigned, DeclaredEligibility):
    """A proposal from a resident (or collected on paper), moderated, then answered."""

    box = models.ForeignKey(IdeaBox, on_delete=models.PROTECT, related_name="ideas")
    participant = models.ForeignKey(
        Participant,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ideas",
        help_text=_("Empty for ideas collected on paper or whose author erased their data."),
    )
    author_name = models.CharField(_("public name of the author"), max_length=60, blank=True)
    title = models.CharField(_("title"), max_length=140)
    description = models.TextField(_("description"), max_length=5000)
    language = models.CharField(
        _("language"),
        max_length=10,
        default=default_language,
        editable=False,
        help_text=_("What it is written in: the site's language when proposed online."),
    )
    theme = models.ForeignKey(
        "pages.Theme", verbose_name=_("theme"), null=True, blank=True, on_delete=models.SET_NULL
    )
    district = models.ForeignKey(
        "pages.District",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    image = models.ImageField(_("image"), upload_to=upload_image, blank=True)
    image_alt = models.CharField(_("description of the image"), max_length=200, blank=True)
    attachment = models.FileField(_("attachment (PDF)"), upload_to=upload_attachment, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    latitude, longitude = point_fields()
    extra = models.JSONField(_("extra fields"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=IdeaStatus.choices, default=IdeaStatus.SUBMITTED
    )
    public_reason = models.TextField(
        _("why it was not retained"),
        blank=True,
        help_text=_("Public; required when the idea is not retained."),
    )
    official_answer = models.TextField(
        _("official answer"),
        blank=True,
        max_length=5000,
        help_text=_("The authority's public answer, shown with the idea."),
    )
    answered_at = models.DateTimeField(_("answered on"), null=True, blank=True)
    source = models.CharField(
        _("source"), max_length=10, choices=IdeaSource.choices, default=IdeaSource.ONLINE
    )
    collected_at = models.ForeignKey(
        "pages.EventPage",
        verbose_name=_("collected at"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For ideas written on paper: the event where they were collected."),
    )
    confirmed = models.BooleanField(
        _("address confirmed"),
        default=False,
        help_text=_("Ideas wait for their author to confirm the address before moderation."),
    )
    confirmation = models.ForeignKey(
        "participation.Confirmation",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="ideas",
        help_text=_("The link that makes it count, while it waits."),
    )
    support_count = models.PositiveIntegerField(_("supports"), default=0, editable=False)
    created_at = models.DateTimeField(_("submitted on"), default=timezone.now)
    published_at = models.DateTimeField(_("published on"), null=True, blank=True)
    # Numbers the changes its author is to be told of: a pending e-mail that finds a later
    # number leaves the telling to the later one (services.tell_author).
    notice_version = models.PositiveIntegerField(default=0, editable=False)

    objects = IdeaQuerySet.as_manager()

    # Site search reads what anyone may read of a public idea: never the author's name nor
    # the extra answers (some are confidential).
    search_fields = [
        index.SearchField("title"),
        index.SearchField("description"),
        index.SearchField("place"),
        index.SearchField("official_answer"),
        index.SearchField("public_reason"),
        index.FilterField("status"),
        index.FilterField("box"),
    ]

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        indexes = [
            models.Index(fields=["box", "status", "-published_at"]),
            models.Index(fields=["box", "status", "-support_count"]),
            models.Index(fields=["status", "confirmed"]),
            # A box's public ideas in the orders the lists offer: the first page is read
            # from the index, however many ideas there are.
            models.Index(
                fields=["box", "-published_at", "-id"],
                condition=models.Q(status__in=PUBLIC_STATUSES),
                name="idea_public_newest",
            ),
            models.Index(
                fields=["box", "-support_count", "-published_at", "-id"],
                condition=models.Q(status__in=PUBLIC_STATUSES),
                name="idea_public_most_supported",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("participation:idea", args=[self.pk, self.slug])

    @classmethod
    def get_indexed_objects(cls):
        """Public ideas only: what waits for moderation or was rejected never reaches the
        search index (an idea saved as it becomes public is indexed then)."""
        return cls.objects.public()

    @property
    def slug(self):
        return slugify(self.title)[:60] or "idea"

    @property
    def is_public(self):
        return self.status in PUBLIC_STATUSES

    @property
    def text_hash(self):
        """What a machine translation was made from: an edited idea is translated again."""
        text = "\n".join((self.language, self.title, self.description))
        return hashlib.sha256(text.encode()).hexdigest()

    @property
    def is_answered(self):
        """The authority has said something: an official answer, or why it is not retained."""
        return bool(
            self.official_answer or (self.status == IdeaStatus.NOT_RETAINED and self.public_reason)
        )

    def public_extra(self, words=None):
        """(label, value) of the extra answers anyone may read, in the box's order, worded as
        `words` (a translation of the box, models/translated.py) words its fields and options."""
        said = {}
        if words is not None and words.pk != self.box_id:
            said = {field.translation_key: field for field in words.extra_fields.all()}
        shown = []
        for field in self.box.extra_fields.all():
            value = self.extra.get(field.key)
            if field.confidential or value in (None, ""):
                continue
            wording = said.get(field.translation_key, field)
            if field.kind == IdeaFieldKind.CHOICE:
                value = dict(labelled_options(wording.options, field.options)).get(value, value)
            shown.append((wording.label, value))
        return shown

    def public_answers(self):
        """The extra answers without those given to confidential fields: what may stay of
        an idea whose author erased their data."""
        confidential = {field.key for field in self.box.extra_fields.all() if field.confidential}
        return {key: value for key, value in self.extra.items() if key not in confidential}


class IdeaTranslation(models.Model):
    """A public idea's title and description machine-translated into another language, kept
    so that each text goes to the translation service once (services.machine_translation)."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="machine_translations")
    language = models.CharField(max_length=10)
    text_hash = models.CharField(max_length=64)
    title = models.TextField()
    description = models.TextField()
    translated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("machine translation of an idea")
        verbose_name_plural = _("machine translations of ideas")
        constraints = [
            models.UniqueConstraint(
                fields=["idea", "language", "text_hash"], name="one_translation_per_text"
            )
        ]

    def __str__(self):
        return f"{self.idea_id} → {self.language}"


class IdeaTransition(Step):
    """A recorded change of status: who, when, from, to, and why."""

    subject_field = "idea"

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="transitions")
    from_status, to_status = IDEA_WORKFLOW.step_fields(max_length=20)

    class Meta(Step.Meta):
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")


class IdeaNote(InternalNote):
    """An officer's internal note about an idea: the admin shows it, nothing else does."""

    subject_field = "idea"

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="internal_notes")

    class Meta(InternalNote.Meta):
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")


class IdeaSupport(DeclaredEligibility):
    """One participant's support for one idea; the database refuses a second confirmed one
    (see Support for why uniqueness holds among confirmed supports only)."""

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="idea_supports"
    )
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports")
    confirmed = models.BooleanField(default=False)
    confirmation = models.ForeignKey(
        "participation.Confirmation",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="idea_supports",
        help_text=_("The link that makes it count, while it waits."),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("idea support")
        verbose_name_plural = _("idea supports")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "idea"],
                condition=models.Q(confirmed=True),
                name="one_idea_support",
            ),
            models.UniqueConstraint(
                fields=["confirmation", "idea"], name="one_waiting_idea_support_per_link"
            ),
        ]

    def __str__(self):
        return f"{self.participant_id} → {self.idea_id}"
