"""What exists is in the site's default language, each item and each of its questions,
fields and thresholds with a key of its own."""

import uuid

from django.conf import settings
from django.db import migrations
from django.utils.translation import get_supported_language_variant

MODELS = ("survey", "question", "ideabox", "ideafield", "petition", "threshold")


def keys(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    locale, _created = Locale.objects.get_or_create(
        language_code=get_supported_language_variant(settings.LANGUAGE_CODE)
    )
    for name in MODELS:
        model = apps.get_model("participation", name)
        for pk in model.objects.filter(translation_key__isnull=True).values_list("pk", flat=True):
            model.objects.filter(pk=pk).update(translation_key=uuid.uuid4(), locale=locale)


class Migration(migrations.Migration):
    dependencies = [("participation", "0011_translatable_items")]

    operations = [migrations.RunPython(keys, migrations.RunPython.noop)]
