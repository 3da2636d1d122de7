"""Fields for what residents type: an address, plain text, a line."""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class AddressField(forms.EmailField):
    """An e-mail address as it is stored: in lower case, and no longer than the column once
    lowered (a few letters, such as "İ", lower to two characters)."""

    def to_python(self, value):
        return super().to_python(value).lower()


TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?][^>]*>")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def plain_text(value):
    """Text as a resident typed it, without control characters; HTML tags are refused."""
    value = CONTROL_CHARACTERS.sub("", value).strip()
    if TAG.search(value):
        raise ValidationError(
            _("HTML tags are not accepted: please write plain text."), code="html"
        )
    return value


class PlainTextField(forms.CharField):
    """A text field that keeps plain text only (see `plain_text`)."""

    def clean(self, value):
        return plain_text(super().clean(value))


# Control characters other than whitespace: C0, DEL and C1 (str.split() takes the rest).
NON_SPACE_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")


class SingleLineTextField(PlainTextField):
    """Plain text on one line: a title, a name, a place.

    It reappears where a line break does harm (an e-mail's subject, a calendar's summary, a
    heading), so every run of whitespace, line breaks and tabs included, becomes one space;
    any other control character is refused, since no keyboard types one.
    """

    def to_python(self, value):
        return " ".join(super().to_python(value).split())

    def validate(self, value):
        super().validate(value)
        if NON_SPACE_CONTROL.search(value):
            raise ValidationError(
                _("This text holds invisible control characters: type it rather than paste it."),
                code="control_character",
            )


NUMBER_LIMIT = 1e12  # the largest number a number field takes, either sign


class CoordinateField(forms.Field):
    """A latitude or a longitude as the map fills it in a hidden input: a decimal number in
    its range, kept to six decimals (about ten centimetres); anything else is refused."""

    widget = forms.HiddenInput

    def __init__(self, *, limit, **kwargs):
        self.limit = limit
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        value = str(value or "").strip()
        if not value:
            return None
        try:
            number = Decimal(value) if len(value) <= 30 else None
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or abs(number) > self.limit:
            raise ValidationError(_("This is not a position on the map."), code="invalid")
        return round(number, 6)
