"""What the site holds about a participant: listed on their "my data" page, and given to them
as a file to take away (the right to data portability, RGPD article 20).

The file is made from the same lists as the page, so it holds everything the page shows, with
what the participant wrote in full: their ideas' text and extra answers, their survey answers
(confidential ones included: they are theirs). It is only ever given to the browser proven to
be that participant (`views.download_my_data`).
"""

from django.conf import settings
from django.utils import timezone

from portal.core.http import absolute_url

from .held import held
from .models import IdeaStatus


def personal_data(participant):
    """Everything stored about a participant, for the page that shows it and for the file."""
    return {
        "supports": participant.supports.select_related("petition").order_by("-created_at"),
        "responses": participant.survey_responses.select_related("survey")
        .prefetch_related("answers__question")
        .order_by("-created_at"),
        "ideas": participant.ideas.select_related("theme", "district")
        .prefetch_related("box__extra_fields")
        .order_by("-created_at"),
        "idea_supports": participant.idea_supports.select_related("idea").order_by("-created_at"),
        "event_proposals": participant.event_proposals.order_by("-created_at"),
        "held": held(participant),
    }


def when(value):
    return timezone.localtime(value).isoformat() if value else None


def idea_entry(idea):
    labels = {field.key: field.label for field in idea.box.extra_fields.all()}
    return {
        "title": idea.title,
        "description": idea.description,
        "status": idea.get_status_display(),
        "theme": idea.theme.name if idea.theme else None,
        "district": idea.district.name if idea.district else None,
        "place": idea.place,
        "extra_fields": {labels.get(key, key): value for key, value in idea.extra.items()},
        "official_answer": idea.official_answer,
        "reason_not_retained": (
            idea.public_reason if idea.status == IdeaStatus.NOT_RETAINED else ""
        ),
        "submitted_at": when(idea.created_at),
        "published_at": when(idea.published_at),
        "url": absolute_url(idea.get_absolute_url()) if idea.is_public else None,
    }


def response_entry(response):
    return {
        "survey": response.survey.title,
        "answered_at": when(response.created_at),
        "confirmed": response.confirmed,
        "answers": [
            {"question": answer.question.label, "answer": answer.value}
            for answer in sorted(
                response.answers.all(),
                key=lambda answer: (answer.question.sort_order or 0, answer.pk),
            )
        ],
    }


def export(participant, now=None):
    """The participant's data as JSON-ready data, in the active language."""
    data = personal_data(participant)
    return {
        "site": settings.WAGTAIL_SITE_NAME,
        "address": absolute_url("/"),
        "exported_at": when(now or timezone.now()),
        "participant": {
            "email": participant.email,
            "public_name": participant.display_name,
            "told_about_results": participant.wants_results,
            "language": participant.language,
            "first_seen_at": when(participant.created_at),
            "confirmed_at": when(participant.confirmed_at),
        },
        "petition_supports": [
            {
                "petition": support.petition.title,
                "at": when(support.created_at),
                "confirmed": support.confirmed,
            }
            for support in data["supports"]
        ],
        "ideas": [idea_entry(idea) for idea in data["ideas"]],
        "idea_supports": [
            {
                "idea": support.idea.title,
                "at": when(support.created_at),
                "confirmed": support.confirmed,
            }
            for support in data["idea_supports"]
        ],
        "event_proposals": [
            {
                "title": proposal.title,
                "organiser": proposal.organiser_name,
                "status": proposal.get_status_display(),
                "at": when(proposal.created_at),
            }
            for proposal in data["event_proposals"]
        ],
        "survey_responses": [response_entry(response) for response in data["responses"]],
        "other": [
            {
                "label": str(label),
                "items": [{"at": when(at), "what": str(sentence)} for at, sentence in items],
            }
            for label, items in data["held"]
        ],
    }
