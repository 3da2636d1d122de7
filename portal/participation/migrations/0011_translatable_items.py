"""Surveys, idea boxes and petitions become translatable (models/translated.py): their fields
for a language and a translation key, empty for now (0012 fills them, 0013 requires them)."""

import django.db.models.deletion
import portal.participation.models.translated
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0010_idea_language_and_machine_translations"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="survey",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="survey",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="survey",
            name="translation_of",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                help_text="The original this version translates: what residents give belongs to it.",
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="participation.survey",
                verbose_name="translation of",
            ),
        ),
        migrations.AddField(
            model_name="question",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="question",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="ideabox",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="ideabox",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="ideabox",
            name="translation_of",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                help_text="The original this version translates: what residents give belongs to it.",
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="participation.ideabox",
                verbose_name="translation of",
            ),
        ),
        migrations.AddField(
            model_name="ideafield",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="ideafield",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="petition",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="petition",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="petition",
            name="translation_of",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                help_text="The original this version translates: what residents give belongs to it.",
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="participation.petition",
                verbose_name="translation of",
            ),
        ),
        migrations.AddField(
            model_name="threshold",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="threshold",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="question",
            name="choices",
            field=portal.participation.models.translated.OptionsField(
                blank=True,
                help_text="For choice questions: one option per line.",
                max_length=3000,
                verbose_name="options",
            ),
        ),
        migrations.AlterField(
            model_name="ideafield",
            name="choices",
            field=portal.participation.models.translated.OptionsField(
                blank=True,
                help_text="For a choice: one per line.",
                max_length=2000,
                verbose_name="options",
            ),
        ),
    ]
