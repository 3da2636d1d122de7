"""The test suite (`make test`): SQLite unless DATABASE_URL is set; CI also runs PostgreSQL."""

from pathlib import Path

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, os

# The demo town and the bench commands are tested too (the browser tests serve the demo).
INSTALLED_APPS = [*INSTALLED_APPS, "portal.demo"]

DEBUG = False
SECRET_KEY = "test-only-insecure-key"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
MEDIA_ROOT = Path(os.environ.get("TEST_MEDIA_ROOT", "/tmp/portal-test-media"))
PUBLIC_BASE_URL = WAGTAILADMIN_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "http://testserver")
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# Nothing leaves the machine: the geocoder's tests start their own.
GEOCODER_URL = ""
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
PARTICIPATION_CAPTCHA = os.environ.get("PARTICIPATION_CAPTCHA", "off")
# Each health probe checks again: tests change what it checks from one probe to the next.
HEALTH_CHECK_SECONDS = 0
# The sign-in throttle needs a request, which the test client's login() does not pass: tests
# sign in freely, and those of the throttle turn it on (tests/core/test_staff.py).
AXES_ENABLED = False
# The suite runs in one process: its memory is the one cache every request sees.
CACHE_SHARED_BY_PROCESSES = True
