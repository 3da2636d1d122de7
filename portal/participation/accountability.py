"""What a restitution tells of a consultation's participation, as data frozen at publication.

`snapshot()` gathers the figures (overall, by theme, by district), the survey results and the
public ideas with their answers into plain JSON, from the consultation in every language
(what its pages embed belongs to it: membership.py). A restitution keeps it with its
published revision, so the published account does not shift when late data arrives; its
blocks, its PDF report and its e-mails read it from there.

By theme and by district, only ideas and their supports are counted: survey answers and
petition supports are not filed under a theme or a district.
"""

from collections import defaultdict

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.models import Locale

from portal.core import page_cache
from portal.core.http import absolute_url, page_url
from portal.pages.taxonomy import District, Theme

from . import services
from .figures import consultation_figures
from .membership import language_versions
from .models import (
    Idea,
    IdeaStatus,
    IdeaSupport,
    Participant,
    QuestionKind,
    ResultsAnnouncement,
    Support,
    Survey,
    SurveyResponse,
)
from .models.ideas import PUBLIC_STATUSES
from .models.translated import counterparts, labelled_options
from .survey_results import COUNTED_KINDS, survey_results

# The ideas "with what will be done": those the authority took up.
TAKEN_UP = (IdeaStatus.RETAINED, IdeaStatus.REALISED)


def counted_ideas(consultation):
    return Idea.objects.filter(
        box__consultation__in=language_versions(consultation), confirmed=True
    ).exclude(status=IdeaStatus.REJECTED)


def breakdown(consultation, field, locale):
    """Ideas, supports and distinct participants per theme or district (`field`).

    Names are given in `locale` (the restitution's language) when the term is translated.
    """
    ideas = counted_ideas(consultation).filter(**{f"{field}__isnull": False})
    per_term = {
        row[field]: row
        for row in ideas.values(field).annotate(
            contributions=Count("id", distinct=True),
            supports=Count("supports", filter=Q(supports__confirmed=True)),
        )
    }
    people = defaultdict(set)
    anonymous = defaultdict(int)  # ideas on paper: one person each
    for term, participant in ideas.values_list(field, "participant_id"):
        if participant is None:
            anonymous[term] += 1
        else:
            people[term].add(participant)
    for term, participant in IdeaSupport.objects.filter(idea__in=ideas, confirmed=True).values_list(
        f"idea__{field}", "participant_id"
    ):
        people[term].add(participant)
    model = Theme if field == "theme" else District
    names = term_names(model, per_term, locale)
    rows = [
        {
            "name": names[term],
            "contributions": row["contributions"],
            "supports": row["supports"],
            "participants": len(people[term]) + anonymous[term],
        }
        for term, row in per_term.items()
    ]
    return sorted(rows, key=lambda row: (-row["contributions"], row["name"]))


def idea_row(idea, locale_names):
    return {
        "id": idea.pk,
        "title": idea.title,
        "url": idea.get_absolute_url(),
        "status": idea.status,
        "theme": locale_names["theme"].get(idea.theme_id, ""),
        "district": locale_names["district"].get(idea.district_id, ""),
        "supports": idea.support_count,
        "answer": idea.official_answer,
        "reason": idea.public_reason if idea.status == IdeaStatus.NOT_RETAINED else "",
        "source": idea.source,
    }


def term_names(model, ids, locale):
    terms = list(model.objects.filter(pk__in=ids))
    translated = {
        term.translation_key: term.name
        for term in model.objects.filter(
            locale=locale, translation_key__in=[term.translation_key for term in terms]
        )
    }
    return {term.pk: translated.get(term.translation_key, term.name) for term in terms}


def public_ideas(consultation, locale):
    ideas = list(
        Idea.objects.filter(
            box__consultation__in=language_versions(consultation), status__in=PUBLIC_STATUSES
        )
        .only(
            "id",
            "title",
            "status",
            "theme_id",
            "district_id",
            "support_count",
            "official_answer",
            "public_reason",
            "source",
        )
        .order_by("-support_count", "title", "pk")
    )
    names = {
        "theme": term_names(Theme, {idea.theme_id for idea in ideas}, locale),
        "district": term_names(District, {idea.district_id for idea in ideas}, locale),
    }
    return [idea_row(idea, names) for idea in ideas]


def district_names(locale):
    """{district name as answers store it (the default language): its name in `locale`}."""
    names = defaultdict(dict)
    districts = District.objects.values_list("translation_key", "locale_id", "name")
    for key, locale_id, name in districts:
        names[key][locale_id] = name
    default = Locale.get_default().pk
    return {
        versions[default]: versions.get(locale.pk, versions[default])
        for versions in names.values()
        if default in versions
    }


def survey_row(survey, locale=None):
    """A survey's counted questions (choices, scales, districts, numbers); never free text.

    Its answers pool every language (models/translated.py); its words are those of its
    version in `locale`, when it has one.
    """
    words = survey.in_language(locale.pk if locale else None)
    wording = {
        original.pk: shown
        for shown, original in counterparts(
            words.questions.all() if words is not survey else [], survey.questions.all()
        )
    }
    districts = None
    questions = []
    for result in survey_results(survey, confidential=False):
        question = result.question
        if question.confidential:
            continue
        said = wording.get(question.pk, question)
        labels = dict(labelled_options(said.options, question.options))
        if question.kind == QuestionKind.DISTRICT and locale is not None:
            districts = district_names(locale) if districts is None else districts
            labels = districts
        row = {
            "id": question.pk,
            "label": said.label,
            "kind": question.kind,
            "respondents": result.respondents,
            "options": [],
            "mean": result.mean,
            "minimum": result.minimum,
            "maximum": result.maximum,
        }
        if question.kind in COUNTED_KINDS:
            row["options"] = [
                {
                    "label": labels.get(option.label, str(option.label)),
                    "count": option.count,
                    "percent": option.percent,
                }
                for option in result.options
            ]
        elif result.mean is None:
            continue  # free text: read by the team, summed up in the decisions, not charted
        questions.append(row)
    respondents = survey.responses.filter(confirmed=True).count()
    return {"title": words.title, "respondents": respondents, "questions": questions}


