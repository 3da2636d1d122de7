"""E-mails leave through one door: single-line subjects, and no failure reaches a request."""

import smtplib

from django.core import mail as outbox
from django.test import override_settings

from portal.core import mail


def test_a_line_break_in_a_subject_becomes_a_space():
    mail.send(subject="Idée\r\nBcc: victim@example.org", body="…", to=["a@example.org"])
    [message] = outbox.outbox
    assert message.subject == "Idée Bcc: victim@example.org"
    assert message.to == ["a@example.org"]
    assert "victim@example.org" not in message.recipients()


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("the mail server is down")


@override_settings(EMAIL_BACKEND="tests.core.test_mail.BrokenBackend")
def test_a_broken_mail_server_does_not_raise(caplog):
    mail.send(subject="Bonjour", body="…", to=["a@example.org"])
    assert any("FAILED" in record.getMessage() for record in caplog.records)
