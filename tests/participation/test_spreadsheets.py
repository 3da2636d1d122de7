"""A box's ideas in a spreadsheet: the export holds what the public may read, formulas
neutralised; the import previews its changes, names the rows at fault and applies nothing
then, and applies through the services (history steps, e-mails) once confirmed."""

import csv
import io
import zipfile

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from portal.core.roles import StaffRole
from portal.participation import services
from portal.participation.models import Idea, IdeaStatus
from tests import factories
from tests.factories import IdeaBoxFactory, IdeaFactory, confirmed

from .test_moderation import IDEAS, user_in

SHEET = f"{IDEAS}sheet/"


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def box(home):
    page = factories.consultation(factories.consultation_index(home), "La place du Marché")
    return IdeaBoxFactory(consultation=page)


@pytest.fixture
def ideas(box):
    author = confirmed("nadia.secret@example.org")
    return [
        IdeaFactory(box=box, participant=author, title="Des bancs", status=IdeaStatus.PUBLISHED),
        IdeaFactory(box=box, title='=HYPERLINK("http://evil")', status=IdeaStatus.PUBLISHED),
        IdeaFactory(box=box, title="Une fontaine", status=IdeaStatus.UNDER_STUDY),
    ]


@pytest.fixture
def moderator(django_user_model):
    return user_in(django_user_model, StaffRole.MODERATORS, "agent")


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


def export_rows(client, box):
    response = client.get(f"{SHEET}{box.pk}/csv/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def sheet_file(rows, name="ideas.csv"):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return SimpleUploadedFile(name, out.getvalue().encode(), content_type="text/csv")


def upload(client, box, file):
    return client.post(f"{SHEET}?box={box.pk}", {"file": file})


def page(response):
    return BeautifulSoup(response.content, "html.parser")


def test_the_export_holds_public_columns_only_and_neutralises_formulas(
    moderator_client, box, ideas, moderator
):
    services.note_idea(idea=ideas[0], user=moderator, text="Note interne")
    services.assign_idea(idea=ideas[0], department="Voirie", assignee=moderator)
    rows = export_rows(moderator_client, box)
    assert list(rows[0]) == [
        "id",
        "title",
        "status",
        "official_answer",
        "public_reason",
        "supports",
        "district",
        "theme",
    ]
    assert [row["title"] for row in rows] == [
        "Des bancs",
        '\'=HYPERLINK("http://evil")',
        "Une fontaine",
    ]
    assert rows[0]["status"] == "Published"
    text = moderator_client.get(f"{SHEET}{box.pk}/csv/").content.decode()
    assert "@example.org" not in text and "Note interne" not in text and "Voirie" not in text
    response = moderator_client.get(f"{SHEET}{box.pk}/xlsx/")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    cells = [cell.value for row in sheet.iter_rows() for cell in row]
    assert not any(
        isinstance(cell, str) and cell.startswith(("=", "+", "-", "@")) for cell in cells
    )
    assert sheet.cell(row=3, column=2).data_type == "s"


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_every_formula_start_is_neutralised(moderator_client, box, start):
    IdeaFactory(box=box, title=f"{start}1+2", status=IdeaStatus.PUBLISHED)
    assert export_rows(moderator_client, box)[0]["title"] == f"'{start}1+2"


def test_a_sheet_with_one_bad_row_applies_nothing_and_names_the_row(moderator_client, box, ideas):
    rows = export_rows(moderator_client, box)
    rows[0]["official_answer"] = "Nous installerons des bancs."
    rows[1]["status"] = "realised"  # published → realised skips the decision
    rows[2]["status"] = "Retained"
    response = upload(moderator_client, box, sheet_file(rows))
    assert response.status_code == 200
    errors = page(response).select_one("[role=alert]").get_text(" ", strip=True)
    assert "Row 3" in errors and "cannot become" in errors
    assert "Row 2" not in errors and "Row 4" not in errors
    assert not page(response).select("input[name=preview]")
    for idea in ideas:
        stored = Idea.objects.get(pk=idea.pk)
        assert (stored.status, stored.official_answer) == (idea.status, idea.official_answer)
        assert not stored.transitions.exists()


@pytest.mark.parametrize(
    "change, message",
    [
        ({"id": "999999"}, "No idea of this box"),
        ({"status": "Sold"}, "is not a status"),
        ({"status": "rejected"}, "Reject an idea on its review"),
        ({"official_answer": "x" * 5001}, "At most 5000 characters"),
        ({"status": "not_retained"}, "public reason"),
    ],
)
def test_each_bad_row_is_named_with_its_reason(moderator_client, box, ideas, change, message):
    rows = export_rows(moderator_client, box)
    rows[1].update(change)
    response = upload(moderator_client, box, sheet_file(rows))
    errors = page(response).select_one("[role=alert]").get_text(" ", strip=True)
    assert "Row 3" in errors and message in errors
    assert all(Idea.objects.get(pk=idea.pk).status == idea.status for idea in ideas)


def test_an_idea_of_another_box_is_unknown_here(moderator_client, box, ideas, home):
    other = IdeaFactory(box=IdeaBoxFactory(consultation=box.consultation))
    rows = export_rows(moderator_client, box)
    rows[0]["id"] = str(other.pk)
    response = upload(moderator_client, box, sheet_file(rows))
    assert "No idea of this box" in page(response).get_text()


def test_a_good_sheet_previews_then_applies_through_the_workflow(
    moderator_client, box, ideas, moderator, django_capture_on_commit_callbacks
):
    rows = export_rows(moderator_client, box)
    rows[0]["status"] = "Under study"
    rows[0]["official_answer"] = "Nous étudions l’emplacement."
    rows[2]["status"] = "Not retained"
    rows[2]["public_reason"] = "Le réseau d’eau ne le permet pas."
    rows[1]["title"] = "Changed title, ignored"
    response = upload(moderator_client, box, sheet_file(rows))
    assert response.status_code == 200
    preview = page(response)
    changed = [row.th.get_text(strip=True) for row in preview.select("table.listing tbody tr")]
    assert changed == [f"Des bancs (#{ideas[0].pk})", f"Une fontaine (#{ideas[2].pk})"]
    assert Idea.objects.get(pk=ideas[0].pk).status == IdeaStatus.PUBLISHED  # a preview only
    token = preview.select_one("input[name=preview]")["value"]
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(f"{SHEET}?box={box.pk}", {"preview": token})
    assert response.status_code == 303
    first, second, third = (Idea.objects.get(pk=idea.pk) for idea in ideas)
    assert (first.status, first.official_answer) == (
        IdeaStatus.UNDER_STUDY,
        "Nous étudions l’emplacement.",
    )
    assert (third.status, third.public_reason) == (
        IdeaStatus.NOT_RETAINED,
        "Le réseau d’eau ne le permet pas.",
    )
    assert second.title == ideas[1].title and not second.transitions.exists()
    steps = list(first.transitions.values_list("to_status", "user"))
    assert steps == [(IdeaStatus.PUBLISHED, moderator.pk), (IdeaStatus.UNDER_STUDY, moderator.pk)]
    told = sorted(address for message in mail.outbox for address in message.to)
    assert told == sorted(["nadia.secret@example.org", ideas[2].participant.email])


def test_a_tampered_or_foreign_preview_applies_nothing(moderator_client, box, ideas):
    response = moderator_client.post(f"{SHEET}?box={box.pk}", {"preview": "forged:token"})
    assert response.status_code == 200 and "expired" in page(response).get_text()
    assert all(not Idea.objects.get(pk=idea.pk).transitions.exists() for idea in ideas)


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("ideas.pdf", b"%PDF-1.4", "Upload a CSV or XLSX file"),
        ("ideas.csv", b"\xff\xfe\x00i\x00d", "not a CSV file"),
        ("ideas.csv", b"id,title\n1,a\x00b\n", "not a CSV file"),
        ("ideas.csv", b"title,status\nA,published\n", "no column"),
        ("ideas.xlsx", b"id,title\n", "not an XLSX file"),
        ("ideas.xlsx", b"PK\x03\x04broken", "not an XLSX file"),
        ("ideas.csv", b"id\n" + b"1\n" * 600_000, "more than 1 MB"),
        ("ideas.csv", b"id\n" + b"1\n" * 6000, "at most 5000 rows"),
        ("ideas.csv", b'id,status\n"1,unclosed\n', ""),
    ],
)
def test_hostile_files_are_refused_without_a_server_error(
    moderator_client, box, ideas, name, content, message
):
    response = upload(moderator_client, box, SimpleUploadedFile(name, content))
    assert response.status_code == 200
    assert message in page(response).get_text()
    assert all(not Idea.objects.get(pk=idea.pk).transitions.exists() for idea in ideas)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(moderator_client, box):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (30 * 1024 * 1024))
    response = upload(moderator_client, box, SimpleUploadedFile("ideas.xlsx", out.getvalue()))
    assert "too large once unpacked" in page(response).get_text()


