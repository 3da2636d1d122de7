"""Local development: `make run`. SQLite, console e-mail, a throwaway secret key."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, os

# The demo town (`make run`: load_demo, ensure_demo_admin).
INSTALLED_APPS = [*INSTALLED_APPS, "portal.demo"]

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
PARTICIPATION_CAPTCHA = os.environ.get("PARTICIPATION_CAPTCHA", "off")
