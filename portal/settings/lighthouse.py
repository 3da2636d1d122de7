"""The Lighthouse audit (`make lighthouse`, scripts/lighthouse.py): the benchmark's settings
(production plus the demo app), with media served by Django.

The audit loads every image as a resident's browser does; production serves media from its
own storage or web server (README, "Deploying at scale"), which this run does not have.
"""

from .bench import *  # noqa: F403

SERVE_MEDIA = True
