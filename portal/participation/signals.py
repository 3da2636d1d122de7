"""Signals other apps listen to, so that participation does not need to know about them."""

from django.dispatch import Signal

# Sent inside the transaction of services.confirm(participant=…, now=…), once the address is
# confirmed: apps holding contributions of their own (event proposals) release them.
participant_confirmed = Signal()
