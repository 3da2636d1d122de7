"""Petitions: supports, and the thresholds they cross, which moderators are told of once."""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core import mail, roles
from portal.core.roles import StaffRole

from ..eligibility import NOTHING
from ..errors import ParticipationClosed
from ..identity import waiting_on
from ..models import Support, Threshold


def support_count(petition):
    return Support.objects.filter(petition=petition, confirmed=True).count()


def support(*, participant, petition, declaration=NOTHING, now=None):
    """Record a support; returns False if this participant already supported the petition.
    `declaration`: what the consultation's eligibility rule asked."""
    now = now or timezone.now()
    if not petition.is_open(now):
        raise ParticipationClosed(_("This petition is not open for support."))
    try:
        with transaction.atomic():
            Support.objects.create(
                participant=participant,
                petition=petition,
                confirmed=participant.counts_now,
                confirmation=waiting_on(participant),
                created_at=now,
                **declaration.fields(),
            )
    except IntegrityError:
        return False
    if participant.counts_now:
        record_crossed_thresholds(petition, now=now)
    return True


def withdraw(*, participant, petition, now=None):
    """Take a support back, while the petition is open."""
    if not petition.is_open(now or timezone.now()):
        raise ParticipationClosed(_("This petition is closed: supports can no longer change."))
    Support.objects.filter(participant=participant, petition=petition).delete()


def record_crossed_thresholds(petition, now=None):
    """Date the thresholds the count has reached; tell the moderators of each, once."""
    now = now or timezone.now()
    count = support_count(petition)
    crossed = []
    candidates = Threshold.objects.filter(
        petition=petition, crossed_at__isnull=True, count__lte=count
    )
    for threshold in candidates:
        # Only the request whose UPDATE changes the row announces the crossing.
        claimed = Threshold.objects.filter(pk=threshold.pk, crossed_at__isnull=True).update(
            crossed_at=now
        )
        if claimed:
            threshold.crossed_at = now
            crossed.append(threshold)
    if crossed:
        transaction.on_commit(lambda: notify_moderators(petition, crossed, count))
    return crossed


def moderator_emails():
    """The addresses of the moderators (whatever their group is called) and administrators."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    moderators = users.filter(pk__in=roles.members(StaffRole.MODERATORS)) | users.filter(
        is_superuser=True
    )
    return sorted(set(moderators.values_list("email", flat=True)))


def notify_moderators(petition, thresholds, count):
    recipients = moderator_emails()
    if not recipients:
        return
    context = {"petition": petition, "thresholds": thresholds, "count": count}
    mail.send(
        subject=_("Threshold reached: %(title)s") % {"title": petition.title},
        body=render_to_string("participation/email/threshold.txt", context),
        to=recipients,
    )
