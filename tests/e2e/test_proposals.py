"""Event proposals end to end: an association proposes an event and confirms its address by
e-mail; a moderator approves it in the admin; the event is in the agenda and in its feed."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from .checks import assert_accessible, assert_valid_html
from .conftest import screenshot
from .test_ideas import PNG, log_in_as_moderator
from .test_participation import latest_link

TITLE = "Grand pique-nique des Tilleuls"
AGENDA = "/fr/agenda/"
FEED = "/fr/calendrier/agenda.ics"
PROPOSALS = "/admin/snippets/proposals/eventproposal/"


def when(days, hour):
    """A datetime-local value, `days` from now at `hour` (Paris time: the server's zone)."""
    moment = timezone.localtime(timezone.now() + timedelta(days=days))
    return moment.replace(hour=hour, minute=0).strftime("%Y-%m-%dT%H:%M")


def open_form(page):
    """The form, reached as residents reach it: from the agenda's invitation."""
    page.goto(AGENDA)
    page.locator(".agenda-propose a").click()
    page.wait_for_load_state("load")
    return page.locator("form.proposal-form")


def fill_in(form, *, title, email):
    form.locator("#id_organiser_name").fill("Les Amis des Tilleuls")
    form.locator("#id_title").fill(title)
    form.locator("#id_summary").fill("Chacun apporte un plat ; jeux pour les enfants.")
    form.locator("#id_start").fill(when(12, 12))
    form.locator("#id_end").fill(when(12, 16))
    form.locator("#id_place_name").fill("Square des Tilleuls")
    form.locator("#id_step_free_access").check()
    form.locator("#id_email").fill(email)


def path_of(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def test_an_association_proposes_an_event_that_a_moderator_publishes(new_page, server, mail_dir):
    resident = new_page("phone")
    form = open_form(resident)

    # A mistake first: the summary takes focus, everything typed is kept, the image is asked
    # for again.
    fill_in(form, title="", email="amis-des-tilleuls@example.org")
    form.locator("#id_end").fill(when(12, 10))  # before it starts
    form.locator("#id_image").set_input_files(
        {"name": "tables.png", "mimeType": "image/png", "buffer": PNG}
    )
    form.locator("button[type=submit]").click()
    resident.wait_for_load_state("load")
    summary = form.locator(".error-summary")
    assert summary.evaluate("element => element === document.activeElement")
    assert [link.get_attribute("href") for link in summary.locator("a").all()] == [
        "#id_title",
        "#id_end",
        "#id_image",
        "#id_image_alt",
    ]
    assert form.locator("#id_organiser_name").input_value() == "Les Amis des Tilleuls"
    assert form.locator("#id_email").input_value() == "amis-des-tilleuls@example.org"
    screenshot(resident, "proposal-form-error-phone")
    assert_accessible(resident)

    form.locator("#id_title").fill(TITLE)
    form.locator("#id_end").fill(when(12, 16))
    form.locator("#id_image").set_input_files(
        {"name": "tables.png", "mimeType": "image/png", "buffer": PNG}
    )
    form.locator("#id_image_alt").fill("Deux tables en bois sous un tilleul")
    form.locator("button[type=submit]").click()
    resident.wait_for_load_state("load")
    assert "amis-des-tilleuls@example.org" in resident.locator(".messages").inner_text()
    assert resident.locator(".proposal-sent").is_visible()

    # The link in the e-mail opens what it confirms; its button confirms the address and
    # opens the proposal's own page.
    resident.goto(path_of(latest_link(mail_dir, "/participation/")))
    assert TITLE in resident.locator("main").inner_text()
    resident.get_by_role("button", name="Confirmer").click()
    resident.wait_for_load_state("load")
    follow_url = resident.url
    assert resident.locator(".badge--submitted").is_visible()
    screenshot(resident, "proposal-follow-phone")

    # The moderator approves it and trusts the organiser.
    moderator = new_page("desktop")
    log_in_as_moderator(moderator)
    moderator.goto(PROPOSALS)
    moderator.get_by_role("link", name=TITLE).click()
    moderator.wait_for_load_state("load")
    assert "amis-des-tilleuls@example.org" not in moderator.content()
    moderator.locator("input[name=decision][value=approve]").check()
    moderator.locator("input[name=trust]").check()
    screenshot(moderator, "proposal-review-admin")
    moderator.get_by_role("button", name="Enregistrer").first.click()
    moderator.wait_for_load_state("load")

    # The association is told, with the event's address; the event is in the agenda.
    event_url = latest_link(mail_dir, "pique-nique-des-tilleuls")
    resident.goto(path_of(event_url))
    assert resident.locator("h1").inner_text() == TITLE
    assert resident.locator("img[alt='Deux tables en bois sous un tilleul']").count() == 1
    # Each gunicorn worker keeps its own page cache here (no Redis): an address this browser
    # has not seen yet, so that the worker answering has not cached the agenda before.
    resident.goto(AGENDA + "?page=1")
    assert resident.get_by_role("link", name=TITLE).count() == 1
    resident.goto(follow_url)
    assert resident.locator(".callout--success a").get_attribute("href") == urlsplit(event_url).path
    screenshot(resident, "proposal-published-phone")
    assert_accessible(resident)

    # And in the agenda's calendar feed (portal/calendar).
    feed = resident.request.get(server + FEED)
    assert feed.ok and TITLE in feed.text()


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_proposal_pages_are_accessible_and_valid(new_page, server, mail_dir, width):
    page = new_page(width)
    form = open_form(page)
    form_url = page.url
    assert_accessible(page)
    screenshot(page, f"proposal-form-{width}")
    documents = [("form", page.request.get(form_url).text())]

    error_state = page.request.post(
        form_url,
        multipart={
            "csrfmiddlewaretoken": form.locator("[name=csrfmiddlewaretoken]").input_value(),
            "title": "<script>alert(1)</script>",
            "start": "2026-02-30T10:00",
            "registration_url": "javascript:alert(1)",
            "themes": "999999",
            "image": {"name": "faux.jpg", "mimeType": "image/jpeg", "buffer": b"not an image"},
        },
        headers={"Referer": form_url},
    )
    assert error_state.status == 400
    documents.append(("form error state", error_state.text()))
    form.locator("button[type=submit]").click()
    page.wait_for_load_state("load")
    assert_accessible(page)
    screenshot(page, f"proposal-form-error-{width}")

    fill_in(form, title=f"Atelier vélo ({width})", email=f"atelier-{width}@example.org")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state("load")
    assert_accessible(page)
    documents.append(("thank-you state", page.request.get(page.url).text()))

    page.goto(path_of(latest_link(mail_dir, "/participation/")))
    assert_accessible(page)
    page.get_by_role("button", name="Confirmer").click()
    page.wait_for_load_state("load")
    assert page.locator("form.proposal-form").is_visible()
    assert_accessible(page)
    screenshot(page, f"proposal-follow-{width}")
    documents.append(("follow page", page.request.get(page.url).text()))
    page.goto(page.url.rstrip("/") + "x/")  # a link damaged when copied
    assert_accessible(page)
    documents.append(("invalid link", page.request.get(page.url).text()))
    assert_valid_html(*documents)
