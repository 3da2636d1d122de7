"""What petitions, surveys and idea boxes share: open from a moment until another, or by hand."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OpeningWindow:
    """Mixin for models with `opens_at` and an optional `closes_at` (excluded)."""

    closes_too_early = _("It must close after it opens.")

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.opens_at <= now and (self.closes_at is None or now < self.closes_at)

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": self.closes_too_early})
