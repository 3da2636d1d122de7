"""An agenda with a workshop whose texts carry every French accent, a tour and a consultation."""

from datetime import date, timedelta

import pytest

from portal.pages.models import Organiser
from tests import factories
from tests.factories import paris

TITLE = "Atelier « Cœur de ville » à l’école Édouard-Herriot"
PLACE = "Préau de l’école Édouard-Herriot"
ADDRESS = "3 rue de l’Église, 00000 Bellecombe-sur-Lauze"
# A Sunday in March: 18:30 in Paris is 17:30 UTC.
WORKSHOP_START = paris(date(2027, 3, 14), 18, 30)


@pytest.fixture
def agenda(home):
    return factories.agenda(home)


@pytest.fixture
def workshop(agenda):
    organiser = Organiser.objects.create(name="Mission participation citoyenne")
    return factories.event(
        agenda,
        TITLE,
        WORKSHOP_START,
        slug="atelier-coeur-de-ville",
        summary="Dessinons ensemble le cœur de ville : où mettre l’ombre, les bancs, les jeux ?",
        place_name=PLACE,
        address=ADDRESS,
        organiser=organiser,
        step_free_access=True,
        induction_loop=True,
    )


@pytest.fixture
def tour(agenda):
    tour = factories.tour(agenda, summary="Une agora en bois qui change de place chaque semaine.")
    for number, place in enumerate(["Place Saint-Aubin", "Parvis de la gare", "Quai du Port"]):
        factories.event(
            tour,
            f"L’Agora, étape {number + 1}",
            paris(date(2027, 4, 3) + timedelta(days=7 * number), 10),
            slug=f"etape-{number + 1}",
            place_name=place,
        )
    return tour


@pytest.fixture
def consultation(home):
    index = factories.consultation_index(home)
    return factories.consultation(
        index,
        "Réaménagement de la place du Marché",
        phases=(
            (date(2027, 5, 18), date(2027, 6, 30), None),
            (date(2027, 7, 1), date(2027, 7, 31), date(2027, 8, 1)),
        ),
        slug="place-du-marche",
        summary="La place change : donnez votre avis.",
    )
