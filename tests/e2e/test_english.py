"""The demo town in English, as an English-speaking visitor reads it: every consultation and
what it embeds (surveys, idea boxes, petitions, phases, organisers) in English, accessible and
valid at both widths, and the search finding ideas from the English site."""

import re

import pytest

from .checks import assert_accessible, assert_valid_html
from .conftest import screenshot

CONSULTATIONS = "/en/consultations/"
SQUARE = "/en/consultations/redesigning-the-place-du-marche/"
PAGES = {
    "en-index": CONSULTATIONS,
    "en-square": SQUARE,
    "en-agenda": "/en/whats-on/",
    "en-search-ideas": "/en/search/?q=fontaines",
}
# What the page shows as labels: form labels, legends, buttons, headings, table and list heads.
LABELS = "label, legend, button, summary, th, dt, h1, h2, h3, .badge, .phase__title"
# Words that only French writes; proper names (places, the town) may keep theirs.
FRENCH = re.compile(
    r"\b(vos|votre|nous|vous|est|sont|pour|avec|quels?|quelles?|comment|idées?|enquête|"
    r"pétition|soutiens?|réponses?|étape|concertation|quartier|envoyer|proposer)\b",
    re.IGNORECASE,
)


def english_pages(page):
    """The addresses of the English consultations, read from their index."""
    page.goto(CONSULTATIONS)
    links = page.locator("main a[href^='/en/consultations/']").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    return sorted({link for link in links if link.count("/") == 4 and link != CONSULTATIONS})


def visible_labels(page):
    """Every label the page shows, its folded forms unfolded first."""
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    # What is marked as written in another language (lang="fr": a budget project, written in
    # the main language only) is honest, not a leak: left out.
    return [
        text.strip()
        for text in page.locator(f"main :is({LABELS})").evaluate_all(
            """nodes => nodes
                .filter(n => n.offsetParent !== null && !n.closest('[lang]:not([lang="en"])'))
                .map(n => {
                    const copy = n.cloneNode(true);
                    copy.querySelectorAll('[lang]:not([lang="en"])').forEach(e => e.remove());
                    return copy.textContent.replace(/\\s+/g, " ");
                })"""
        )
        if text.strip()
    ]


def test_no_french_label_on_the_english_consultations(new_page):
    page = new_page()
    addresses = english_pages(page)
    assert len(addresses) >= 6, addresses
    french = {}
    for address in addresses:
        assert page.goto(address).status == 200, address
        leaks = [label for label in visible_labels(page) if FRENCH.search(label)]
        if leaks:
            french[address] = leaks
    assert not french, "\n".join(f"{address}: {leaks}" for address, leaks in french.items())


def test_the_english_square_words_its_survey_box_and_petition_in_english(new_page):
    page = new_page()
    page.goto(SQUARE)
    text = page.locator("main").inner_text()
    for english in (
        "How do you use the place du Marché?",
        "Your ideas for the place du Marché",
        "Drinking-water fountains on the place du Marché",
    ):
        assert english in text
    for french in (
        "Comment vivez-vous la place du Marché",
        "Vos idées pour la place du Marché",
        "Des fontaines à eau potable",
    ):
        assert french not in text


@pytest.mark.parametrize("width", ["desktop", "phone"])
@pytest.mark.parametrize("name", PAGES)
def test_english_pages_are_accessible_at_both_widths(new_page, name, width):
    page = new_page(width)
    assert page.goto(PAGES[name]).status == 200
    screenshot(page, f"{name}-{width}")
    assert_accessible(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {width}"


def test_the_english_search_lists_ideas_and_the_petition_in_english(new_page):
    page = new_page()
    page.goto(PAGES["en-search-ideas"])
    assert page.locator("main .search-result--idea").count() > 0
    page.goto("/en/search/?q=fountains")
    petitions = page.locator("main .search-result--petition .search-result__title")
    assert petitions.all_inner_texts() == ["Drinking-water fountains on the place du Marché"]


def test_english_pages_are_valid_html(new_page, server):
    page = new_page()
    addresses = {**PAGES, **{f"en-{n}": a for n, a in enumerate(english_pages(page))}}
    documents = [(name, page.request.get(server + url).text()) for name, url in addresses.items()]
    assert_valid_html(*documents)
