"""Public participation forms: the minimum asked, clear errors, protection against abuse."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HONEYPOT = "website"


def captcha_field():
    """reCAPTCHA as configured: "v3" (invisible), "v2" (checkbox) or "off" (dev and tests)."""
    from django_recaptcha.fields import ReCaptchaField
    from django_recaptcha.widgets import ReCaptchaV2Checkbox, ReCaptchaV3

    if settings.PARTICIPATION_CAPTCHA == "v2":
        return ReCaptchaField(widget=ReCaptchaV2Checkbox, label=_("Anti-spam check"))
    return ReCaptchaField(widget=ReCaptchaV3(action="participate"), label=_("Anti-spam check"))


class ProtectedForm(forms.Form):
    """A honeypot field robots fill in and people never see, and a captcha when enabled."""

    # Out of sight and out of the tab order; only robots that fill every field see it.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if settings.PARTICIPATION_CAPTCHA != "off":
            self.fields["captcha"] = captcha_field()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT):
            raise ValidationError(
                _("Your contribution could not be accepted. Please try again."), code="spam"
            )
        return cleaned


class ParticipantForm(ProtectedForm):
    """Who is taking part: an address to confirm, an optional public name, a consent."""

    email = forms.EmailField(
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
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
