"""What the portal publishes as open data, dataset by dataset: its fields and its rows.

Five datasets, each for one consultation or for the whole site (the consultations published
in the file's language, each counted in all its languages as its page counts it):

- ideas: the public ideas (never one awaiting moderation or rejected), with their status,
  official answer, public reason, supports and point on the map;
- budget projects: every project of the participatory budgets (all are public), with its
  cost, status, reason when not feasible and point, never who proposed it;
- survey results: counts of choices, scales and districts, mean and range of numbers; never a
  free text (texts, dates, "other" answers are only counted) nor a confidential question;
- figures: contributions, supports and participants, as the consultation's page shows them;
- events: the public events of the agenda.

Each dataset declares its fields once: the CSV's header, the JSON Schema and the open-data
page are made from them (`files.py`). Nothing names a person but the public name an idea's
author chose, as the idea's page shows it; no e-mail address is ever read. A file costs the
same number of queries whatever its size: rows are read as values, in one query per kind.
"""

from dataclasses import dataclass
from functools import cached_property

from django.db.models import F, Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.budgets.models import BudgetProject, ProjectStatus
from portal.core.http import absolute_url, page_url
from portal.pages.agenda import EventPage, EventState
from portal.pages.consultation import ConsultationPage
from portal.pages.phases import ConsultationStatus, Phase
from portal.pages.taxonomy import District, Theme
from portal.participation.figures import figures_by_consultation
from portal.participation.models import Idea, IdeaSource, IdeaStatus, QuestionKind, Survey
from portal.participation.models.ideas import PUBLIC_STATUSES
from portal.participation.models.translated import labelled_options
from portal.participation.survey_results import published_results


@dataclass(frozen=True)
class Field:
    """One column of the CSV, one property of each row in the JSON file."""

    name: str
    type: str  # JSON Schema's: "integer", "number", "string", "boolean", "array" (of strings)
    description: str
    nullable: bool = False
    format: str = ""  # "date-time", "date", "uri"
    enum: tuple = ()


@dataclass(frozen=True)
class Dataset:
    key: str
    file_name: str  # translated: the file's name in the address, in the visitor's language
    title: str
    description: str
    fields: tuple
    rows: object  # rows(scope): an iterator of {field name: value}, JSON-ready


class Scope:
    """The consultations a file covers: one, or every consultation live and public in a
    language. Consultations are keyed by their translation key, which their pages in every
    language share: ideas, surveys and events of any language version belong to them."""

    def __init__(self, locale, consultation_id=None):
        self.locale = locale
        pages = (
            ConsultationPage.objects.live()
            .public()
            .filter(locale=locale)
            .with_dates()
            .prefetch_related(Prefetch("phases", queryset=Phase.objects.order_by("sort_order")))
            .order_by("-first_published_at", "pk")
        )
        if consultation_id is not None:
            pages = pages.filter(pk=consultation_id)
        self.pages = list(pages)
        # The consultation a file covers; None for the whole site, and for a consultation
        # that is not live and public in this language (not found).
        self.consultation = self.pages[0] if consultation_id is not None and self.pages else None

    @cached_property
    def by_key(self):
        return {page.translation_key: page for page in self.pages}

    @cached_property
    def urls(self):
        return {page.pk: page_url(page) for page in self.pages}


def term_names(model, locale):
    """{term id: name in `locale`} for every theme or district, in one query: a term of
    another language is named by its translation when there is one."""
    terms = list(model.objects.values_list("pk", "translation_key", "locale_id", "name"))
    translated = {key: name for _pk, key, locale_id, name in terms if locale_id == locale.pk}
    return {pk: translated.get(key, name) for pk, key, _locale, name in terms}


def local_time(value):
    return timezone.localtime(value).isoformat() if value else None


def consultation_fields():
    return (
        Field("consultation_id", "integer", _("Number of the consultation's page.")),
        Field("consultation", "string", _("Title of the consultation.")),
    )


def consultation_of(scope, key):
    """The two consultation columns for a translation key, or None for both."""
    page = scope.by_key.get(key)
    return (page.pk, page.title) if page else (None, None)


def point_fields():
    return (
        Field("latitude", "number", _("Latitude (WGS 84); empty when not placed."), nullable=True),
        Field(
            "longitude", "number", _("Longitude (WGS 84); empty when not placed."), nullable=True
        ),
    )


def coordinate(value):
    return None if value is None else float(value)


