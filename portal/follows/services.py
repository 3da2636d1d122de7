"""Every write of follows: following, confirming, unsubscribing; recording news once; and
telling each follower their news in one e-mail a day or a week at most."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.budgets.models import Envelope
from portal.core import mail
from portal.core.http import absolute_url, page_url
from portal.pages.phases import Phase
from portal.participation.identity import data_url, waiting_on
from portal.participation.models import Idea, IdeaSupport

from . import targets
from .models import Follow, Follower, Frequency, News, NewsKind, Topic

# Openings older than this when first seen are not news any more (a first run, a long outage).
OPENINGS_WINDOW = timedelta(days=7)


# Following


def _newest_news():
    return News.objects.aggregate(newest=Max("pk"))["newest"] or 0


def _start(follower, now):
    """A follower's first confirmed follow: news from now on, not what came before."""
    if follower.since is None:
        follower.since = now
        follower.told_until = _newest_news()


@transaction.atomic
def follow(*, participant, topic, key, frequency=None, now=None):
    """`participant` follows (topic, key): at once when this browser proved who they are,
    else once the link it waits on is used. Following again is the same follow; a frequency
    given with a follow that counts now applies to everything they follow."""
    now = now or timezone.now()
    confirmation = waiting_on(participant)
    follower, _created = Follower.objects.select_for_update().get_or_create(
        participant=participant,
        defaults={"language": translation.get_language() or settings.LANGUAGE_CODE},
    )
    row, _created = Follow.objects.get_or_create(
        follower=follower, topic=topic, key=key, defaults={"asked_at": now}
    )
    if confirmation is None:
        if not row.confirmed:
            row.confirmed, row.confirmed_at, row.confirmation = True, now, None
            row.save(update_fields=["confirmed", "confirmed_at", "confirmation"])
        _start(follower, now)
        if frequency:
            follower.frequency = frequency
        follower.save()
    elif not row.confirmed:
        # The latest link asked for is the one that confirms it.
        row.confirmation, row.asked_at = confirmation, now
        row.frequency = frequency or Frequency.DAILY
        row.save(update_fields=["confirmation", "asked_at", "frequency"])
    return row


def release_confirmed(sender, *, confirmation, now, shown_at=None, **kwargs):
    """Receiver of `contributions_confirmed`: the follows that link was sent for count, in
    the language and at the frequency asked; one asked after its page was shown is dropped
    (nobody confirmed it)."""
    for row in Follow.objects.filter(confirmation=confirmation, confirmed=False).select_related(
        "follower"
    ):
        if shown_at is not None and row.asked_at > shown_at:
            row.delete()
            continue
        follower = row.follower
        _start(follower, now)
        follower.frequency = row.frequency
        follower.language = confirmation.language
        follower.save()
        row.confirmed, row.confirmed_at, row.confirmation = True, now, None
        row.save(update_fields=["confirmed", "confirmed_at", "confirmation"])
    return []


def unfollow(*, follower, topic, key):
    Follow.objects.filter(follower=follower, topic=topic, key=key).delete()


def unsubscribe(*, token):
    """Stop every follow of the follower whose e-mails carry `token`: their follower row
    goes, token included, so the link works once. False when nobody has that token."""
    deleted, _rows = Follower.objects.filter(token=token).delete()
    return bool(deleted)


def purge():
    """Followers with nothing left to follow go: their links were never used, and what
    waited on them was purged with them (participation's purge_unconfirmed)."""
    count, _rows = Follower.objects.filter(follows__isnull=True).delete()
    return count


def _describe(row, language):
    target = targets.find(row.topic, row.key, language)
    if target is None:
        return _("a consultation, theme or district removed since")
    named = {
        Topic.CONSULTATION: _("the consultation “%(name)s”"),
        Topic.THEME: _("the theme “%(name)s”"),
        Topic.DISTRICT: _("the district “%(name)s”"),
    }[row.topic]
    return named % {"name": targets.name(target)}


