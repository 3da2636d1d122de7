"""Browser tests (`make e2e`): production-like (DEBUG off), with a throwaway database,
media served by Django, and e-mails written to files that the tests read."""

from .test import *  # noqa: F403
from .test import os

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ.get("E2E_MAIL_DIR", "/tmp/portal-e2e-mail")
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", "/tmp/portal-e2e-media")
SERVE_MEDIA = True
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
# Signing in goes through the throttle, as in production.
AXES_ENABLED = True
# The browser tests' own stand-in for the address base (tests/e2e/test_maps.py), else none.
GEOCODER_URL = os.environ.get("E2E_GEOCODER_URL", "")