def test_an_xlsx_sheet_imports_too(moderator_client, box, ideas):
    response = moderator_client.get(f"{SHEET}{box.pk}/xlsx/")
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    workbook.active.cell(row=2, column=3).value = "Under study"
    out = io.BytesIO()
    workbook.save(out)
    response = upload(moderator_client, box, SimpleUploadedFile("ideas.xlsx", out.getvalue()))
    changed = page(response).select("table.listing tbody tr")
    assert len(changed) == 1 and "Under study" in changed[0].get_text()


def test_only_moderators_reach_the_sheet(client, box, ideas, django_user_model):
    for url in (f"{SHEET}?box={box.pk}", f"{SHEET}{box.pk}/csv/"):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(user_in(django_user_model, StaffRole.EDITORS, "redaction"))
    for url in (f"{SHEET}?box={box.pk}", f"{SHEET}{box.pk}/csv/"):
        assert client.get(url).status_code in (302, 403)
    rows = [{"id": ideas[0].pk, "status": "Under study"}]
    client.post(f"{SHEET}?box={box.pk}", {"file": sheet_file(rows)})
    assert Idea.objects.get(pk=ideas[0].pk).status == IdeaStatus.PUBLISHED


def test_the_queue_links_to_the_sheet_and_the_sheet_asks_for_a_box(moderator_client, box):
    listing = page(moderator_client.get(IDEAS))
    assert listing.select_one(f'a[href="{SHEET}"]')
    chooser = page(moderator_client.get(SHEET))
    assert chooser.select_one("select[name=box]")
    assert moderator_client.get(f"{SHEET}?box=nope").status_code == 200
    assert moderator_client.get(f"{SHEET}{box.pk}/pdf/").status_code in (302, 404)
