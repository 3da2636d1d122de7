"""Ideas: submitted online or entered from paper, moved through their workflow, answered,
corrected and supported; their authors are told of each change."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from portal.core import assignment, background, mail
from portal.core.http import absolute_url, page_url
from portal.pages.phases import accepts_supports

from ..eligibility import NOTHING
from ..errors import InvalidTransition, ParticipationClosed
from ..identity import data_token, waiting_on
from ..models import Idea, IdeaBox, IdeaSource, IdeaStatus, IdeaSupport
from ..models.ideas import IDEA_WORKFLOW
from ..places import box_districts, locate, moved
from ..signals import idea_answered

# Statuses that answer an idea: a decision, told to those who follow it.
DECISIONS = {IdeaStatus.RETAINED, IdeaStatus.NOT_RETAINED, IdeaStatus.REALISED}


def submit_idea(*, box, participant, declaration=NOTHING, now=None, **fields):
    """Store an idea proposed online; it waits for confirmation, then for moderation.

    `fields` are the cleaned values of the idea form (title, description, theme, district,
    image, image_alt, attachment, place, latitude, longitude, extra); `declaration`, what the
    consultation's eligibility rule asked of its author. It is written in the language of the
    site the resident used (the active one), which machine translation starts from. A place
    typed without a point is looked up (`places.locate`); a point gives the district the
    resident did not choose.
    """
    now = now or timezone.now()
    if not box.is_open(now):
        raise ParticipationClosed(_("This idea box is closed."))
    fields = locate(fields, box_districts(box), geocode=True)
    # A waiting idea takes its author's public name when its link is used (services.confirm).
    return Idea.objects.create(
        box=box,
        participant=participant,
        author_name=participant.display_name if participant.counts_now else "",
        confirmed=participant.counts_now,
        confirmation=waiting_on(participant),
        language=translation.get_language() or settings.LANGUAGE_CODE,
        created_at=now,
        **declaration.fields(),
        **fields,
    )


def count_public(box_id, change):
    """Add `change` to a box's kept count of public ideas, in the database: one idea made
    public or taken back here, or ideas written in bulk past these services (the benchmark's)."""
    IdeaBox.objects.filter(pk=box_id).update(public_idea_count=F("public_idea_count") + change)


def delete_idea(idea):
    """Delete an idea and, once that is committed, its files."""
    files = [(f.storage, f.name) for f in (idea.image, idea.attachment) if f]
    if idea.is_public:
        count_public(idea.box_id, -1)
    idea.delete()
    for storage, name in files:
        transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))


@transaction.atomic
def enter_paper_idea(*, box, user, collected_at, author_name="", now=None, **fields):
    """Record an idea written on paper at an event; the officer's entry publishes it. It is
    taken to be in the site's default language (the field's default). A place typed without
    a point is looked up, and a point gives the district the officer did not choose, as for
    an idea proposed online."""
    now = now or timezone.now()
    fields = locate(fields, box_districts(box), geocode=True)
    idea = Idea.objects.create(
        box=box,
        author_name=author_name,
        source=IdeaSource.PAPER,
        collected_at=collected_at,
        confirmed=True,
        created_at=now,
        **fields,
    )
    IDEA_WORKFLOW.record(idea, to_status=IdeaStatus.SUBMITTED, user=user, at=now)
    change_status(idea=idea, to_status=IdeaStatus.PUBLISHED, user=user, now=now)
    return idea


@transaction.atomic
def change_status(*, idea, to_status, user, note="", now=None, notify=True):
    """Move an idea along the workflow, record who did it and why, and tell its author.

    The note is required to reject (it goes to the author, never on the site) and to not
    retain (it is published as the reason). `notify=False` is for loading data that nobody
    should be e-mailed about.
    """
    now = now or timezone.now()
    to_status = IdeaStatus(to_status)
    if not idea.confirmed:
        raise InvalidTransition(
            _(
                "“%(title)s” waits for its author to confirm their address: it cannot be "
                "moderated yet."
            )
            % {"title": idea.title}
        )
    IDEA_WORKFLOW.check(idea, to_status)
    note = IDEA_WORKFLOW.check_message(to_status, note)
    changes = {}
    if to_status == IdeaStatus.PUBLISHED and idea.published_at is None:
        changes["published_at"] = now
    if to_status == IdeaStatus.NOT_RETAINED:
        changes["public_reason"] = note
    # The stored status, locked: two moderators publishing at once count the idea once.
    was_public = Idea.objects.select_for_update().only("status").get(pk=idea.pk).is_public
    IDEA_WORKFLOW.move(idea, to_status, user=user, at=now, note=note, **changes)
    if idea.is_public != was_public:
        count_public(idea.box_id, 1 if idea.is_public else -1)
    if notify:
        tell_author(idea)
        if to_status in DECISIONS:
            idea_answered.send(sender=Idea, idea=idea, now=now)
    return idea


@transaction.atomic
def answer_idea(*, idea, user, answer, now=None, notify=True):
    """Publish (or correct) the authority's official answer to an idea."""
    now = now or timezone.now()
    answer = answer.strip()
    if answer == idea.official_answer:
        return idea
    idea.official_answer = answer
    idea.answered_at = now if answer else None
    idea.save(update_fields=["official_answer", "answered_at"])
    IDEA_WORKFLOW.note(idea, _("Official answer updated."), user=user, at=now)
    if notify and answer and idea.is_public:
        tell_author(idea)
        idea_answered.send(sender=Idea, idea=idea, now=now)
    return idea


