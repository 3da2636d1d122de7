"""Residents following a consultation, a theme or a district, and the news told to them.

A follow names what it follows by its translation key: the French and English versions of
a consultation, theme or district are one thing to follow. News are recorded once each
(`subject`), as they happen, and told in digests (services.send_news).
"""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.participation.models import Confirmation, Participant


def new_token():
    """An unsubscribe token: unguessable, so the link alone proves nothing but receipt."""
    return secrets.token_urlsafe(32)


class Topic(models.TextChoices):
    CONSULTATION = "consultation", _("consultation")
    THEME = "theme", _("theme")
    DISTRICT = "district", _("district")


class Frequency(models.TextChoices):
    DAILY = "daily", _("At most one e-mail a day")
    WEEKLY = "weekly", _("A weekly digest")


class Follower(models.Model):
    """A participant who follows something: how often and in which language they are told,
    what they were told up to, and the token of the unsubscribe link of every e-mail."""

    participant = models.OneToOneField(
        Participant,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="follower",
    )
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.DAILY
    )
    language = models.CharField(_("language"), max_length=10)
    token = models.CharField(_("unsubscribe token"), max_length=64, unique=True, default=new_token)
    since = models.DateTimeField(_("following since"), null=True, blank=True)
    # News up to this id were told, or came before the first confirmed follow.
    told_until = models.PositiveBigIntegerField(_("told until"), default=0)
    last_sent_at = models.DateTimeField(_("last e-mail"), null=True, blank=True)

    class Meta:
        verbose_name = _("follower")
        verbose_name_plural = _("followers")

    def __str__(self):
        return str(self.pk)


class Follow(models.Model):
    """One thing a follower follows; until its confirmation link is used (`confirmation`),
    it does not count and nothing is told."""

    follower = models.ForeignKey(
        Follower, verbose_name=_("follower"), on_delete=models.CASCADE, related_name="follows"
    )
    topic = models.CharField(_("followed"), max_length=20, choices=Topic.choices)
    key = models.UUIDField(_("translation key"))
    frequency = models.CharField(
        _("frequency asked"), max_length=10, choices=Frequency.choices, default=Frequency.DAILY
    )
    confirmation = models.ForeignKey(
        Confirmation,
        verbose_name=_("confirmation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,  # an unused link purged takes what waited on it
        related_name="follows",
    )
    confirmed = models.BooleanField(_("confirmed"), default=False)
    asked_at = models.DateTimeField(_("asked on"))
    confirmed_at = models.DateTimeField(_("confirmed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(
                fields=["follower", "topic", "key"], name="follows_one_follow_per_topic"
            )
        ]
        indexes = [models.Index(fields=["topic", "key"], name="follows_topic_key")]

    def __str__(self):
        return f"{self.topic} {self.key}"


class NewsKind(models.TextChoices):
    PHASE_OPENED = "phase", _("a phase opened")
    VOTE_OPENED = "vote", _("a vote opened")
    IDEA_ANSWERED = "answer", _("an idea was answered")
    RESULTS_PUBLISHED = "results", _("results were published")


class News(models.Model):
    """Something that happened to a consultation, recorded once (`subject`: "phase:<key>",
    "vote:<id>", "idea:<id>", "results:<key>") with the topics it concerns.

    An idea's answer is told only to those who support or proposed it (`idea_id`).
    """

    kind = models.CharField(_("kind"), max_length=10, choices=NewsKind.choices)
    subject = models.CharField(_("subject"), max_length=100)
    happened_at = models.DateTimeField(_("happened on"))
    consultation_key = models.UUIDField(_("consultation"))
    theme_keys = models.JSONField(_("themes"), default=list, blank=True)
    district_keys = models.JSONField(_("districts"), default=list, blank=True)
    object_id = models.PositiveBigIntegerField(_("object"), null=True, blank=True)
    idea_id = models.PositiveBigIntegerField(_("idea"), null=True, blank=True)

    class Meta:
        verbose_name = _("news")
        verbose_name_plural = _("news")
        constraints = [
            models.UniqueConstraint(fields=["kind", "subject"], name="follows_news_once")
        ]

    def __str__(self):
        return f"{self.kind} {self.subject}"

    def topics(self):
        """The (topic, key) pairs a follower may follow to be told this."""
        return {
            (Topic.CONSULTATION, str(self.consultation_key)),
            *((Topic.THEME, key) for key in self.theme_keys),
            *((Topic.DISTRICT, key) for key in self.district_keys),
        }
