"""An envelope's projects in a spreadsheet: public columns only (votes once the results are
public, never an internal note or assignment), formulas neutralised; the import of the
study's decisions previews its changes, names the rows at fault and applies nothing then."""

import csv
import io

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile

from portal.budgets import services
from portal.budgets.models import BudgetProject, ProjectStatus
from portal.core.roles import StaffRole
from tests.factories import ParticipantFactory

from .factories import EnvelopeFactory, ProjectFactory
from .test_admin import PROJECTS, staff

pytestmark = pytest.mark.django_db

SHEET = f"{PROJECTS}sheet/"


@pytest.fixture
def moderator(django_user_model):
    return staff(django_user_model, StaffRole.MODERATORS, "agent")


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def projects(envelope, districts):
    return [
        ProjectFactory(envelope=envelope, title="Des bancs", status=ProjectStatus.PROPOSED),
        ProjectFactory(
            envelope=envelope,
            title='=HYPERLINK("http://evil")',
            status=ProjectStatus.UNDER_STUDY,
            department="Voirie",
            district=districts[0],
        ),
        ProjectFactory(envelope=envelope, title="Une fontaine", status=ProjectStatus.UNDER_STUDY),
        ProjectFactory(envelope=envelope, title="Un kiosque", cost=20_000),  # on the ballot
    ]


