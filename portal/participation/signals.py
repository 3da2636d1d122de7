"""Signals other apps listen to, so that participation does not need to know about them."""

from django.dispatch import Signal

# Sent inside the transaction of services.confirm(confirmation=…, now=…, shown_at=…), once a
# link is used: apps holding contributions of their own that wait on it (event proposals,
# ballots) release those of `confirmation`, and only those; what joined it after its page
# was shown (`shown_at`, None when unknown) is nobody's to confirm. A receiver may return
# the sentences saying what it dropped ("the vote closed before you confirmed").
contributions_confirmed = Signal()

# Sent inside the transaction of services.answer_idea and change_status, when an idea gets a
# public answer or a decision (idea=…, now=…): apps that tell residents listen.
idea_answered = Signal()
