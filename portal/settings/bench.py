"""The load benchmark (`make bench`, scripts/bench.py): the production settings, plus the demo
app that loads the demo town and adds the benchmark's data (load_demo, bench_* commands).

What is measured is production's: the demo app has no models, URLs, templates, middleware
or static files, only management commands. A deployment uses portal.settings.production.
"""

from .production import *  # noqa: F403
from .production import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "portal.demo"]

# The residents' ideas are measured on this machine, not on the national address base.
GEOCODER_URL = ""
