"""WSGI entry point for gunicorn: `gunicorn portal.wsgi` with DJANGO_SETTINGS_MODULE set."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()

from portal.core.checks import refuse_to_serve  # noqa: E402 (needs the settings set up)

refuse_to_serve()

# What is loaded at start (Django, Wagtail, every view behind the URLs) lives as long as the
# process: set aside from the garbage collector, whose collections during a request then look
# only at what requests make (shorter pauses: the slowest requests are faster).
get_resolver().url_patterns  # noqa: B018 (imports every view)
gc.freeze()