# Ideas

IDEA_FIELDS = (
    Field("id", "integer", _("Number of the idea.")),
    *consultation_fields(),
    Field("title", "string", _("Title of the idea.")),
    Field("description", "string", _("The idea as its author wrote it.")),
    Field("theme", "string", _("Theme chosen for the idea."), nullable=True),
    Field("district", "string", _("District chosen for the idea."), nullable=True),
    Field("place", "string", _("Place the idea is about, as its author wrote it.")),
    *point_fields(),
    Field(
        "status",
        "string",
        _("Where the idea stands: published, under_study, retained, not_retained or realised."),
        enum=tuple(PUBLIC_STATUSES),
    ),
    Field("status_label", "string", _("The status in words.")),
    Field("official_answer", "string", _("The authority's public answer.")),
    Field("answered_at", "string", _("When it was answered."), nullable=True, format="date-time"),
    Field("reason_not_retained", "string", _("Why the idea was not retained.")),
    Field("supports", "integer", _("Number of confirmed supports.")),
    Field("published_at", "string", _("When it was published."), nullable=True, format="date-time"),
    Field(
        "source",
        "string",
        _("online, or paper for an idea collected on paper at an event."),
        enum=tuple(IdeaSource.values),
    ),
    Field(
        "author",
        "string",
        _("The public name its author chose, if any; empty when proposed anonymously."),
        nullable=True,
    ),
    Field("url", "string", _("Address of the idea's page."), format="uri"),
)


def idea_rows(scope):
    themes, districts = term_names(Theme, scope.locale), term_names(District, scope.locale)
    ideas = (
        Idea.objects.filter(
            status__in=PUBLIC_STATUSES, box__consultation__translation_key__in=list(scope.by_key)
        )
        .order_by("pk")
        .values(
            "id",
            "title",
            "description",
            "theme_id",
            "district_id",
            "place",
            "latitude",
            "longitude",
            "status",
            "official_answer",
            "answered_at",
            "public_reason",
            "support_count",
            "published_at",
            "source",
            "author_name",
            key=F("box__consultation__translation_key"),
        )
    )
    for idea in ideas.iterator(chunk_size=1000):
        consultation_id, consultation = consultation_of(scope, idea["key"])
        online = idea["source"] == IdeaSource.ONLINE
        yield {
            "id": idea["id"],
            "consultation_id": consultation_id,
            "consultation": consultation,
            "title": idea["title"],
            "description": idea["description"],
            "theme": themes.get(idea["theme_id"]),
            "district": districts.get(idea["district_id"]),
            "place": idea["place"],
            "latitude": coordinate(idea["latitude"]),
            "longitude": coordinate(idea["longitude"]),
            "status": idea["status"],
            "status_label": str(IdeaStatus(idea["status"]).label),
            "official_answer": idea["official_answer"],
            "answered_at": local_time(idea["answered_at"]),
            "reason_not_retained": (
                idea["public_reason"] if idea["status"] == IdeaStatus.NOT_RETAINED else ""
            ),
            "supports": idea["support_count"],
            "published_at": local_time(idea["published_at"]),
            "source": idea["source"],
            # As the idea's page shows it: an idea on paper is said to be collected, not signed.
            "author": (idea["author_name"] or None) if online else None,
            "url": absolute_url(Idea(pk=idea["id"], title=idea["title"]).get_absolute_url()),
        }


# Budget projects

PROJECT_FIELDS = (
    Field("id", "integer", _("Number of the project.")),
    *consultation_fields(),
    Field("envelope_id", "integer", _("Number of the envelope the project is in.")),
    Field("envelope", "string", _("Title of the envelope.")),
    Field("title", "string", _("Title of the project.")),
    Field("summary", "string", _("What the project is.")),
    Field("cost", "integer", _("The officers' estimate of its cost, in euros.")),
    Field(
        "status",
        "string",
        _(
            "Where the project stands: proposed, under_study, feasible, not_feasible, "
            "on_ballot, winner, not_selected or realised."
        ),
        enum=tuple(ProjectStatus.values),
    ),
    Field("status_label", "string", _("The status in words.")),
    Field("reason_not_feasible", "string", _("Why the project is not feasible.")),
    Field("theme", "string", _("Theme of the project."), nullable=True),
    Field("district", "string", _("District of the project."), nullable=True),
    Field("place", "string", _("Place the project is about.")),
    *point_fields(),
    Field("url", "string", _("Address of the project's page."), format="uri"),
)


