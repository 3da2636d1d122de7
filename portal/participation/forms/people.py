"""Who takes part: the address to confirm, with a public name and a wish; a new link."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .fields import AddressField
from .protected import ProtectedForm


class ParticipantForm(ProtectedForm):
    """Who is taking part: an address to confirm, an optional public name, a consent."""

    email = AddressField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We send you a link to confirm it. It is never shown on the site."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    display_name = forms.CharField(
        label=_("Public name (optional)"),
        required=False,
        max_length=60,
        help_text=_("Shown with your public contributions. Leave empty to stay anonymous."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    wants_results = forms.BooleanField(
        label=_("Tell me by e-mail when the results are published"), required=False
    )
    field_order = ["email", "display_name", "wants_results", "website"]

    def clean_display_name(self):
        name = " ".join(self.cleaned_data["display_name"].split())
        if any(character in name for character in "<>{}[]\\/"):
            raise ValidationError(
                _("Use letters, digits, spaces, hyphens and apostrophes only."), code="invalid"
            )
        return name


class NewLinkForm(ProtectedForm):
    email = AddressField(
        label=_("Your e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
