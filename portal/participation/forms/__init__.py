"""Public participation forms: the minimum asked, clear errors, protection against abuse.

One module per family, as in `models`: `protected` (honeypot, captcha, refusing), `fields`
(what residents type), `people` (who takes part), `ideas`, `surveys`.
"""

from ..names import localized_choices
from .fields import (
    CONTROL_CHARACTERS,
    NON_SPACE_CONTROL,
    NUMBER_LIMIT,
    TAG,
    AddressField,
    PlainTextField,
    SingleLineTextField,
    plain_text,
)
from .ideas import IdeaForm, extra_form_field
from .people import NewLinkForm, ParticipantForm
from .protected import HONEYPOT, ProtectedForm, captcha_field, refuse
from .surveys import (
    CHOICE_ERRORS,
    EARLIEST_DATE,
    LATEST_DATE,
    OTHER,
    QuestionField,
    SurveyForm,
    plausible_date,
    question_field,
)

__all__ = [
    "CHOICE_ERRORS",
    "CONTROL_CHARACTERS",
    "EARLIEST_DATE",
    "HONEYPOT",
    "LATEST_DATE",
    "NON_SPACE_CONTROL",
    "NUMBER_LIMIT",
    "OTHER",
    "TAG",
    "AddressField",
    "IdeaForm",
    "NewLinkForm",
    "ParticipantForm",
    "PlainTextField",
    "ProtectedForm",
    "QuestionField",
    "SingleLineTextField",
    "SurveyForm",
    "captcha_field",
    "extra_form_field",
    "localized_choices",
    "plain_text",
    "plausible_date",
    "question_field",
    "refuse",
]