def project_rows(scope):
    themes, districts = term_names(Theme, scope.locale), term_names(District, scope.locale)
    projects = (
        BudgetProject.objects.filter(envelope__consultation__translation_key__in=list(scope.by_key))
        .order_by("pk")
        .values(
            "id",
            "envelope_id",
            "title",
            "summary",
            "cost",
            "status",
            "public_reason",
            "theme_id",
            "district_id",
            "place",
            "latitude",
            "longitude",
            envelope_title=F("envelope__title"),
            key=F("envelope__consultation__translation_key"),
        )
    )
    for project in projects.iterator(chunk_size=1000):
        consultation_id, consultation = consultation_of(scope, project["key"])
        not_feasible = project["status"] == ProjectStatus.NOT_FEASIBLE
        yield {
            "id": project["id"],
            "consultation_id": consultation_id,
            "consultation": consultation,
            "envelope_id": project["envelope_id"],
            "envelope": project["envelope_title"],
            "title": project["title"],
            "summary": project["summary"],
            "cost": project["cost"],
            "status": project["status"],
            "status_label": str(ProjectStatus(project["status"]).label),
            "reason_not_feasible": project["public_reason"] if not_feasible else "",
            "theme": themes.get(project["theme_id"]),
            "district": districts.get(project["district_id"]),
            "place": project["place"],
            "latitude": coordinate(project["latitude"]),
            "longitude": coordinate(project["longitude"]),
            "url": absolute_url(
                BudgetProject(pk=project["id"], title=project["title"]).get_absolute_url()
            ),
        }


# Survey results

SURVEY_FIELDS = (
    *consultation_fields(),
    Field("survey_id", "integer", _("Number of the survey.")),
    Field("survey", "string", _("Title of the survey.")),
    Field("survey_opens_at", "string", _("When the survey opens."), format="date-time"),
    Field(
        "survey_closes_at",
        "string",
        _("When the survey closes; empty while it has no end: figures may still move."),
        nullable=True,
        format="date-time",
    ),
    Field("survey_respondents", "integer", _("Confirmed responses to the survey.")),
    Field("question_id", "integer", _("Number of the question.")),
    Field("question", "string", _("The question.")),
    Field(
        "question_kind",
        "string",
        _("single_choice, multiple_choice, scale, district or number."),
        enum=(
            QuestionKind.SINGLE_CHOICE.value,
            QuestionKind.MULTIPLE_CHOICE.value,
            QuestionKind.SCALE.value,
            QuestionKind.DISTRICT.value,
            QuestionKind.NUMBER.value,
        ),
    ),
    Field("question_respondents", "integer", _("Respondents who answered the question.")),
    Field(
        "option",
        "string",
        _("The option counted (a step of a scale, a district, “other”); empty for a number."),
        nullable=True,
    ),
    Field("count", "integer", _("How many chose the option."), nullable=True),
    Field(
        "percent",
        "number",
        _("Share of the question's respondents who chose it (a multiple choice adds up to more)."),
        nullable=True,
    ),
    Field("mean", "number", _("Mean of the numbers or of the scale."), nullable=True),
    Field("minimum", "number", _("Lowest number given."), nullable=True),
    Field("maximum", "number", _("Highest number given."), nullable=True),
)


def rounded(value):
    return None if value is None else round(value, 2)


# A survey's results are published once it is closed (while open, two downloads around a
# neighbour's answer would tell it) and answered by enough people that no one is singled out.
SURVEY_MINIMUM_RESPONDENTS = 10


def survey_wordings(surveys, locale):
    """{original survey id: (title, {question id: (label, {option: label})})} of the surveys'
    versions in `locale`, in two queries: answers pool on the originals, in their words
    (participation/models/translated.py), and a file in English says them in English. None
    to read when the originals are written in `locale`."""
    if all(survey.locale_id == locale.pk for survey in surveys):
        return {}
    versions = Survey.objects.filter(translation_of__in=surveys, locale=locale).prefetch_related(
        "questions"
    )
    wordings = {}
    for version in versions:
        questions = {}
        for question in version.questions.all():
            questions[question.translation_key] = question
        wordings[version.translation_of_id] = (version.title, questions)
    return wordings


