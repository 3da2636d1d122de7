"""Ballots cast in a name not proven yet wait on its confirmation link; one counted ballot
per participant and envelope."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("budgets", "0002_projects"),
        ("participation", "0007_confidential_answers"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="ballot",
            name="one_ballot_per_participant",
        ),
        migrations.AddField(
            model_name="ballot",
            name="confirmation",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                help_text="The link that makes it count, while it waits.",
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="ballots",
                to="participation.confirmation",
            ),
        ),
        # Every ballot stored before counted: they stay counted; new ones say it themselves.
        migrations.AddField(
            model_name="ballot",
            name="confirmed",
            field=models.BooleanField(default=True, verbose_name="counted"),
        ),
        migrations.AlterField(
            model_name="ballot",
            name="confirmed",
            field=models.BooleanField(
                default=False,
                help_text="Online ballots cast in a name the browser has not proven wait for its link.",
                verbose_name="counted",
            ),
        ),
        migrations.AddIndex(
            model_name="ballot",
            index=models.Index(
                fields=["envelope", "confirmed"], name="budgets_bal_envelop_44ee0d_idx"
            ),
        ),
        migrations.AddConstraint(
            model_name="ballot",
            constraint=models.UniqueConstraint(
                condition=models.Q(("confirmed", True), ("participant__isnull", False)),
                fields=("envelope", "participant"),
                name="one_ballot_per_participant",
            ),
        ),
        migrations.AddConstraint(
            model_name="ballot",
            constraint=models.UniqueConstraint(
                fields=("confirmation", "envelope"), name="one_waiting_ballot_per_link"
            ),
        ),
    ]