def waiting_follows(confirmation):
    """What a confirmation link makes count, for its e-mail and page."""
    return [
        (
            row.asked_at,
            _("follow %(followed)s by e-mail (%(frequency)s)")
            % {
                "followed": _describe(row, translation.get_language()),
                "frequency": Frequency(row.frequency).label.lower(),
            },
        )
        for row in Follow.objects.filter(confirmation=confirmation, confirmed=False)
    ]


def participant_follows(participant):
    """A participant's follows as their data page and file list them."""
    rows = Follow.objects.filter(follower__participant=participant).select_related("follower")
    items = []
    for row in rows:
        text = _("You follow %(followed)s (%(frequency)s)") % {
            "followed": _describe(row, translation.get_language()),
            "frequency": Frequency(
                row.follower.frequency if row.confirmed else row.frequency
            ).label.lower(),
        }
        if not row.confirmed:
            text = _("%(follow)s: not confirmed, nothing is sent") % {"follow": text}
        items.append((row.asked_at, text))
    return items


# News


def record_news(*, kind, subject, consultation, happened_at, object_id=None, idea=None):
    """Record something that happened to `consultation` (a page), once per (kind, subject):
    recording it again changes nothing. Returns the news, or None when recorded already."""
    themes = [str(key) for key in consultation.themes.values_list("translation_key", flat=True)]
    districts = [
        str(key) for key in consultation.districts.values_list("translation_key", flat=True)
    ]
    if idea is not None:
        if idea.theme_id:
            themes.append(str(idea.theme.translation_key))
        if idea.district_id:
            districts.append(str(idea.district.translation_key))
    try:
        with transaction.atomic():
            return News.objects.create(
                kind=kind,
                subject=subject,
                happened_at=happened_at,
                consultation_key=consultation.translation_key,
                theme_keys=sorted(set(themes)),
                district_keys=sorted(set(districts)),
                object_id=object_id,
                idea_id=idea.pk if idea is not None else None,
            )
    except IntegrityError:
        return None