def survey_rows(scope):
    # Originals only: a translation gathers no answer of its own.
    surveys = (
        Survey.objects.filter(
            consultation__translation_key__in=list(scope.by_key),
            closes_at__lte=timezone.now(),
            translation_of__isnull=True,
        )
        .annotate(key=F("consultation__translation_key"))
        .only("id", "title", "opens_at", "closes_at", "locale_id")
        .order_by("pk")
    )
    published_surveys = published_results(surveys)
    wordings = survey_wordings(
        [published.survey for published in published_surveys.values()], scope.locale
    )
    for published in published_surveys.values():
        if published.respondents < SURVEY_MINIMUM_RESPONDENTS:
            continue
        survey = published.survey
        title, worded = wordings.get(survey.pk, (survey.title, {}))
        consultation_id, consultation = consultation_of(scope, survey.key)
        for result in published.questions:
            question = result.question
            said = worded.get(question.translation_key, question)
            labels = dict(labelled_options(said.options, question.options))
            common = {
                "consultation_id": consultation_id,
                "consultation": consultation,
                "survey_id": survey.pk,
                "survey": title,
                "survey_opens_at": local_time(survey.opens_at),
                "survey_closes_at": local_time(survey.closes_at),
                "survey_respondents": published.respondents,
                "question_id": question.pk,
                "question": said.label,
                "question_kind": question.kind,
                "question_respondents": result.respondents,
                "mean": rounded(result.mean),
                "minimum": rounded(result.minimum),
                "maximum": rounded(result.maximum),
            }
            if not result.options:
                yield {**common, "option": None, "count": None, "percent": None}
            for option in result.options:
                yield {
                    **common,
                    "option": labels.get(option.label, str(option.label)),
                    "count": option.count,
                    "percent": rounded(option.percent),
                }


# Participation figures

FIGURE_FIELDS = (
    *consultation_fields(),
    Field("url", "string", _("Address of the consultation's page."), format="uri"),
    Field(
        "status",
        "string",
        _("upcoming, open, closed or results (results published)."),
        enum=tuple(ConsultationStatus.values),
    ),
    Field("status_label", "string", _("The status in words.")),
    Field("opens", "string", _("First day of its first phase."), nullable=True, format="date"),
    Field(
        "closes",
        "string",
        _("Last day of its last phase, extension included."),
        nullable=True,
        format="date",
    ),
    Field(
        "contributions",
        "integer",
        _("Confirmed contributions: ideas not rejected at moderation, survey responses."),
    ),
    Field("supports", "integer", _("Confirmed supports of ideas and petitions.")),
    Field(
        "participants",
        "integer",
        _("People who took part, each counted once whatever they did."),
    ),
)


def figure_rows(scope):
    figures = figures_by_consultation(scope.pages)
    for page in scope.pages:
        status = page.status()
        yield {
            "consultation_id": page.pk,
            "consultation": page.title,
            "url": scope.urls[page.pk],
            "status": status.value,
            "status_label": str(status.label),
            "opens": page.opens.isoformat() if page.opens else None,
            "closes": page.closes.isoformat() if page.closes else None,
            "contributions": figures[page.pk].contributions,
            "supports": figures[page.pk].supports,
            "participants": figures[page.pk].participants,
        }


# Events

EVENT_FIELDS = (
    Field("id", "integer", _("Number of the event's page.")),
    Field("title", "string", _("Title of the event.")),
    Field("summary", "string", _("What the event is.")),
    Field("url", "string", _("Address of the event's page."), format="uri"),
    Field("start", "string", _("Start."), format="date-time"),
    Field("end", "string", _("End."), format="date-time"),
    Field("all_day", "boolean", _("Whether only the dates count, not the times.")),
    Field(
        "state",
        "string",
        _("scheduled, postponed or cancelled."),
        enum=tuple(EventState.values),
    ),
    Field("state_note", "string", _("Why it is cancelled or postponed.")),
    Field("place", "string", _("Name of the place.")),
    Field("address", "string", _("Address of the place.")),
    *point_fields(),
    Field("online_url", "string", _("Link to follow it online.")),
    Field("step_free_access", "boolean", _("Step-free access.")),
    Field("sign_language", "boolean", _("French sign language interpreting.")),
    Field("induction_loop", "boolean", _("Induction loop.")),
    Field("accessibility_notes", "string", _("More on accessibility.")),
    Field("free_entry", "boolean", _("Free and open to all, without registration.")),
    Field("registration_url", "string", _("Registration link.")),
    Field("organiser", "string", _("Who organises it."), nullable=True),
    Field(
        "consultation_id",
        "integer",
        _("Number of the consultation's page it belongs to."),
        nullable=True,
    ),
    Field("consultation", "string", _("Title of that consultation."), nullable=True),
    Field("themes", "array", _("Its themes (in the CSV, separated by “ | ”).")),
    Field("districts", "array", _("Its districts (in the CSV, separated by “ | ”).")),
)


