"""Why a step of a proposal is refused."""


class ProposalError(Exception):
    """A step refused for a reason the moderator or the association must be told."""
