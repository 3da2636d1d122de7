"""Signals other apps listen to, so that participation does not need to know about them."""

from django.dispatch import Signal

# Sent inside the transaction of services.confirm(confirmation=…, now=…), once a link is
# used: apps holding contributions of their own that wait on it (event proposals) release
# those of `confirmation`, and only those.
contributions_confirmed = Signal()
