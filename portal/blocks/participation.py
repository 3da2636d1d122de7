"""Blocks residents take part through; they present, `participation.services` writes.

Protocol (docs/architecture.md, "Embedded forms"): the block renders its form with the CSRF
token and its own id; the page's `serve()` hands a POST to the block with that id; on success
the block answers a 303 redirect to its anchor with a message, on failure the page is rendered
again with the person's input and an error summary. The sequence in between is written once,
in `participation.contributions.Contribution`: a block names its kind of contribution and what
it is about.
"""

from django.conf import settings
from django.contrib import messages
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from portal.core.http import see_other
from portal.participation import eligibility, identity, services
from portal.participation.contributions import Contribution
from portal.participation.forms import ParticipantForm, SurveyForm
from portal.participation.models import Survey
from portal.participation.models.translated import counterparts, shown_with_original


class ParticipationBlock(blocks.StructBlock):
    """Base for blocks that take a POST: their `contribution` (a `Contribution` kind) about
    the value's `subject` child, made the one way, back to the block's anchor."""

    # What the visitor sees depends on who they are: the page is never cached whole.
    varies_per_request = True
    contribution = None
    subject = ""

    def invitation(self, value, page):
        """What a consultation page's call to action to this block says, (what to do, what
        about), while residents can take part through it; None otherwise."""
        raise NotImplementedError

    @staticmethod
    def fold(context, block_id):
        """How the block's form is shown: on a consultation page, behind a button that unfolds
        it ("closed"), or unfolded ("open") when the resident asked for it by its call to action
        or it comes back with their input; elsewhere None, as it is."""
        if not context.get("fold_forms"):
            return None
        if block_id in (context.get("block_forms") or {}) or context.get("unfold") == block_id:
            return "open"
        return "closed"

    def handle_post(self, request, page, value, block_id):
        """A response, or the bound form with its errors for the page to show again."""
        shown, original = shown_with_original(value[self.subject], page.locale_id)
        return self.contribution(
            request,
            original,
            shown=shown,
            back_url=f"{page.url}#block-{block_id}",
            prefix=block_id,
        ).handle()


class SupportingPetition(Contribution):
    """A support for the block's petition, or its withdrawal: the form asks only who."""

    action = "support"
    counted = _("Thank you: your support is counted.")
    waiting = _("Almost done: open the link we sent to %(email)s to confirm your support.")
    asks_only_identity = True

    @property
    def next_url(self):
        return self.back_url.partition("#")[0]  # a petition's link comes back to the page

    def form(self, participant):
        return ParticipantForm(
            self.request.POST,
            prefix=self.prefix,
            ask_identity=participant is None,
            eligibility=self.eligibility_rule(),
        )

    def withdraw(self, participant):
        if self.request.POST.get("action") == "withdraw" and participant:
            services.withdraw(participant=participant, petition=self.subject)
            messages.success(self.request, gettext("Your support has been withdrawn."))
            return see_other(self.back_url)
        return None

    def write(self, participant, form):
        services.support(
            participant=participant, petition=self.subject, declaration=form.declaration
        )


class SupportBlock(ParticipationBlock):
    """A petition (interpellation) residents support, with its thresholds and progress."""

    contribution = SupportingPetition
    subject = "petition"
    petition = SnippetChooserBlock("participation.Petition", label=_("Petition"))
    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=160,
        help_text=_("Leave empty to use the petition's title."),
    )

    class Meta:
        icon = "pick"
        label = _("Petition with supports")
        template = "blocks/support.html"
        description = _("A petition residents support, with thresholds and a progress bar.")

    def invitation(self, value, page):
        petition, _original = shown_with_original(value["petition"], page.locale_id)
        if petition is None or not petition.is_open():
            return None
        return gettext("Support the petition"), value["heading"] or petition.title

    @staticmethod
    def thresholds(shown, petition):
        """The petition's thresholds by count, reached or not, worded in the page's language."""
        originals = list(petition.thresholds.order_by("count"))
        if shown is petition:
            return originals
        for words, threshold in counterparts(shown.thresholds.all(), originals):
            # Shown, never saved: the original keeps its wording and when it was reached.
            threshold.label, threshold.consequence = words.label, words.consequence
        return originals

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = context.get("request")
        page = context.get("page")
        shown, petition = shown_with_original(value["petition"], getattr(page, "locale_id", None))
        block_id = context.get("block_id", "")
        participant = identity.participant_in_session(request) if request else None
        rule = eligibility.rule_for(petition.consultation_id) if petition else None
        count = services.support_count(petition) if petition else 0
        thresholds = self.thresholds(shown, petition) if petition else []
        next_threshold = next((t for t in thresholds if t.count > count), None)
        # A support given in a name this browser has not proven yet is shown as waiting.
        mine = identity.own_contributions(request) if request else None
        supported = (
            mine is not None and petition is not None and petition.supports.filter(mine).first()
        )
        context.update(
            petition=shown,
            block_id=block_id,
            anchor=f"block-{block_id}",
            count=count,
            thresholds=thresholds,
            next_threshold=next_threshold,
            participant=participant,
            supported=supported,
            is_open=petition.is_open() if petition else False,
            fold=self.fold(context, block_id),
            retention_months=settings.PARTICIPATION_RETENTION_MONTHS,
            form=(context.get("block_forms") or {}).get(block_id)
            or ParticipantForm(prefix=block_id, ask_identity=participant is None, eligibility=rule),
        )
        return context


