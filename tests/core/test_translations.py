"""The catalogue check that `make test` runs really catches a missing translation."""

import polib

from portal.core.translations import catalogue_languages, untranslated_entries


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


def test_languages_checked_are_those_configured_and_those_with_a_catalogue(tmp_path, settings):
    for code in ("fr", "ar"):
        (tmp_path / code / "LC_MESSAGES").mkdir(parents=True)
        (tmp_path / code / "LC_MESSAGES" / "django.po").write_text("", encoding="utf-8")
    assert catalogue_languages(tmp_path) == ["fr", "en", "ar"]
    settings.LANGUAGES = [("fr", "Français"), ("en", "English"), ("es", "Español")]
    assert catalogue_languages(tmp_path) == ["fr", "en", "es", "ar"]
