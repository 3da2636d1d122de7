"""The questions a consultation's eligibility rule adds to a public form, and their check.

Any form taking `eligibility=<rule>` (ParticipantForm does, hence ideas, surveys and
supports) asks what the rule needs and checks it in `clean()` with the other fields, so that
a refusal is said next to its field and in the summary with nothing typed lost; the
`Declaration` to store is then `form.declaration`.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from .. import eligibility as rules
from ..errors import NotEligible
from ..models.eligibility import REFERENCE_MAX_LENGTH


def fields_for(rule):
    """{name: form field} of what `rule` asks, labelled, with help text; {} for no rule."""
    if rule is None:
        return {}
    fields = {}
    if rule.residence_required:
        fields[rules.RESIDENCE] = forms.ChoiceField(
            label=_("Where you live"),
            choices=[
                ("", _("Choose your district or commune")),
                *rules.residence_choices(),
            ],
            required=False,
            help_text=rules.residence_sentence(rule),
            widget=forms.Select(attrs={"autocomplete": "off"}),
        )
    if rule.accepted_postcodes():
        fields[rules.POSTCODE] = forms.CharField(
            label=_("Your postal code"),
            max_length=10,
            required=False,
            help_text=_("The postal code of your address, e.g. 59000."),
            widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
        )
    if rule.minimum_age:
        fields[rules.AGE] = forms.BooleanField(
            label=_("I am %(age)s or older") % {"age": rule.minimum_age},
            required=False,
            help_text=_("No proof is asked, and no date of birth is kept."),
        )
    if rule.register_required:
        fields[rules.REGISTER] = forms.CharField(
            label=_("Your reference on the register"),
            max_length=REFERENCE_MAX_LENGTH + 20,
            required=False,
            help_text=_("The reference the authority gave you, as printed on your letter."),
            widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        )
    return fields


class EligibilityFields:
    """A form mixin: `eligibility=<rule>` adds the rule's questions and checks them."""

    def __init__(self, *args, eligibility=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.eligibility = eligibility
        # Without a rule there is nothing to declare, even when the form is not validated.
        self.declaration = rules.NOTHING if eligibility is None else None
        self.fields.update(fields_for(eligibility))

    def eligibility_fields(self):
        """The bound fields of the rule's questions, for the template's fieldset."""
        return [self[name] for name in rules.FIELDS if name in self.fields]

    def clean(self):
        cleaned = super().clean()
        try:
            self.declaration = rules.check(self.eligibility, cleaned)
        except NotEligible as error:
            for name, message in error.errors.items():
                self.add_error(name, message)
        return cleaned
