"""Participation figures of a consultation, computed by the database in a few queries.

Only what counts is counted: confirmed contributions, ideas not rejected at moderation.
A participant is a person, whatever they did: someone who answered a survey, proposed an
idea and supported three counts once. People we cannot tell apart (anonymous survey answers,
ideas written on paper) count once per contribution. A consultation is counted in every
language at once: its translations share its surveys, petitions and idea boxes
(`membership.language_versions`), and each contribution belongs to one of them.
"""

from dataclasses import dataclass
from datetime import timedelta
from uuid import UUID

from django.db import connection
from django.db.models import CharField, Count, F, Value
from django.db.models.functions import Cast, Concat, TruncDate
from wagtail.models import Page

from .membership import language_versions
from .models import Idea, IdeaStatus, IdeaSupport, Support, SurveyResponse


@dataclass(frozen=True)
class Figures:
    contributions: int
    supports: int
    participants: int


def consultation_figures(consultation):
    pages = language_versions(consultation)
    ideas = Idea.objects.filter(box__consultation__in=pages, confirmed=True).exclude(
        status=IdeaStatus.REJECTED
    )
    responses = SurveyResponse.objects.filter(survey__consultation__in=pages, confirmed=True)
    idea_supports = IdeaSupport.objects.filter(idea__box__consultation__in=pages, confirmed=True)
    petition_supports = Support.objects.filter(petition__consultation__in=pages, confirmed=True)

    known = (
        ideas.filter(participant__isnull=False)
        .values("participant_id")
        .union(
            responses.filter(participant__isnull=False).values("participant_id"),
            idea_supports.values("participant_id"),
            petition_supports.values("participant_id"),
        )
    )
    unknown = (
        ideas.filter(participant__isnull=True).count()
        + responses.filter(participant__isnull=True).count()
    )
    return Figures(
        contributions=ideas.count() + responses.count(),
        supports=idea_supports.count() + petition_supports.count(),
        participants=known.count() + unknown,
    )


def participants_by_consultation(consultations):
    """{consultation page id: participants} for a listing's cards, in one query whatever
    their number, counted as `consultation_figures` counts them.

    Each contribution gives a (consultation, person) row: a known participant is "p<id>",
    someone we cannot tell apart is their contribution ("i<id>", "r<id>"); the UNION keeps
    each row once and the database counts them per consultation (its translation key, which
    its pages in every language share).
    """
    pages = {page.pk: page for page in consultations}
    if not pages:
        return {}
    keys = {page.translation_key for page in pages.values()}
    versions = Page.objects.filter(translation_key__in=keys).values("pk")

    def rows(queryset, consultation, person):
        return (
            queryset.filter(**{f"{consultation}__in": versions})
            .order_by()
            .values(consultation_key=F(f"{consultation}__translation_key"), person=person)
        )

    def known(prefix="p", field="participant_id"):
        return Concat(Value(prefix), Cast(field, CharField()), output_field=CharField())

    ideas = Idea.objects.filter(confirmed=True).exclude(status=IdeaStatus.REJECTED)
    responses = SurveyResponse.objects.filter(confirmed=True)
    union = rows(ideas.filter(participant__isnull=False), "box__consultation", known()).union(
        rows(ideas.filter(participant__isnull=True), "box__consultation", known("i", "pk")),
        rows(responses.filter(participant__isnull=False), "survey__consultation", known()),
        rows(responses.filter(participant__isnull=True), "survey__consultation", known("r", "pk")),
        rows(IdeaSupport.objects.filter(confirmed=True), "idea__box__consultation", known()),
        rows(Support.objects.filter(confirmed=True), "petition__consultation", known()),
    )
    sql, params = union.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT consultation_key, COUNT(*) FROM ({sql}) people GROUP BY consultation_key",
            params,
        )
        # SQLite gives the key as hexadecimal text, PostgreSQL as a UUID.
        counts = {UUID(str(key)): count for key, count in cursor.fetchall()}
    return {pk: counts.get(page.translation_key, 0) for pk, page in pages.items()}


def figures_by_consultation(consultations):
    """{consultation page id: Figures} for many consultations in five queries whatever their
    number, each counted as `consultation_figures` counts it (open data lists them all)."""
    pages = {page.pk: page for page in consultations}
    if not pages:
        return {}
    keys = {page.translation_key for page in pages.values()}
    versions = Page.objects.filter(translation_key__in=keys).values("pk")

    def per_key(queryset, consultation):
        rows = (
            queryset.filter(**{f"{consultation}__in": versions})
            .order_by()
            .values(key=F(f"{consultation}__translation_key"))
            .annotate(count=Count("pk"))
        )
        return {row["key"]: row["count"] for row in rows}

    ideas = per_key(
        Idea.objects.filter(confirmed=True).exclude(status=IdeaStatus.REJECTED), "box__consultation"
    )
    responses = per_key(SurveyResponse.objects.filter(confirmed=True), "survey__consultation")
    idea_supports = per_key(IdeaSupport.objects.filter(confirmed=True), "idea__box__consultation")
    petition_supports = per_key(Support.objects.filter(confirmed=True), "petition__consultation")
    participants = participants_by_consultation(pages.values())
    return {
        pk: Figures(
            contributions=ideas.get(page.translation_key, 0)
            + responses.get(page.translation_key, 0),
            supports=idea_supports.get(page.translation_key, 0)
            + petition_supports.get(page.translation_key, 0),
            participants=participants[pk],
        )
        for pk, page in pages.items()
    }


DAYS_SHOWN = 30


def per_day(queryset, since):
    """{day: count} of `queryset`'s rows created since `since` (a date), in local time."""
    return dict(
        queryset.filter(created_at__date__gte=since)
        .annotate(day=TruncDate("created_at"))
        .order_by()
        .values("day")
        .annotate(count=Count("pk"))
        .values_list("day", "count")
    )


def participation_per_day(today, days=DAYS_SHOWN):
    """(day, contributions, supports) for each of the last `days` days up to `today`, oldest
    first, days without any included: four queries, whatever the number of contributions.
    Counted as `consultation_figures` counts them, across every consultation."""
    since = today - timedelta(days=days - 1)
    ideas = per_day(Idea.objects.filter(confirmed=True).exclude(status=IdeaStatus.REJECTED), since)
    responses = per_day(SurveyResponse.objects.filter(confirmed=True), since)
    idea_supports = per_day(IdeaSupport.objects.filter(confirmed=True), since)
    petition_supports = per_day(Support.objects.filter(confirmed=True), since)
    rows = []
    for offset in range(days):
        day = since + timedelta(days=offset)
        rows.append(
            (
                day,
                ideas.get(day, 0) + responses.get(day, 0),
                idea_supports.get(day, 0) + petition_supports.get(day, 0),
            )
        )
    return rows


def ideas_by_district():
    """(district name or None, ideas) of the ideas that count, most first: one query. Ideas
    carry a district; survey answers and supports do not."""
    return list(
        Idea.objects.filter(confirmed=True)
        .exclude(status=IdeaStatus.REJECTED)
        .order_by()
        .values("district")
        .annotate(count=Count("pk"))
        .order_by("-count", "district__name")
        .values_list("district__name", "count")
    )