def opening_state(item, now=None):
    """Whether `item` (anything with `opens_at` and `is_open()`) is upcoming, open or closed."""
    now = now or timezone.now()
    if now < item.opens_at:
        return "upcoming"
    return "open" if item.is_open(now) else "closed"


class AnsweringSurvey(Contribution):
    """Answers to the block's survey; an anonymous survey asks nobody's address."""

    action = "survey"
    waiting = _("Almost done: open the link we sent to %(email)s to confirm your answers.")

    @property
    def counted(self):
        return self.shown.thank_you

    def participant(self):
        return SurveyBlock.respondent(self.request, self.subject)

    def asks_identity(self, participant):
        return not self.subject.anonymous and participant is None

    def check(self, participant):
        services.check_answerable(survey=self.subject, participant=participant)

    def form(self, participant):
        return SurveyBlock.form(
            self.shown, participant, self.prefix, self.request.POST, self.eligibility_rule()
        )

    def write(self, participant, form):
        services.answer_survey(
            survey=self.subject,
            participant=participant,
            answers=form.answers(),
            declaration=form.declaration,
        )


class SurveyBlock(ParticipationBlock):
    """A survey residents answer in the page; staff read its results in the admin."""

    contribution = AnsweringSurvey
    subject = "survey"
    survey = SnippetChooserBlock("participation.Survey", label=_("Survey"))
    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=160,
        help_text=_("Leave empty to use the survey's title."),
    )

    class Meta:
        icon = "clipboard-list"
        label = _("Survey")
        template = "blocks/survey.html"
        description = _("A questionnaire residents answer in the page; results in the admin.")

    def invitation(self, value, page):
        survey, _original = shown_with_original(value["survey"], page.locale_id)
        if survey is None or opening_state(survey) != "open":
            return None
        return gettext("Answer the survey"), value["heading"] or survey.title

    def get_preview_value(self):
        """The admin preview shows a real survey: the one that opened last, if any."""
        return self.normalize({"survey": Survey.objects.order_by("-opens_at").first()})

    @staticmethod
    def respondent(request, survey):
        """Who answers: nobody for an anonymous survey, else the participant of the session."""
        if survey.anonymous or request is None:
            return None
        return identity.participant_in_session(request)

    @staticmethod
    def form(survey, participant, block_id, data=None, rule=None):
        """The survey's form, worded as `survey` (a version in the page's language) words it."""
        return SurveyForm(
            data,
            survey=survey,
            ask_identity=not survey.anonymous and participant is None,
            prefix=block_id,
            eligibility=rule,
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = context.get("page")
        shown, survey = shown_with_original(value["survey"], getattr(page, "locale_id", None))
        if survey is None:
            return context
        block_id = context.get("block_id", "")
        participant = self.respondent(context.get("request"), survey)
        state = opening_state(survey)
        answered = None
        request = context.get("request")
        # Answers given in a name this browser has not proven yet are shown as waiting.
        mine = identity.own_contributions(request) if request and not survey.anonymous else None
        if state == "open" and mine is not None and survey.one_answer_per_participant:
            answered = survey.responses.filter(mine).first()
        form = None
        if state == "open" and not answered:
            form = (context.get("block_forms") or {}).get(block_id) or self.form(
                shown, participant, block_id, rule=eligibility.rule_for(survey.consultation_id)
            )
        context.update(
            survey=shown,
            block_id=block_id,
            anchor=f"block-{block_id}",
            participant=participant,
            state="answered" if answered else state,
            answered=answered,
            form=form,
            fold=self.fold(context, block_id),
            retention_months=settings.PARTICIPATION_RETENTION_MONTHS,
        )
        return context

    def handle_post(self, request, page, value, block_id):
        if value["survey"] is None:
            messages.error(request, gettext("This survey no longer exists."))
            return see_other(f"{page.url}#block-{block_id}")
        return super().handle_post(request, page, value, block_id)
