"""The four degrees of participation read as four different words in French: elsewhere a
"consultation" is a concertation, but not among the degrees."""

from bs4 import BeautifulSoup
from django.utils import translation

from portal.pages.consultation import ParticipationDegree
from tests import factories


def test_the_degrees_are_four_distinct_words_in_french():
    with translation.override("fr"):
        labels = [str(label) for label in ParticipationDegree.labels]
    assert labels == ["Information", "Consultation", "Concertation", "Co-décision"]


def test_a_consultation_page_names_its_degree(client, home):
    index = factories.consultation_index(home)
    for degree, title in (("consultation", "Le parc"), ("concertation", "La place")):
        page = factories.consultation(index, title, participation_degree=degree)
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        assert soup.select_one(".degree").get_text(strip=True) == degree.capitalize()