def event_rows(scope):
    events = EventPage.objects.live().public().filter(locale=scope.locale)
    if scope.consultation is not None:
        events = events.filter(consultation__translation_key__in=list(scope.by_key))
    events = (
        events.with_local_organiser("name")
        .annotate(key=F("consultation__translation_key"))
        .only(
            "id",
            "title",
            "path",
            "depth",
            "url_path",
            "locale_id",
            "content_type_id",
            "summary",
            "start",
            "end",
            "all_day",
            "state",
            "state_note",
            "place_name",
            "address",
            "latitude",
            "longitude",
            "online_url",
            "step_free_access",
            "sign_language",
            "induction_loop",
            "accessibility_notes",
            "free_entry",
            "registration_url",
        )
        .order_by("start", "pk")
    )
    terms = {"themes": {}, "districts": {}}
    for field in terms:
        names = term_names(Theme if field == "themes" else District, scope.locale)
        through = getattr(EventPage, field).through.objects.filter(
            eventpage__in=events.values("pk")
        )
        column = "theme_id" if field == "themes" else "district_id"
        for event_id, term_id in through.values_list("eventpage_id", column):
            terms[field].setdefault(event_id, []).append(names[term_id])
    for event in events.iterator(chunk_size=500):
        consultation_id, consultation = consultation_of(scope, event.key)
        yield {
            "id": event.pk,
            "title": event.title,
            "summary": event.summary,
            "url": page_url(event),
            "start": local_time(event.start),
            "end": local_time(event.end),
            "all_day": event.all_day,
            "state": event.state,
            "state_note": event.state_note,
            "place": event.place_name,
            "address": event.address,
            "latitude": coordinate(event.latitude),
            "longitude": coordinate(event.longitude),
            "online_url": event.online_url,
            "step_free_access": event.step_free_access,
            "sign_language": event.sign_language,
            "induction_loop": event.induction_loop,
            "accessibility_notes": event.accessibility_notes,
            "free_entry": event.free_entry,
            "registration_url": event.registration_url,
            "organiser": event.local_organiser_name,
            "consultation_id": consultation_id,
            "consultation": consultation,
            "themes": sorted(terms["themes"].get(event.pk, [])),
            "districts": sorted(terms["districts"].get(event.pk, [])),
        }


DATASETS = {
    dataset.key: dataset
    for dataset in (
        Dataset(
            key="ideas",
            file_name=pgettext_lazy("open data file name", "ideas"),
            title=_("Ideas and their answers"),
            description=_(
                "The published ideas, with their status, the authority's answer and their "
                "supports. Ideas awaiting moderation or rejected are never included."
            ),
            fields=IDEA_FIELDS,
            rows=idea_rows,
        ),
        Dataset(
            key="projects",
            file_name=pgettext_lazy("open data file name", "budget-projects"),
            title=_("Participatory budget projects"),
            description=_(
                "Every project of the participatory budgets, with its estimated cost, where its "
                "study stands and where it is. Nothing says who proposed it."
            ),
            fields=PROJECT_FIELDS,
            rows=project_rows,
        ),
        Dataset(
            key="survey-results",
            file_name=pgettext_lazy("open data file name", "survey-results"),
            title=_("Results of the surveys"),
            description=_(
                "The counted answers of the surveys, one row per option (or per number "
                "question): never a free text, never a confidential question."
            ),
            fields=SURVEY_FIELDS,
            rows=survey_rows,
        ),
        Dataset(
            key="figures",
            file_name=pgettext_lazy("open data file name", "participation-figures"),
            title=_("Participation figures"),
            description=_(
                "For each consultation, its contributions, supports and participants, as its "
                "page shows them."
            ),
            fields=FIGURE_FIELDS,
            rows=figure_rows,
        ),
        Dataset(
            key="events",
            file_name=pgettext_lazy("open data file name", "events"),
            title=_("Agenda"),
            description=_("The public events of the agenda, cancelled ones included."),
            fields=EVENT_FIELDS,
            rows=event_rows,
        ),
    )
}