def export_rows(client, envelope):
    response = client.get(f"{SHEET}{envelope.pk}/csv/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def sheet_file(rows, name="projects.csv"):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return SimpleUploadedFile(name, out.getvalue().encode(), content_type="text/csv")


def upload(client, envelope, file):
    return client.post(f"{SHEET}?envelope={envelope.pk}", {"file": file})


def page(response):
    return BeautifulSoup(response.content, "html.parser")


def test_the_export_holds_public_columns_only_and_neutralises_formulas(
    moderator_client, envelope, projects, moderator
):
    services.note_project(project=projects[0], user=moderator, text="Note interne")
    services.assign_project(project=projects[0], department="Service secret", assignee=moderator)
    rows = export_rows(moderator_client, envelope)
    assert list(rows[0]) == [
        "id",
        "title",
        "status",
        "cost",
        "department",
        "public_reason",
        "votes",
        "district",
        "theme",
    ]
    assert [row["title"] for row in rows] == [
        "Des bancs",
        '\'=HYPERLINK("http://evil")',
        "Une fontaine",
        "Un kiosque",
    ]
    assert (rows[1]["status"], rows[1]["department"], rows[1]["district"]) == (
        "Under study",
        "Voirie",
        "Centre-ville",
    )
    text = moderator_client.get(f"{SHEET}{envelope.pk}/csv/").content.decode()
    assert "Note interne" not in text and "Service secret" not in text and "agent" not in text
    response = moderator_client.get(f"{SHEET}{envelope.pk}/xlsx/")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    cells = [cell.value for row in sheet.iter_rows() for cell in row]
    assert not any(
        isinstance(cell, str) and cell.startswith(("=", "+", "-", "@")) for cell in cells
    )


def test_votes_are_exported_once_the_results_are_public(
    moderator_client, envelope, projects, django_assert_max_num_queries
):
    services.cast_ballot(
        envelope=envelope,
        participant=ParticipantFactory(email="votante@example.org"),
        choices=[projects[3]],
    )
    assert [row["votes"] for row in export_rows(moderator_client, envelope)] == [""] * 4
    envelope.results_hidden_while_open = False
    envelope.save()
    assert [row["votes"] for row in export_rows(moderator_client, envelope)] == ["", "", "", "1"]
    for index in range(20):
        ProjectFactory(envelope=envelope, title=f"Projet {index}")
    with django_assert_max_num_queries(20):  # a constant number, whatever the projects
        assert len(export_rows(moderator_client, envelope)) == 24


def test_a_sheet_with_one_bad_row_applies_nothing_and_names_the_row(
    moderator_client, envelope, projects
):
    rows = export_rows(moderator_client, envelope)
    rows[0]["status"] = "Under study"
    rows[0]["department"] = "Espaces verts"
    rows[1]["status"] = "On the ballot"  # under study → on the ballot skips the study's finding
    rows[2]["status"] = "Feasible"
    rows[2]["cost"] = "45000"
    response = upload(moderator_client, envelope, sheet_file(rows))
    assert response.status_code == 200
    errors = page(response).select_one("[role=alert]").get_text(" ", strip=True)
    assert "Row 3" in errors and "cannot become" in errors
    assert "Row 2" not in errors and "Row 4" not in errors
    assert not page(response).select("input[name=preview]")
    for project in projects:
        stored = BudgetProject.objects.get(pk=project.pk)
        assert (stored.status, stored.cost, stored.department) == (
            project.status,
            project.cost,
            project.department,
        )
        assert not stored.steps.exists()


@pytest.mark.parametrize(
    "change, message",
    [
        ({"id": "999999"}, "No project of this envelope"),
        ({"status": "Sold"}, "is not a status"),
        ({"status": "Not feasible"}, "not feasible"),
        ({"status": "Feasible", "cost": ""}, "estimated cost"),
        ({"status": "Feasible", "cost": "-5"}, "estimated cost"),
        ({"status": "Feasible", "cost": "douze"}, ""),
        ({"cost": "99"}, "changes only with the status"),
        ({"public_reason": "Trop cher"}, "changes only with the status"),
        ({"status": "Not feasible", "public_reason": "x" * 5001}, "At most 5000 characters"),
    ],
)
def test_each_bad_row_is_named_with_its_reason(
    moderator_client, envelope, projects, change, message
):
    rows = export_rows(moderator_client, envelope)
    rows[2].update(change)
    response = upload(moderator_client, envelope, sheet_file(rows))
    errors = page(response).select_one("[role=alert]").get_text(" ", strip=True)
    assert "Row 4" in errors and message in errors
    assert all(BudgetProject.objects.get(pk=p.pk).status == p.status for p in projects)


def test_what_the_services_refuse_is_the_row_s_error(moderator_client, envelope, projects):
    rows = export_rows(moderator_client, envelope)
    rows[3]["status"] = "Winner"  # the declaration of results marks winners
    response = upload(moderator_client, envelope, sheet_file(rows))
    errors = page(response).select_one("[role=alert]").get_text(" ", strip=True)
    assert "Row 5" in errors and "Only the declaration of results" in errors
    assert BudgetProject.objects.get(pk=projects[3].pk).status == ProjectStatus.ON_BALLOT


def test_a_project_of_another_envelope_is_unknown_here(moderator_client, envelope, projects):
    other = ProjectFactory(envelope=EnvelopeFactory(consultation=envelope.consultation))
    rows = export_rows(moderator_client, envelope)
    rows[0]["id"] = str(other.pk)
    response = upload(moderator_client, envelope, sheet_file(rows))
    assert "No project of this envelope" in page(response).get_text()


def test_a_good_sheet_previews_then_applies_through_the_workflow(
    moderator_client, envelope, projects, moderator
):
    rows = export_rows(moderator_client, envelope)
    rows[0].update(status="under_study", department="Espaces verts")
    rows[1].update(status="Feasible", cost="45000")
    rows[2].update(status="Not feasible", public_reason="Le réseau d’eau ne le permet pas.")
    rows[3]["title"] = "Changed title, ignored"
    response = upload(moderator_client, envelope, sheet_file(rows))
    assert response.status_code == 200
    preview = page(response)
    changed = [row.th.get_text(strip=True) for row in preview.select("table.listing tbody tr")]
    assert changed == [f"{p.title} (#{p.pk})" for p in projects[:3]]
    columns = [th.get_text(strip=True) for th in preview.select("table.listing thead th")]
    cells = [
        dict(
            zip(columns[2:], [td.get_text(strip=True) for td in row.select("td")[1:]], strict=True)
        )
        for row in preview.select("table.listing tbody tr")
    ]
    assert cells[0]["Department that studies it"] == "Espaces verts"
    assert (cells[1]["Cost"], cells[1]["Department that studies it"]) == ("45000", "unchanged")
    assert cells[2]["Why it is not feasible (public)"] == "Le réseau d’eau ne le permet pas."
    assert BudgetProject.objects.get(pk=projects[0].pk).status == ProjectStatus.PROPOSED
    token = preview.select_one("input[name=preview]")["value"]
    response = moderator_client.post(f"{SHEET}?envelope={envelope.pk}", {"preview": token})
    assert response.status_code == 303
    first, second, third, fourth = (BudgetProject.objects.get(pk=p.pk) for p in projects)
    assert (first.status, first.department) == (ProjectStatus.UNDER_STUDY, "Espaces verts")
    assert (second.status, second.cost) == (ProjectStatus.FEASIBLE, 45_000)
    assert (third.status, third.public_reason) == (
        ProjectStatus.NOT_FEASIBLE,
        "Le réseau d’eau ne le permet pas.",
    )
    assert fourth.title == "Un kiosque" and not fourth.steps.exists()
    assert list(second.steps.values_list("to_status", "user")) == [
        (ProjectStatus.FEASIBLE, moderator.pk)
    ]


def test_a_tampered_preview_or_a_hostile_file_applies_nothing(moderator_client, envelope, projects):
    response = moderator_client.post(f"{SHEET}?envelope={envelope.pk}", {"preview": "forged"})
    assert response.status_code == 200 and "expired" in page(response).get_text()
    for name, content, message in (
        ("projects.pdf", b"%PDF-1.4", "Upload a CSV or XLSX file"),
        ("projects.csv", b"title,status\nA,feasible\n", "export the projects"),
        ("projects.xlsx", b"PK\x03\x04broken", "not an XLSX file"),
    ):
        response = upload(moderator_client, envelope, SimpleUploadedFile(name, content))
        assert response.status_code == 200 and message in page(response).get_text()
    assert not any(BudgetProject.objects.get(pk=p.pk).steps.exists() for p in projects)


def test_an_xlsx_sheet_imports_too(moderator_client, envelope, projects):
    response = moderator_client.get(f"{SHEET}{envelope.pk}/xlsx/")
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    workbook.active.cell(row=3, column=3).value = "Not feasible"
    workbook.active.cell(row=3, column=6).value = "Trop cher"
    out = io.BytesIO()
    workbook.save(out)
    response = upload(
        moderator_client, envelope, SimpleUploadedFile("projects.xlsx", out.getvalue())
    )
    changed = page(response).select("table.listing tbody tr")
    assert len(changed) == 1 and "Not feasible" in changed[0].get_text()


@pytest.mark.parametrize("role", [None, "resident", StaffRole.EDITORS])
def test_only_moderators_reach_the_sheet(client, envelope, projects, django_user_model, role):
    if role == "resident":  # a Django account without a staff role
        client.force_login(django_user_model.objects.create_user("nadia", "n@example.org", "x"))
    elif role:
        client.force_login(staff(django_user_model, role, "redaction"))
    for url in (f"{SHEET}?envelope={envelope.pk}", f"{SHEET}{envelope.pk}/csv/"):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert "Des bancs" not in response.content.decode()
    rows = [{"id": projects[0].pk, "status": "Under study", "department": "X"}]
    client.post(f"{SHEET}?envelope={envelope.pk}", {"file": sheet_file(rows)})
    assert BudgetProject.objects.get(pk=projects[0].pk).status == ProjectStatus.PROPOSED


def test_the_queue_links_to_the_sheet_and_the_sheet_asks_for_an_envelope(
    moderator_client, envelope
):
    listing = page(moderator_client.get(PROJECTS))
    assert listing.select_one(f'a[href="{SHEET}"]')
    chooser = page(moderator_client.get(SHEET))
    assert chooser.select_one("select[name=envelope]")
    assert moderator_client.get(f"{SHEET}?envelope=nope").status_code == 200
    assert moderator_client.get(f"{SHEET}{envelope.pk}/pdf/").status_code in (302, 404)
