"""Who takes part: the address to confirm, with a public name and a wish; a new link."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..eligibility import FIELDS as ELIGIBILITY_FIELDS
from .eligibility import EligibilityFields
from .fields import AddressField
from .protected import HONEYPOT, ProtectedForm

IDENTITY_FIELDS = ("email", "display_name", "wants_results")


class ParticipantForm(EligibilityFields, ProtectedForm):
    """Who is taking part: an address to confirm, an optional public name, a consent; and
    what the consultation's eligibility rule asks (`eligibility=<rule>`).

    A participant known already is not asked who they are (`ask_identity=False`).
    """

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
    field_order = [*ELIGIBILITY_FIELDS, *IDENTITY_FIELDS, "website"]

    def __init__(self, *args, ask_identity=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not ask_identity:
            for name in IDENTITY_FIELDS:
                del self.fields[name]
        self.order_fields(self.field_order)

    def own_fields(self):
        """The bound fields of what the form is about: not who takes part, nor eligibility,
        nor the protection (each has its place in the template)."""
        others = {*ELIGIBILITY_FIELDS, *IDENTITY_FIELDS, HONEYPOT, "captcha"}
        return [field for field in self if field.name not in others]

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