def snapshot(consultation, locale, now=None):
    """Everything a restitution of `consultation` shows, as JSON-ready data, in `locale`'s
    language (whoever publishes it: its links lead to the ideas' pages in that language, and
    its words, "Other" included, are that language's)."""
    with translation.override(locale.language_code):
        return language_snapshot(consultation, locale, now)


def language_snapshot(consultation, locale, now):
    figures = consultation_figures(consultation)
    # Originals only: a translation gathers no answer of its own (models/translated.py).
    surveys = Survey.objects.filter(
        consultation__in=language_versions(consultation), translation_of__isnull=True
    ).prefetch_related("questions")
    return {
        "taken_at": (now or timezone.now()).isoformat(),
        "consultation": {
            "title": consultation.title,
            "opens": consultation.opens.isoformat() if consultation.opens else None,
            "closes": consultation.closes.isoformat() if consultation.closes else None,
        },
        "figures": {
            "contributions": figures.contributions,
            "supports": figures.supports,
            "participants": figures.participants,
            "by_theme": breakdown(consultation, "theme", locale),
            "by_district": breakdown(consultation, "district", locale),
        },
        "ideas": public_ideas(consultation, locale),
        "surveys": {str(survey.pk): survey_row(survey, locale) for survey in surveys},
    }


def freeze(page, revision, now=None):
    """Keep the participation data a restitution shows, with the revision being published.

    Taken at the first publication, and again when the editor asked for it; otherwise the
    data already kept with the page (and with each later revision) stays as it was, so a
    republished typo fix does not move the figures. The page's `snapshot()` gathers it: this
    module's `snapshot` and what apps above participation add (the budgets' results).
    """
    if page.results and not page.refresh_results:
        return page.results
    data = page.snapshot(now=now)
    type(page).objects.filter(pk=page.pk).update(results=data, refresh_results=False)
    page.results, page.refresh_results = data, False
    if revision is not None:
        revision.content.update(results=data, refresh_results=False)
        revision.save(update_fields=["content"])
    page_cache.invalidate()
    return data


def freeze_on_publish(sender, instance, revision=None, **kwargs):
    """`page_published` receiver for restitutions: freeze the data, then tell participants
    (in the background, once the publication is committed)."""
    freeze(instance, revision)
    if not ResultsAnnouncement.objects.filter(restitution=instance).exists():
        transaction.on_commit(lambda: announce_results.enqueue(instance.pk))


@task()
def announce_results(restitution_id):
    """Tell the participants who asked for them that a consultation's results are out."""
    # The restitution page type, without importing page modules (docs/architecture.md, Layers).
    restitutions = ResultsAnnouncement._meta.get_field("restitution").related_model.objects
    page = restitutions.live().filter(pk=restitution_id).first()
    return announce(page) if page is not None else 0


def interested(consultation):
    """Confirmed participants who contributed to the consultation and asked for its results."""
    contributors = (
        Idea.objects.filter(
            box__consultation=consultation, participant__isnull=False, confirmed=True
        )
        .values("participant_id")
        .union(
            SurveyResponse.objects.filter(
                survey__consultation=consultation, participant__isnull=False, confirmed=True
            ).values("participant_id"),
            IdeaSupport.objects.filter(idea__box__consultation=consultation, confirmed=True).values(
                "participant_id"
            ),
            Support.objects.filter(petition__consultation=consultation, confirmed=True).values(
                "participant_id"
            ),
        )
    )
    return Participant.objects.filter(
        pk__in=[row["participant_id"] for row in contributors],
        wants_results=True,
        confirmed_at__isnull=False,
        erased_at__isnull=True,
    ).order_by("pk")


def announce(page, now=None):
    """E-mail the published restitution to the participants who asked for it, once.

    The restitution is claimed by creating its ResultsAnnouncement (one per restitution), so
    a second publication, or two workers at once, send nothing more. Each e-mail is in the
    participant's language and links to the restitution in that language when it is
    translated. Returns how many were sent.
    """
    now = now or timezone.now()
    try:
        with transaction.atomic():
            announcement = ResultsAnnouncement.objects.create(restitution=page, sent_at=now)
    except IntegrityError:
        return 0
    consultation = page.consultation
    messages = []
    for participant in interested(consultation):
        with translation.override(participant.language):
            locale = Locale.objects.filter(language_code=participant.language).first()
            translated = page.get_translation_or_none(locale) if locale else None
            shown = translated if translated is not None and translated.live else page
            context = {
                "consultation": consultation.title,
                "link": page_url(shown),
                "data_link": absolute_url(
                    reverse("participation:my_data", args=[services.data_token(participant)])
                ),
                "site_name": settings.WAGTAIL_SITE_NAME,
            }
            messages.append(
                EmailMessage(
                    subject=_("The results of “%(title)s” are published")
                    % {"title": consultation.title},
                    body=render_to_string("participation/email/results.txt", context),
                    from_email=settings.DEFAULT_FROM_EMAIL,
                    to=[participant.email],
                )
            )
    if messages:
        get_connection().send_messages(messages)
    announcement.recipients = len(messages)
    announcement.save(update_fields=["recipients"])
    return len(messages)
