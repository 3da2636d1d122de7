import time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from portal.participation.models import IdeaStatus
from tests import factories
from tests.factories import IdeaBoxFactory, IdeaFactory
from tests.zz_review_tmp.test_x import HOSTILE, od, page  # noqa: F401


def test_pg_huge(page):
    c = Client(raise_request_exception=False)
    for pk in (2**63, 10**30, 2**31):
        print(connection.vendor, pk, "OD", c.get(od(pk)).status_code,
              "take", c.post(f"/fr/participer/{pk}/", {"block_id": "x"}).status_code,
              "untr", c.get(f"/en/not-translated/{pk}/").status_code,
              "idea", c.get(f"/fr/participation/idees/{pk}/x/").status_code,
              "project", c.get(f"/fr/budgets/projets/{pk}/x/").status_code)


def test_pg_search(page):
    c = Client(raise_request_exception=False)
    box = IdeaBoxFactory(consultation=page)
    for n in range(30):
        IdeaFactory(box=box, status=IdeaStatus.PUBLISHED, title=f"Une fontaine {n}")
    bad = []
    for q in HOSTILE + ["a:b", "a&b", "a|b", "!a", "a<->b", "(a", "a)", "'''", "-'-", "’’"]:
        r = c.get("/fr/recherche/", {"q": q})
        if r.status_code != 200:
            bad.append((q, r.status_code))
    print(connection.vendor, "bad:", bad)
    for q in ["fontaine " * 22, " ".join(f"m{n}" for n in range(66)), "a " * 100]:
        with CaptureQueriesContext(connection) as ctx:
            t = time.perf_counter()
            r = c.get("/fr/recherche/", {"q": q})
            dt = time.perf_counter() - t
        print(connection.vendor, len(q.split()), "terms:", r.status_code, f"{dt:.2f}s", len(ctx.captured_queries), "queries")
