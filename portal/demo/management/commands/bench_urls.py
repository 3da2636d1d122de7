"""The pages `make bench` loads: one live public page per page type, plus a search.

Page types are found in the database, so new page models are measured as soon as a page of
theirs is published.
"""

import json
from urllib.parse import urlencode

from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

SEARCH_QUERY = "participation"


def page_per_type():
    """The first live public page by tree path of each page type, in the default language."""
    pages = (
        Page.objects.live()
        .public()
        .filter(locale__language_code=settings.LANGUAGE_CODE, depth__gt=1)
        .order_by("path")
    )
    content_types = pages.order_by().values_list("content_type", flat=True).distinct()
    firsts = [pages.filter(content_type=content_type).first() for content_type in content_types]
    return sorted(firsts, key=lambda page: page.path)


def bench_urls():
    urls = []
    for page in page_per_type():
        url_parts = page.get_url_parts()
        if page.specific_class is not None and url_parts is not None:
            urls.append({"name": page.specific_class._meta.model_name, "url": url_parts[2]})
    with translation.override(settings.LANGUAGE_CODE):
        search = f"{reverse('search')}?{urlencode({'q': SEARCH_QUERY})}"
    urls.append({"name": "search", "url": search})
    return urls


class Command(BaseCommand):
    help = "Print as JSON the URLs `make bench` measures: one page per page type and a search."

    def handle(self, *args, **options):
        self.stdout.write(json.dumps(bench_urls(), indent=2))
