"""Existing phases and organisers get a language and a translation key.

A phase takes its page's language. The phases of a page's translations share the keys of the
original page's phases (the original: the lowest page id of its translation group), matched
by sort_order, so that wagtail-localize pairs them; a phase with no match gets a fresh key.
Existing organisers are in the default language, each with a fresh key.

The pages' revisions (and wagtail-localize's frozen sources) hold serialized phases: they are
given the same keys, or the next edit of a page would save its phases under new random keys
and lose the pairing.
"""

import json
import uuid
from collections import defaultdict

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import migrations
from wagtail.coreutils import get_supported_content_language_variant


def phase_keys(apps):
    """{phase id: (locale id, translation key)} for every phase."""
    Phase = apps.get_model("pages", "Phase")
    Page = apps.get_model("wagtailcore", "Page")
    phases = list(Phase.objects.order_by("page_id", "sort_order", "pk"))
    pages = {
        page["pk"]: page
        for page in Page.objects.filter(pk__in={phase.page_id for phase in phases}).values(
            "pk", "locale_id", "translation_key"
        )
    }
    group = defaultdict(list)  # translation key of the pages -> their ids
    for page in pages.values():
        group[page["translation_key"]].append(page["pk"])
    by_page = defaultdict(list)
    for phase in phases:
        by_page[phase.page_id].append(phase)

    found = {}
    keys = {}  # original page id -> {sort_order: its phase's key}
    for page_id in sorted(by_page):  # an original comes first: the lowest id of its group
        original = min(group[pages[page_id]["translation_key"]])
        if original == page_id:
            keys[page_id] = {}
        used = set()
        for phase in by_page[page_id]:
            key = keys[original].get(phase.sort_order) if original != page_id else None
            if key is None or key in used:
                key = uuid.uuid4()
            if original == page_id:
                keys[page_id].setdefault(phase.sort_order, key)
            used.add(key)
            found[phase.pk] = (pages[page_id]["locale_id"], key)
    return found


def serialized(phases, found, locale_id):
    """Serialized phases with their language and key (a deleted one: a fresh key)."""
    for phase in phases:
        phase_locale, key = found.get(phase.get("pk"), (locale_id, uuid.uuid4()))
        phase["locale"] = phase_locale
        phase["translation_key"] = str(key)
    return phases


def keep_serialized_phases(apps, found):
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    consultation = ContentType.objects.filter(app_label="pages", model="consultationpage").first()
    if consultation is None:
        return
    pages = dict(Page.objects.filter(content_type=consultation).values_list("pk", "locale_id"))
    revisions = Revision.objects.filter(
        content_type=consultation, object_id__in=[str(pk) for pk in pages]
    )
    for revision in revisions.iterator():
        if revision.content.get("phases"):
            serialized(revision.content["phases"], found, pages[int(revision.object_id)])
            revision.save(update_fields=["content"])
    for source in TranslationSource.objects.filter(specific_content_type=consultation):
        content = json.loads(source.content_json)
        if content.get("phases"):
            serialized(content["phases"], found, source.locale_id)
            source.content_json = json.dumps(content, cls=DjangoJSONEncoder)
            source.save(update_fields=["content_json"])


def forwards(apps, schema_editor):
    Phase = apps.get_model("pages", "Phase")
    Organiser = apps.get_model("pages", "Organiser")
    Locale = apps.get_model("wagtailcore", "Locale")

    found = phase_keys(apps)
    for phase in Phase.objects.all():
        phase.locale_id, phase.translation_key = found[phase.pk]
        phase.save(update_fields=["locale", "translation_key"])
    keep_serialized_phases(apps, found)

    if Organiser.objects.exists():
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        locale, _ = Locale.objects.get_or_create(language_code=default)
        for organiser in Organiser.objects.all():
            organiser.locale = locale
            organiser.translation_key = uuid.uuid4()
            organiser.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0011_translatable_phases_organisers_bootstrap"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
