"""The catalogue check that `make test` runs really catches a missing translation."""

import polib

from portal.core.translations import untranslated_entries


def write_catalogue(path, entries):
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for entry in entries:
        catalogue.append(entry)
    catalogue.save(str(path))
    return path


def test_missing_fuzzy_and_plural_gaps_are_reported(tmp_path):
    path = write_catalogue(
        tmp_path / "django.po",
        [
            polib.POEntry(msgid="Search", msgstr="Rechercher"),
            polib.POEntry(msgid="Menu", msgstr=""),
            polib.POEntry(msgid="Home", msgstr="Accueil", flags=["fuzzy"]),
            polib.POEntry(
                msgid="%(n)s result",
                msgid_plural="%(n)s results",
                msgstr_plural={0: "%(n)s résultat", 1: ""},
            ),
        ],
    )
    problems = untranslated_entries(path)
    assert problems == [
        "untranslated: 'Menu'",
        "fuzzy: 'Home'",
        "untranslated plural: '%(n)s result'",
    ]


def test_a_complete_catalogue_passes(tmp_path):
    path = write_catalogue(
        tmp_path / "django.po", [polib.POEntry(msgid="Search", msgstr="Recherche")]
    )
    assert untranslated_entries(path) == []
