"""Small builders for tests: real models, pages saved the way the admin saves them."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import factory
from django.utils import timezone

from portal.pages.models import (
    AgendaPage,
    ConsultationIndexPage,
    ConsultationPage,
    EventPage,
    EventTourPage,
    Phase,
    RestitutionPage,
)
from portal.participation import identity, services
from portal.participation.models import (
    Idea,
    IdeaBox,
    IdeaStatus,
    Participant,
    Question,
    QuestionKind,
    Survey,
)

PARIS = ZoneInfo("Europe/Paris")


def paris(day, hour=0, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=PARIS)


def named(email, **typed):
    """A participant named by an address typed in a form (by anyone): what they contribute
    waits on the confirmation e-mailed to that address. `typed`: display_name, wants_results."""
    return identity.await_confirmation(
        participant=identity.register(email=email), session={}, **typed
    )


def confirmed(email, **typed):
    """A participant who used the link e-mailed to their address."""
    return services.confirm(confirmation=named(email, **typed).confirmation).participant


def publish(parent, page, revision=True):
    parent.add_child(instance=page)
    if revision:
        page.save_revision().publish()
    return page


def consultation_index(home, **fields):
    return publish(
        home, ConsultationIndexPage(title="Concertations", slug="concertations", **fields)
    )


def consultation(
    index, title, phases=((date(2026, 5, 18), date(2026, 8, 1), None),), revision=True, **fields
):
    page = ConsultationPage(
        title=title, contribution_use="<p>Vos avis guideront le projet.</p>", **fields
    )
    page.phases = [
        Phase(
            title=f"Phase {number}", start=start, end=end, extended_end=extended, sort_order=number
        )
        for number, (start, end, extended) in enumerate(phases, start=1)
    ]
    return publish(index, page, revision)


def restitution(consultation_page, **fields):
    return publish(
        consultation_page,
        RestitutionPage(title="Ce que nous avons entendu", slug="restitution", **fields),
    )


def agenda(home, **fields):
    return publish(home, AgendaPage(title="Agenda", slug="agenda", **fields))


def event(parent, title, start, duration=timedelta(hours=2), revision=True, **fields):
    return publish(
        parent, EventPage(title=title, start=start, end=start + duration, **fields), revision
    )


def tour(agenda_page, **fields):
    return publish(agenda_page, EventTourPage(title="L’Agora itinérante", slug="agora", **fields))


class SurveyFactory(factory.django.DjangoModelFactory):
    """A survey open since yesterday, one answer per participant, not anonymous."""

    class Meta:
        model = Survey

    title = factory.Sequence(lambda n: f"Enquête {n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    thank_you = "Merci pour vos réponses."


class QuestionFactory(factory.django.DjangoModelFactory):
    """A required short-text question; pass `kind`, `choices`… for the others."""

    class Meta:
        model = Question

    survey = factory.SubFactory(SurveyFactory)
    kind = QuestionKind.SHORT_TEXT
    label = factory.Sequence(lambda n: f"Question {n}")
    sort_order = factory.Sequence(int)


class ParticipantFactory(factory.django.DjangoModelFactory):
    """A resident whose address is confirmed."""

    class Meta:
        model = Participant

    email = factory.Sequence(lambda n: f"habitant{n}@example.org")
    confirmed_at = factory.LazyFunction(timezone.now)


class IdeaBoxFactory(factory.django.DjangoModelFactory):
    """An idea box open since yesterday; pass its `consultation` (a live ConsultationPage)."""

    class Meta:
        model = IdeaBox

    title = factory.Sequence(lambda n: f"Boîte à idées {n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))


class IdeaFactory(factory.django.DjangoModelFactory):
    """A confirmed idea from a resident, awaiting moderation; pass its `box`."""

    class Meta:
        model = Idea

    participant = factory.SubFactory(ParticipantFactory)
    author_name = "Nadia"
    title = factory.Sequence(lambda n: f"Idée {n}")
    description = "Des bancs à l’ombre, près de l’aire de jeux."
    status = IdeaStatus.SUBMITTED
    confirmed = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """Created public, it counts in its box as the services would count it."""
        idea = super()._create(model_class, *args, **kwargs)
        if idea.is_public:
            services.count_public(idea.box_id, 1)
        return idea
