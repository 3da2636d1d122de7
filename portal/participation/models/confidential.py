"""What survey questions and idea boxes' extra fields share: confidential answers stay so."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

STAYS_CONFIDENTIAL = _(
    "People have answered this as confidential: their answers can never be made public. "
    "To collect public answers, add a new field."
)


class KeepsConfidentiality:
    """Mixin for models with a `confidential` box and answers (`has_answers()`).

    Unticking the box once someone has answered would publish what they gave as never
    published: the admin form says so next to the box (`clean`), and any other save is
    refused as well.
    """

    def has_answers(self):
        raise NotImplementedError

    def would_publish_confidential_answers(self):
        return (
            not self.confidential
            and self.pk is not None
            and type(self).objects.filter(pk=self.pk, confidential=True).exists()
            and self.has_answers()
        )

    def confidentiality_errors(self):
        if self.would_publish_confidential_answers():
            return {"confidential": STAYS_CONFIDENTIAL}
        return {}

    def save(self, *args, **kwargs):
        if errors := self.confidentiality_errors():
            raise ValidationError(errors)
        super().save(*args, **kwargs)
