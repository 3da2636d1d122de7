"""Why a budget step or a ballot is refused: each error carries the sentence to be told.

They are participation errors, so the forms that take ballots show them as they show any
refused contribution (a message, nothing stored).
"""

from portal.participation.errors import ParticipationError


class BudgetError(ParticipationError):
    """A ballot or a project's step refused for a reason the person must be told."""


class VotingClosed(BudgetError):
    """The envelope does not take this ballot now (not open yet, or closed)."""


class InvalidBallot(BudgetError):
    """The choices break the envelope's rules (over the amount, over N, over the points…)."""


class MethodLocked(BudgetError):
    """The voting rules cannot change once the first ballot is cast."""


class InvalidProjectStep(BudgetError):
    """A project's status change the workflow does not allow, or one missing its reason."""
