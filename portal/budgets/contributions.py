"""An online ballot through the participation protocol (`Contribution.handle`): limited,
identified like a support (a browser not proven waits on its link), cast by the services."""

from django.utils.translation import gettext_lazy as _

from portal.participation.contributions import Contribution

from . import services
from .forms import BallotForm


class CastingBallot(Contribution):
    """A resident's ballot in one envelope (`subject`); voting again replaces it until the
    vote closes."""

    action = "ballot"
    counted = _("Thank you: your vote is counted. You can change it until the vote closes.")
    waiting = _("Almost done: open the link we sent to %(email)s to confirm your vote.")

    def __init__(self, request, envelope, *, projects, back_url, prefix=None):
        """`projects`: those on the envelope's ballot, as the block lists them."""
        super().__init__(request, envelope, back_url=back_url, prefix=prefix)
        self.projects = projects

    def check(self, participant):
        services.check_open(self.subject)

    def form(self, participant):
        return BallotForm(
            self.request.POST,
            envelope=self.subject,
            ask_identity=participant is None,
            prefix=self.prefix,
            projects=self.projects,
            eligibility=self.eligibility_rule(),
        )

    def write(self, participant, form):
        declaration = form.declaration
        services.cast_ballot(
            envelope=self.subject,
            participant=participant,
            choices=form.chosen(),
            district=declaration.district,
            register_entry=declaration.register_entry,
            age_declared=declaration.age_declared,
            on_ballot=self.projects,
        )
