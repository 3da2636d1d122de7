"""Every e-mail the portal sends leaves through here.

A message is queued as a background task (settings.TASKS), so a slow or broken mail server
never fails nor holds the request that caused it: in production a `db_worker` sends it, in
development and tests the immediate backend sends it at once and logs a failure instead of
raising. Subjects are one line: a line break typed in a title cannot inject a header.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django_tasks import task

logger = logging.getLogger(__name__)


def one_line(text):
    """Text fit for a header: every run of whitespace, line breaks included, is one space."""
    return " ".join(str(text).split())


@task()
def deliver(*, subject, body, to, headers):
    EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        headers=headers,
    ).send()


def send(*, subject, body, to, headers=None):
    """Queue one e-mail to the addresses in `to`; never raises."""
    recipients = [address for address in to if address]
    if not recipients:
        return
    try:
        deliver.enqueue(
            subject=one_line(subject),
            body=str(body),
            to=recipients,
            headers={name: one_line(value) for name, value in (headers or {}).items()},
        )
    except Exception:  # the queue itself is down: the request still succeeds
        logger.exception("An e-mail could not be queued (%s recipients)", len(recipients))
