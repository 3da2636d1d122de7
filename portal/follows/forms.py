"""The follow form: an address to confirm and how often to be told, nothing else."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.participation.forms.fields import AddressField
from portal.participation.forms.protected import ProtectedForm

from .models import Frequency


class FollowForm(ProtectedForm):
    """A visitor follows by typing their address; a participant this browser proved to be
    is not asked it (`ask_identity=False`)."""

    email = AddressField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We send you a link to confirm it. It is never shown on the site."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Frequency.choices,
        initial=Frequency.DAILY,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, ask_identity=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not ask_identity:
            del self.fields["email"]
            # One click from a page's button: how often stays as it was.
            self.fields["frequency"].required = False