@transaction.atomic
def correct_idea(*, idea, user, now=None, **fields):
    """Correct an idea's wording, classification or place (title, description, theme,
    district, place, latitude, longitude).

    Only what differs from the stored idea is saved, and the correction is recorded in the
    history, so that a resident's proposal is never rewritten silently. Nobody is e-mailed.
    A place changed is located as a new idea's is (`places.locate`).
    """
    now = now or timezone.now()
    stored = Idea.objects.get(pk=idea.pk)
    if moved(stored, fields):
        fields = locate(fields, box_districts(idea.box), geocode=True)
    return IDEA_WORKFLOW.correct(idea, stored, fields, user=user, at=now)


def assign_idea(*, idea, department="", assignee=None):
    """Assign an idea to a department and/or a staff person: internal, never public."""
    return assignment.assign(idea, department=department, assignee=assignee)


def note_idea(*, idea, user, text, now=None):
    """Add an officer's internal note to an idea: read in the admin only."""
    return assignment.add_note(idea, user=user, text=text, now=now)


def tell_author(idea):
    """Have the author told of this change, with whatever follows it shortly, in one e-mail.

    The e-mail leaves PARTICIPATION_NOTICE_DELAY later, from a task that reads the idea as
    it is then. Each change numbers its notice; a task that finds a later number leaves the
    telling to the later task, so publishing, answering and retaining an idea in a row send
    one e-mail with the final state, not three. Backends that cannot wait (the immediate one,
    in development and tests) send at the end of the transaction instead.
    """
    if idea.participant_id is None:
        return
    Idea.objects.filter(pk=idea.pk).update(notice_version=F("notice_version") + 1)
    idea.refresh_from_db(fields=["notice_version"])
    idea_id, version = idea.pk, idea.notice_version
    transaction.on_commit(
        lambda: background.enqueue_later(
            notify_author_later,
            timedelta(seconds=settings.PARTICIPATION_NOTICE_DELAY),
            idea_id,
            version,
        ),
        robust=True,  # a queue that is down must not fail the moderator's request
    )


@task()
def notify_author_later(idea_id, notice_version):
    """Tell an idea's author where it stands now, unless a later change has its own notice
    coming (see `tell_author`). Returns whether an e-mail was sent."""
    idea = (
        Idea.objects.filter(pk=idea_id, notice_version=notice_version)
        .select_related("participant", "box__consultation")
        .first()
    )
    if idea is None:  # changed again since, or deleted
        return False
    return notify_author(idea)


def notify_author(idea):
    """E-mail the author where their idea stands, in the language they used; False when
    there is nobody to tell (no author, erased, or an address or idea never confirmed).

    A rejected idea gets the moderators' reason, which is never published; the others get
    their status, the public reason or answer, and a link to the idea's page.
    """
    participant = idea.participant
    if (
        participant is None
        or participant.erased_at
        or not participant.is_confirmed
        or not idea.confirmed
    ):
        return False
    status = IdeaStatus(idea.status)
    with translation.override(participant.language):
        context = {
            "idea": idea,
            "status": status.label,
            "data_link": absolute_url(
                reverse("participation:my_data", args=[data_token(participant)])
            ),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        if status == IdeaStatus.REJECTED:
            rejection = idea.transitions.filter(to_status=IdeaStatus.REJECTED).last()
            context["reason"] = rejection.note if rejection else ""
            context["link"] = page_url(in_language(idea.box.consultation, participant.language))
            subject = _("Your idea “%(title)s” was not published") % {"title": idea.title}
            template = "participation/email/idea_rejected.txt"
        else:
            context["link"] = absolute_url(idea.get_absolute_url())
            subject = _("Your idea “%(title)s”: %(status)s") % {
                "title": idea.title,
                "status": status.label,
            }
            template = "participation/email/idea_status.txt"
        mail.send(
            subject=subject,
            body=render_to_string(template, context),
            to=[participant.email],
        )
    return True


def in_language(page, language):
    """The page's live translation in `language`, or the page itself."""
    translated = page.get_translations().live().filter(locale__language_code=language).first()
    return translated or page


def box_accepts_supports(box, now=None):
    """Whether the published ideas of `box` take supports: one query for a whole list."""
    now = now or timezone.now()
    return accepts_supports(box.consultation_id, timezone.localdate(now))


def idea_accepts_supports(idea, now=None):
    """Supports go to published ideas, while the consultation's phase accepts them."""
    now = now or timezone.now()
    return idea.is_public and accepts_supports(idea.box.consultation_id, timezone.localdate(now))


def support_idea(*, participant, idea, declaration=NOTHING, now=None):
    """Record a support; False if this participant already supports the idea.
    `declaration`: what the consultation's eligibility rule asked."""
    now = now or timezone.now()
    if not idea_accepts_supports(idea, now):
        raise ParticipationClosed(_("Supports are not open for this idea."))
    try:
        with transaction.atomic():
            IdeaSupport.objects.create(
                participant=participant,
                idea=idea,
                confirmed=participant.counts_now,
                confirmation=waiting_on(participant),
                created_at=now,
                **declaration.fields(),
            )
            if participant.counts_now:
                Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") + 1)
    except IntegrityError:
        return False
    return True


@transaction.atomic
def withdraw_idea_support(*, participant, idea, now=None):
    """Take a support back, while supports are open."""
    if not idea_accepts_supports(idea, now):
        raise ParticipationClosed(_("Supports are closed: they can no longer change."))
    deleted = IdeaSupport.objects.filter(
        participant=participant, idea=idea, confirmed=True
    ).delete()
    if deleted[0]:
        Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") - 1)
    IdeaSupport.objects.filter(participant=participant, idea=idea).delete()
