"""What pages keep in the cache (`page_cache.shared`): a request reads the versions once and
sees its own changes at once; each process keeps copies of what it read, which the version
read from the shared cache still decides on, and which expire when the cache's entries do."""

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

from portal.core import page_cache


@pytest.fixture(autouse=True)
def _no_copies_left():
    page_cache.local_copies.clear()
    yield
    page_cache.local_copies.clear()


def in_a_request(view):
    """What `view()` returns, run as a request's view (its versions read once)."""
    answers = []
    middleware = page_cache.VersionsReadOnceMiddleware(
        lambda request: answers.append(view()) or HttpResponse()
    )
    middleware(RequestFactory().get("/"))
    return answers[0]


def test_a_request_reads_the_versions_once_and_a_value_kept_in_its_process_not_at_all(
    cache_reads,
):
    page_cache.shared("menu", lambda: "the menu")  # kept, in the cache and in this process
    page_cache.live_version()  # both versions started
    cache_reads.clear()

    def view():
        return [page_cache.shared(key, lambda: "built again") for key in ("menu", "menu")]

    assert in_a_request(view) == ["the menu", "the menu"]
    assert cache_reads == [page_cache.VERSION_KEYS]  # both versions, in one round trip


def test_a_requests_own_change_is_seen_at_once(db):
    def view():
        before = page_cache.shared("menu", lambda: "before")
        page_cache.invalidate()
        return before, page_cache.shared("menu", lambda: "after")

    assert in_a_request(view) == ("before", "after")


def test_a_contribution_moves_the_live_data_version_once_when_committed(
    db, django_capture_on_commit_callbacks
):
    """Until its contribution is committed, a request reads and keeps nothing under the live
    data version (it shows its own change, which nobody else sees yet), and other requests
    keep reading what is kept; the version moves once, at the commit, in every process."""
    before = page_cache.live_version()
    page_cache.live("figures", lambda: "before")
    writes = []

    def view():
        page_cache.live_data_changed()
        assert page_cache.live_version() is None
        writes.append(cache.get(page_cache.LIVE_KEY))
        mine = page_cache.live("figures", lambda: "mine")
        others = page_cache.live("figures", lambda: "built again")  # built again: not kept
        writes.append(in_a_request(lambda: page_cache.live("figures", lambda: "after")))
        return mine, others

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert in_a_request(view) == ("mine", "built again")
    assert writes == [before, "before"]  # the cache's version and entry, untouched until then
    assert len(callbacks) == 1
    after = cache.get(page_cache.LIVE_KEY)
    assert after > before  # moved once, by a step of its own
    assert in_a_request(lambda: page_cache.live("figures", lambda: "after")) == "after"


def test_a_contribution_outside_a_request_moves_the_live_data_version_at_once(db):
    """A command or the task worker reads the versions each time: its own change is seen at
    once as well."""
    before = page_cache.live_version()
    page_cache.live_data_changed()
    assert page_cache.live_version() != before


def test_another_processs_change_is_seen_by_the_next_request():
    """A change in another process bumps the version in the shared cache: this process's copy,
    kept under the old version, is never read again."""
    assert in_a_request(lambda: page_cache.shared("menu", lambda: "before")) == "before"
    cache.incr(page_cache.VERSION_KEY)  # as another process's invalidate() does
    assert in_a_request(lambda: page_cache.shared("menu", lambda: "after")) == "after"


def test_a_copy_is_read_from_the_cache_when_the_process_has_none(cache_reads):
    page_cache.shared("menu", lambda: "the menu")
    page_cache.local_copies.clear()  # a new worker
    kept_under = f"kept:{page_cache.content_version()}:menu"
    cache_reads.clear()
    assert page_cache.shared("menu", lambda: "built again") == "the menu"
    assert cache_reads == [page_cache.VERSION_KEY, [kept_under]]
    cache_reads.clear()
    assert page_cache.shared("menu", lambda: "built again") == "the menu"
    assert cache_reads == [page_cache.VERSION_KEY]  # outside a request, the version each time


def test_a_copy_expires_when_the_caches_entry_does(monkeypatch, settings):
    now = 1_800_000_000.0
    monkeypatch.setattr(page_cache.time, "time", lambda: now)
    page_cache.shared("upcoming", lambda: "this week")
    now += settings.PAGE_CACHE_SECONDS - 1
    assert page_cache.shared("upcoming", lambda: "next week") == "this week"
    page_cache.local_copies.clear()  # fetched from the cache a second before it expires
    assert page_cache.shared("upcoming", lambda: "next week") == "this week"
    now += 1
    assert page_cache.shared("upcoming", lambda: "next week") == "next week"


def test_each_read_is_a_copy_of_its_own():
    """A request may annotate what it gets (Wagtail does, on pages): the next one is clean."""
    page_cache.shared("page", lambda: {"title": "Le marché"})
    first = page_cache.shared("page", dict)
    first["seen_by"] = "a visitor"
    assert page_cache.shared("page", dict) == {"title": "Le marché"}


def test_an_emptied_cache_never_gives_back_a_version_of_the_copies(monkeypatch):
    """A restarted Redis starts the versions anew: not from a number a process's copies may
    have been kept under."""
    page_cache.shared("menu", lambda: "before the restart")
    cache.clear()
    assert page_cache.shared("menu", lambda: "after the restart") == "after the restart"


def test_with_the_cache_unreachable_nothing_kept_is_read(monkeypatch):
    page_cache.shared("menu", lambda: "the menu")
    monkeypatch.setattr(cache, "get", lambda *args, **kwargs: None)
    monkeypatch.setattr(cache, "add", lambda *args, **kwargs: False)
    assert page_cache.content_version() is None
    assert page_cache.shared("menu", lambda: "built") == "built"
    assert page_cache.live("figures", lambda: "counted") == "counted"


def test_a_process_keeps_copies_up_to_its_limit_and_the_least_recently_read_go_first():
    copies = page_cache.LocalCopies(limit=100)
    copies.follow(1)
    for key in "abc":
        copies.put(key, (float("inf"), b"x" * 10))  # not a pickle: never read below
    copies.put("big", (float("inf"), b"x" * 11))  # over a tenth of the limit: not kept
    assert list(copies.entries) == ["a", "b", "c"]
    copies.entries.move_to_end("a")  # as a read does
    for key in "defghij":
        copies.put(key, (float("inf"), b"x" * 10))
    assert copies.size == 100
    copies.put("k", (float("inf"), b"x" * 10))
    assert "b" not in copies.entries and "a" in copies.entries and copies.size == 100
    copies.follow(2)
    assert not copies.entries and copies.size == 0
