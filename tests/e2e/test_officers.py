"""Officers' tools end to end, in the French admin on the demo: an idea assigned to oneself
with an internal note, found again with "Attribués à moi"; a box's ideas exported, a status
changed in the sheet, the import previewed and applied.

Like the other admin screens of the suite, these are looked at in screenshots at both widths
(Wagtail's own markup is not ours to check with axe-core); none may scroll sideways.
"""

import csv
import io

import pytest

from tests.server import MODERATOR_LOGIN

from .conftest import WIDTHS, screenshot
from .test_ideas import log_in_as_moderator

IDEAS = "/admin/snippets/participation/idea/"
SHEET = f"{IDEAS}sheet/"


def no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_an_officer_assigns_an_idea_to_themselves_and_finds_it_again(new_page, server):
    officer = new_page("desktop")
    log_in_as_moderator(officer)
    officer.goto(f"{IDEAS}?status=all")
    title = officer.locator("tbody tr td.title a").first.inner_text().strip()
    officer.locator("tbody tr td.title a").first.click()
    officer.wait_for_load_state("load")
    officer.get_by_label("Attribué à").select_option(label=MODERATOR_LOGIN[0])
    officer.get_by_label("Service attributaire").fill("Espaces verts")
    officer.get_by_label("Ajouter une note interne").fill("Appeler le service des espaces verts.")
    officer.get_by_role("button", name="Enregistrer").first.click()
    officer.wait_for_load_state("load")
    officer.goto(f"{IDEAS}?status=all&assigned=me")
    listed = officer.locator("tbody tr td.title").all_inner_texts()
    assert [text.strip() for text in listed] == [title]
    assert "Espaces verts" in officer.locator("tbody tr").first.inner_text()
    screenshot(officer, "ideas-assigned-to-me-admin")
    officer.locator("tbody tr td.title a").first.click()
    officer.wait_for_load_state("load")
    assert (
        "Appeler le service des espaces verts." in officer.locator(".internal-notes").inner_text()
    )
    screenshot(officer, "idea-internal-notes-admin")


@pytest.mark.parametrize("width", list(WIDTHS))
def test_an_officer_previews_then_applies_a_sheet(new_page, server, width):
    officer = new_page(width)
    log_in_as_moderator(officer)
    officer.goto(SHEET)
    boxes = officer.get_by_label("Boîte à idées")
    boxes.select_option(index=1)
    officer.get_by_role("button", name="Continuer").click()
    officer.wait_for_load_state("load")
    link = officer.get_by_role("link", name="Télécharger en CSV").get_attribute("href")
    exported = officer.request.get(link).text()
    rows = list(csv.DictReader(io.StringIO(exported)))
    published = [row for row in rows if row["status"] == "Publiée"]
    if not published:
        pytest.skip("this box has no published idea left (the other width took it)")
    published[0]["status"] = "À l’étude"
    published[0]["official_answer"] = "Les services étudient cette idée."
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    officer.get_by_label("Feuille (CSV ou XLSX)").set_input_files(
        files=[{"name": "idees.csv", "mimeType": "text/csv", "buffer": out.getvalue().encode()}]
    )
    officer.get_by_role("button", name="Voir l’aperçu des changements").click()
    officer.wait_for_load_state("load")
    preview = officer.locator("table.listing tbody tr")
    assert preview.count() == 1
    assert "À l’étude" in preview.inner_text() and published[0]["title"] in preview.inner_text()
    no_sideways_scroll(officer)
    screenshot(officer, f"ideas-sheet-preview-admin-{width}")
    officer.get_by_role("button", name="Appliquer ces changements").click()
    officer.wait_for_load_state("load")
    assert officer.url.endswith(f"{IDEAS}?status=all")
    after = {
        row["id"]: row for row in csv.DictReader(io.StringIO(officer.request.get(link).text()))
    }
    assert after[published[0]["id"]]["status"] == "À l’étude"
    assert after[published[0]["id"]]["official_answer"] == "Les services étudient cette idée."


PROJECTS = "/admin/snippets/budgets/budgetproject/"


@pytest.mark.parametrize("width", list(WIDTHS))
def test_an_officer_previews_an_envelope_s_project_sheet(new_page, server, width):
    """Previewed only: the project stays proposed for the other browser tests."""
    officer = new_page(width)
    log_in_as_moderator(officer)
    officer.goto(PROJECTS)
    officer.get_by_role("link", name="Tableur").click()
    officer.wait_for_load_state("load")
    officer.get_by_label("Enveloppe").select_option(
        label="Toute la ville — Budget participatif 2027"
    )
    officer.get_by_role("button", name="Continuer").click()
    officer.wait_for_load_state("load")
    link = officer.get_by_role("link", name="Télécharger en CSV").get_attribute("href")
    rows = list(csv.DictReader(io.StringIO(officer.request.get(link).text())))
    proposed = [row for row in rows if row["status"] == "Proposé"]
    assert proposed and "Note" not in rows[0]
    proposed[0].update(status="À l’étude", department="Service du commerce")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    officer.get_by_label("Feuille (CSV ou XLSX)").set_input_files(
        files=[{"name": "projets.csv", "mimeType": "text/csv", "buffer": out.getvalue().encode()}]
    )
    officer.get_by_role("button", name="Voir l’aperçu des changements").click()
    officer.wait_for_load_state("load")
    preview = officer.locator("table.listing tbody tr")
    assert preview.count() == 1
    assert "Service du commerce" in preview.inner_text() and "À l’étude" in preview.inner_text()
    no_sideways_scroll(officer)
    region = officer.get_by_role("region", name="Aperçu : ce que l’import va modifier")
    region.focus()  # its columns scroll within it, by keyboard too
    last = officer.locator("table.listing th").last
    last.scroll_into_view_if_needed()
    assert last.is_visible() and last.bounding_box()["x"] < WIDTHS[width]
    screenshot(officer, f"projects-sheet-preview-admin-{width}")


def test_an_idea_s_review_shows_its_place_and_point(new_page, server):
    officer = new_page("desktop")
    log_in_as_moderator(officer)
    officer.goto(f"{IDEAS}?status=all")
    officer.get_by_role("link", name="Planter des arbres à grand développement côté mairie").click()
    officer.wait_for_load_state("load")
    facts = officer.locator(".participation-facts")
    link = facts.get_by_role("link", name="Voir sur une carte (OpenStreetMap)")
    assert link.get_attribute("href").startswith("https://www.openstreetmap.org/?mlat=")
    assert "Centre-ville" in facts.inner_text()
    latitude = officer.get_by_label("Latitude")
    assert latitude.input_value() and latitude.input_value() in facts.inner_text()
    assert officer.get_by_label("Lieu", exact=True).is_visible()
    no_sideways_scroll(officer)
    latitude.scroll_into_view_if_needed()
    screenshot(officer, "idea-review-place-admin")
