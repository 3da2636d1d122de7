"""Gettext catalogues: compiled with polib (no system gettext needed to run the site) and
checked for completeness against a fresh extraction of the source (`make test`)."""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib
from django.conf import settings

SOURCE_DIRS = ("portal", "home", "search")


def catalogues(locale_dir=None):
    locale_dir = Path(locale_dir or settings.LOCALE_PATHS[0])
    return sorted(locale_dir.glob("*/LC_MESSAGES/django.po"))


def catalogue_languages(locale_dir=None):
    """The languages of LANGUAGES and those that have a catalogue already: one added to
    PORTAL_LANGUAGES on a server only stays checked and updated everywhere."""
    codes = [code for code, _ in settings.LANGUAGES]
    return codes + [
        path.parent.parent.name
        for path in catalogues(locale_dir)
        if path.parent.parent.name not in codes
    ]


def compile_catalogues(locale_dir=None):
    compiled = []
    for po_path in catalogues(locale_dir):
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
        compiled.append(po_path)
    return compiled


def untranslated_entries(po_path):
    """msgids with no translation, or marked fuzzy, in one catalogue."""
    problems = []
    for entry in polib.pofile(str(po_path)):
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {entry.msgid!r}")
        elif entry.msgid_plural:
            if not all(entry.msgstr_plural.values()):
                problems.append(f"untranslated plural: {entry.msgid!r}")
        elif not entry.msgstr:
            problems.append(f"untranslated: {entry.msgid!r}")
    return problems


def extract_fresh_catalogues(base_dir, workdir):
    """Run makemessages on a scratch copy of the source, merging the current catalogues."""
    for name in (*SOURCE_DIRS, "locale"):
        shutil.copytree(
            base_dir / name,
            workdir / name,
            ignore=shutil.ignore_patterns("__pycache__", "static", "*.mo"),
        )
    shutil.copy(base_dir / "manage.py", workdir / "manage.py")
    command = [
        sys.executable,
        "manage.py",
        "makemessages",
        "--no-obsolete",
        *[f"--locale={code}" for code in catalogue_languages(base_dir / "locale")],
    ]
    subprocess.run(command, cwd=workdir, check=True, capture_output=True, text=True)
    return catalogues(workdir / "locale")


def check_catalogues(base_dir=None):
    """Every string in the source translated in every language; returns the problems found."""
    base_dir = Path(base_dir or settings.BASE_DIR)
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for po_path in extract_fresh_catalogues(base_dir, Path(tmp)):
            language = po_path.parent.parent.name
            problems += [f"[{language}] {p}" for p in untranslated_entries(po_path)]
    for po_path in catalogues(base_dir / "locale"):
        if shutil.which("msgfmt"):
            result = subprocess.run(
                ["msgfmt", "--check", "-o", "/dev/null", str(po_path)],
                capture_output=True,
                text=True,
            )
            if result.returncode:
                problems.append(f"{po_path}: {result.stderr.strip()}")
    return problems


SOURCE_LANGUAGE = "en"


def fill_source_catalogue(locale_dir=None):
    """English is the source language: its catalogue translates each string to itself."""
    filled = 0
    for po_path in catalogues(locale_dir):
        if po_path.parent.parent.name != SOURCE_LANGUAGE:
            continue
        catalogue = polib.pofile(str(po_path))
        for entry in catalogue:
            # makemessages may guess a "fuzzy" neighbour: the source string is always right.
            if entry.msgid_plural:
                translation = {0: entry.msgid, 1: entry.msgid_plural}
                changed = entry.msgstr_plural != translation
                entry.msgstr_plural = translation
            else:
                changed = entry.msgstr != entry.msgid
                entry.msgstr = entry.msgid
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            filled += changed
        catalogue.save()
    return filled