def record_openings(*, now=None):
    """The periodic check: record each phase that started and each vote that opened within
    OPENINGS_WINDOW, once. Returns how many were new."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    recorded = 0
    phases = (
        Phase.objects.originals()
        .filter(start__lte=today, start__gt=today - OPENINGS_WINDOW, page__live=True)
        .select_related("page")
    )
    for phase in phases:
        recorded += bool(
            record_news(
                kind=NewsKind.PHASE_OPENED,
                subject=f"phase:{phase.translation_key}",
                consultation=phase.page,
                happened_at=now,
                object_id=phase.pk,
            )
        )
    envelopes = Envelope.objects.filter(
        opens_at__lte=now, opens_at__gt=now - OPENINGS_WINDOW, consultation__live=True
    ).select_related("consultation")
    for envelope in envelopes:
        recorded += bool(
            record_news(
                kind=NewsKind.VOTE_OPENED,
                subject=f"vote:{envelope.pk}",
                consultation=envelope.consultation,
                happened_at=envelope.opens_at,
                object_id=envelope.pk,
            )
        )
    return recorded


def idea_answered(sender, *, idea, now, **kwargs):
    """Receiver of participation's `idea_answered`: the idea's supporters and author are
    told, once, however often the answer is edited."""
    record_news(
        kind=NewsKind.IDEA_ANSWERED,
        subject=f"idea:{idea.pk}",
        consultation=idea.box.consultation,
        happened_at=now,
        object_id=idea.pk,
        idea=idea,
    )


def results_published(sender, instance, **kwargs):
    """`page_published` receiver for restitutions: a consultation's results are out, once
    (a translation published later is the same news)."""
    consultation = instance.get_parent().specific
    record_news(
        kind=NewsKind.RESULTS_PUBLISHED,
        subject=f"results:{consultation.translation_key}",
        consultation=consultation,
        happened_at=timezone.now(),
        object_id=instance.pk,
    )


# Telling


def is_due(follower, now):
    """At most one e-mail a calendar day, or one a week since the last one (or since they
    started following: a weekly digest gathers a whole week)."""
    today = timezone.localdate(now)
    if follower.frequency == Frequency.WEEKLY:
        last = follower.last_sent_at or follower.since
        return last is None or today - timezone.localdate(last) >= timedelta(days=7)
    return follower.last_sent_at is None or timezone.localdate(follower.last_sent_at) < today


def _concerns(news, followed, participant_id):
    if not news.topics() & followed:
        return False
    if news.kind != NewsKind.IDEA_ANSWERED:
        return True
    return (
        Idea.objects.filter(pk=news.idea_id, participant_id=participant_id, confirmed=True).exists()
        or IdeaSupport.objects.filter(
            idea_id=news.idea_id, participant_id=participant_id, confirmed=True
        ).exists()
    )


def _sentence(news, language):
    """(sentence, absolute link) saying one piece of news in `language`."""
    consultation = targets.find(Topic.CONSULTATION, news.consultation_key, language)
    if consultation is None:
        return None
    title = {"title": consultation.title}
    link = page_url(consultation)
    if news.kind == NewsKind.PHASE_OPENED:
        phase = Phase.objects.filter(pk=news.object_id).first()
        locale = targets.locale_for(language)
        shown = phase and locale and phase.get_translation_or_none(locale) or phase
        if shown is None:
            return None
        text = _("“%(title)s”: the step “%(phase)s” has begun.") % {**title, "phase": shown.title}
    elif news.kind == NewsKind.VOTE_OPENED:
        envelope = Envelope.objects.filter(pk=news.object_id).first()
        if envelope is None:
            return None
        text = _("“%(title)s”: the vote “%(vote)s” is open.") % {**title, "vote": envelope.title}
    elif news.kind == NewsKind.IDEA_ANSWERED:
        idea = Idea.objects.filter(pk=news.idea_id).first()
        if idea is None or not idea.is_public:
            return None
        text = _("“%(title)s”: the idea “%(idea)s” has an answer.") % {**title, "idea": idea.title}
        link = absolute_url(idea.get_absolute_url())
    else:
        text = _("“%(title)s”: the results are published.") % title
    return text, link


def unsubscribe_url(follower):
    with translation.override(follower.language):
        return absolute_url(reverse("follows:unsubscribe", args=[follower.token]))


def tell(follower, news, now):
    """E-mail `news` to one follower in their language; False when none is worth telling."""
    participant = follower.participant
    with translation.override(follower.language):
        items = [item for item in (_sentence(one, follower.language) for one in news) if item]
        if not items:
            return False
        unsubscribe = unsubscribe_url(follower)
        if len(items) == 1:
            subject = items[0][0]
        else:
            subject = ngettext(
                "%(count)s piece of news from what you follow",
                "%(count)s pieces of news from what you follow",
                len(items),
            ) % {"count": len(items)}
        mail.send(
            subject=subject,
            body=render_to_string(
                "follows/email/news.txt",
                {
                    "items": items,
                    "weekly": follower.frequency == Frequency.WEEKLY,
                    "unsubscribe": unsubscribe,
                    "data_link": data_url(participant),
                    "site_name": settings.WAGTAIL_SITE_NAME,
                },
            ),
            to=[participant.email],
            headers={
                "List-Unsubscribe": f"<{unsubscribe}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
    return True


def send_news(*, now=None):
    """Tell every confirmed follower who is due their news not told yet, in one e-mail.
    Returns how many e-mails were sent."""
    now = now or timezone.now()
    sent = 0
    followers = (
        Follower.objects.filter(follows__confirmed=True, participant__erased_at__isnull=True)
        .distinct()
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for follower_id in followers:
        with transaction.atomic():
            follower = (
                Follower.objects.select_for_update()
                .select_related("participant")
                .filter(pk=follower_id)
                .first()
            )
            if follower is None or not is_due(follower, now):
                continue
            untold = list(News.objects.filter(pk__gt=follower.told_until).order_by("pk"))
            if not untold:
                continue
            followed = {
                (row.topic, str(row.key)) for row in follower.follows.filter(confirmed=True)
            }
            news = [one for one in untold if _concerns(one, followed, follower.participant_id)]
            follower.told_until = untold[-1].pk
            if news and tell(follower, news, now):
                follower.last_sent_at = now
                sent += 1
            follower.save(update_fields=["told_until", "last_sent_at"])
    return sent
