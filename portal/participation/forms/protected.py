"""What every public form has: a honeypot and a captcha against robots, and a way to refuse
a form without running its costly checks."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

HONEYPOT = "website"


def captcha_field():
    """reCAPTCHA as configured: "v3" (invisible), "v2" (checkbox) or "off" (dev and tests)."""
    from django_recaptcha.fields import ReCaptchaField
    from django_recaptcha.widgets import ReCaptchaV2Checkbox, ReCaptchaV3

    # The page's script (portal/static/js/captcha.js) reads what it needs from the field.
    if settings.PARTICIPATION_CAPTCHA == "v2":
        widget = ReCaptchaV2Checkbox(attrs={"data-callback": "portalCaptchaSolved"})
    else:
        widget = ReCaptchaV3(action="participate", attrs={"data-action": "participate"})
    return ReCaptchaField(widget=widget, label=_("Anti-spam check"))


class ProtectedForm(forms.Form):
    """A honeypot field robots fill in and people never see, and a captcha when enabled.

    Browsers never send a file back with a form: when the form has errors, each file the
    person had chosen is named next to its field, to be chosen again.
    """

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

    def full_clean(self):
        super().full_clean()
        if self.is_bound and self._errors:
            self.ask_for_files_again()

    def ask_for_files_again(self):
        for name, field in self.fields.items():
            upload = self.files.get(self.add_prefix(name))
            if isinstance(field, forms.FileField) and upload and name not in self._errors:
                self.add_error(
                    name,
                    _("Choose “%(file)s” again: a file is not kept when the form has errors.")
                    % {"file": upload.name[:80]},
                )


def refuse(form, message):
    """`form`, bound, with `message` at its top, without validating it: nothing costly runs
    (the captcha's request to Google, reading uploads) and what was typed is shown again."""
    form._errors = ErrorDict()
    form.cleaned_data = {}
    form.add_error(None, message)
    form.ask_for_files_again()
    return form
