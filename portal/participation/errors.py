"""Why a participation is refused: each error carries the sentence the person is told."""

from django.utils.translation import gettext as _


class ParticipationError(Exception):
    """A participation refused for a reason the participant must be told."""


class ParticipationClosed(ParticipationError):
    pass


class RateLimited(ParticipationError):
    pass


class InvalidTransition(ParticipationError):
    """A status change the workflow does not allow, or one missing its reason."""


class AlreadyAnswered(ParticipationError):
    def __init__(self):
        super().__init__(_("You have already answered this survey."))


class InvalidLink(Exception):
    """A signed link that is forged, broken or out of date."""

    def __init__(self, expired):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


class LinkUsed(Exception):
    """A confirmation link opened a second time: links work once."""


class NotEligible(ParticipationError):
    """A contribution from someone the consultation's eligibility rule leaves out.

    `errors` maps each form field concerned to its reason, told next to the field.
    """

    def __init__(self, errors):
        self.errors = errors
        super().__init__(" ".join(str(message) for message in errors.values()))


class InvalidRegister(ParticipationError):
    """A register file refused: `errors` names each row at fault; nothing was imported."""

    def __init__(self, errors):
        self.errors = errors
        super().__init__(" ".join(errors))
