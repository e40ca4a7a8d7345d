"""The training pages through the client: the person's own page, signing, recording,
the DSL's matrix, the import and the policies (issue 15)."""

from datetime import date

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from earlyhelp.accounts.actions import grant_role
from earlyhelp.accounts.roles import Role
from earlyhelp.audit.models import AuditEvent
from earlyhelp.training.models import ReadDocument, Signature, TrainingRecord
from tests.concerns_universe import signed_in
from tests.integration.training.support import done, evidence_record, kcsie_part_one, kind
from tests.universe import make_user

pytestmark = pytest.mark.django_db
BASE = "/staff/schools/northfield-primary/training/"
NOON = "2026-03-10 12:00Z"


@time_machine.travel(NOON, tick=False)
def test_staff_home_shows_what_is_due_and_signing_clears_it(client, universe):
    signed_in(client, universe.tom)
    home = client.get("/staff/").content.decode()
    assert "Your training" in home
    assert "Read and sign Keeping children safe in education 2025: Part one" in home
    assert "Safeguarding and child protection update" in home and "Missing" in home
    part_one = kcsie_part_one()
    page = client.get(f"{BASE}documents/{part_one.pk}/").content.decode()
    assert "Edition" in page and part_one.url in page
    response = client.post(f"{BASE}documents/{part_one.pk}/", {"confirm": "on"})
    assert response.status_code == 302
    assert Signature.objects.get(person=universe.tom).edition == "2025"
    home = client.get("/staff/").content.decode()
    assert "Read and sign Keeping children safe in education 2025: Part one" not in home
    mine = client.get(BASE).content.decode()
    assert "Current" in mine and "10 March 2027" in mine  # sign again a year on


@time_machine.travel(NOON, tick=False)
def test_signing_without_confirming_is_an_error(client, universe):
    signed_in(client, universe.tom)
    part_one = kcsie_part_one()
    page = client.post(f"{BASE}documents/{part_one.pk}/", {}).content.decode()
    assert "<title>Error: " in page and "Confirm that you have read this edition" in page
    assert not Signature.objects.exists()


@time_machine.travel(NOON, tick=False)
def test_a_teacher_records_their_own_training_with_evidence(client, universe):
    signed_in(client, universe.tom)
    page = client.get(f"{BASE}record/").content.decode()
    assert "Who did the training" not in page  # only themself
    certificate = SimpleUploadedFile("cert.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 32, "image/png")
    response = client.post(
        f"{BASE}record/",
        {
            "person": universe.tom.pk,
            "training_type": kind("prevent").pk,
            "completed_on_0": "3",
            "completed_on_1": "2",
            "completed_on_2": "2026",
            "provider": "Home Office",
            "evidence": certificate,
        },
    )
    assert response.status_code == 302 and response["Location"] == BASE
    record = TrainingRecord.objects.get()
    assert (record.person, record.completed_on, record.expires_on) == (
        universe.tom,
        date(2026, 2, 3),
        date(2028, 2, 3),
    )
    download = client.get(f"{BASE}records/{record.pk}/evidence/")
    assert download["Content-Type"] == "image/png"
    assert b"".join(download.streaming_content).startswith(b"\x89PNG")
    assert AuditEvent.objects.filter(action="training.evidence_downloaded").count() == 1


@time_machine.travel(NOON, tick=False)
def test_bad_record_input_saves_nothing(client, universe):
    signed_in(client, universe.tom)
    fake = SimpleUploadedFile("cert.pdf", b"MZ not a pdf at all", "application/pdf")
    page = client.post(
        f"{BASE}record/",
        {"person": universe.tom.pk, "completed_on_0": "31", "completed_on_1": "12",
         "completed_on_2": "2026", "evidence": fake},
    ).content.decode()  # fmt: skip
    assert "<title>Error: " in page
    assert "Select the training" in page
    assert "The date completed must be today or in the past" in page
    assert "The selected file must be a" in page
    # Tom may not record Dee's training by changing the hidden field.
    page = client.post(
        f"{BASE}record/",
        {"person": universe.dee.pk, "training_type": kind("prevent").pk,
         "completed_on_0": "3", "completed_on_1": "2", "completed_on_2": "2026"},
    ).content.decode()  # fmt: skip
    assert "<title>Error: " in page and "Select who did the training" in page
    assert not TrainingRecord.objects.exists()


@time_machine.travel(NOON, tick=False)
def test_evidence_is_the_owners_and_the_dsls_only(client, universe):
    u = universe
    record = evidence_record(u.northfield, u.tom)
    signed_in(client, u.ed)
    assert client.get(f"{BASE}records/{record.pk}/evidence/").status_code == 403
    signed_in(client, u.dee)
    response = client.get(f"{BASE}records/{record.pk}/evidence/")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert response["Content-Disposition"].startswith("attachment")
    signed_in(client, u.sam)
    assert client.get(f"{BASE}records/{record.pk}/evidence/").status_code == 404


@time_machine.travel(NOON, tick=False)
def test_the_dsl_sees_the_matrix_and_what_is_overdue(
    client, universe, django_assert_max_num_queries
):
    u = universe
    done(u.northfield, u.tom, "safeguarding-update", date(2025, 3, 1))
    done(u.northfield, u.ed, "safeguarding-update", date(2025, 4, 1))
    signed_in(client, u.dee)
    with django_assert_max_num_queries(25):
        page = client.get(f"{BASE}compliance/").content.decode()
    assert "eh-table--stack" in page
    overdue = page.split('<h2 class="govuk-heading-m">Overdue</h2>')[1].split("</table>")[0]
    assert "Tom Webb" in overdue and "1 March 2026" in overdue and "Ed Jones" not in overdue
    assert "Due soon" in page and "Overdue" in page and "Missing" in page
    assert "0 of 3</strong> signed" in page
    for person in ("Amir", "Bea", "Cal", "Dot"):
        user = make_user(person.lower(), person, "Extra")
        grant_role(by=None, user=user, role=Role.STAFF, school=u.northfield)
        done(u.northfield, user, "fgm", date(2025, 3, 1))
    with django_assert_max_num_queries(25):
        client.get(f"{BASE}compliance/")


@time_machine.travel(NOON, tick=False)
def test_the_matrix_is_for_those_who_manage_training(client, universe):
    signed_in(client, universe.tom)
    assert client.get(f"{BASE}compliance/").status_code == 403
    assert client.get(f"{BASE}import/").status_code == 403
    assert client.get(f"{BASE}policies/").status_code == 403
    assert "Training compliance" not in client.get("/staff/").content.decode()


@time_machine.travel(NOON, tick=False)
def test_the_dsl_records_a_colleagues_training(client, universe):
    signed_in(client, universe.dee)
    page = client.get(f"{BASE}record/").content.decode()
    assert "Who did the training" in page and "Tom Webb" in page
    response = client.post(
        f"{BASE}record/",
        {"person": universe.tom.pk, "training_type": kind("fgm").pk,
         "completed_on_0": "3", "completed_on_1": "2", "completed_on_2": "2026"},
    )  # fmt: skip
    assert response["Location"] == f"{BASE}compliance/"
    assert TrainingRecord.objects.get().entered_by == universe.dee


@time_machine.travel(NOON, tick=False)
def test_the_import_page_names_each_bad_line_and_imports_nothing(client, universe):
    signed_in(client, universe.dee)
    bad = b"email,training,completed on\ntom@example.org,fgm,2025-01-01\nnobody@example.org,fgm,x\n"
    page = client.post(
        f"{BASE}import/", {"file": SimpleUploadedFile("t.csv", bad, "text/csv")}
    ).content.decode()
    assert "Nothing was imported" in page and "<title>Error: " in page
    assert "Line 3, column &#x27;email&#x27;: nobody@example.org is not a member" in page
    assert not TrainingRecord.objects.exists()
    good = b"email,training,completed on\ntom@example.org,fgm,2025-01-01\n"
    page = client.post(
        f"{BASE}import/", {"file": SimpleUploadedFile("t.csv", good, "text/csv")}
    ).content.decode()
    assert "1 record added" in page
    page = client.post(
        f"{BASE}import/", {"file": SimpleUploadedFile("t.txt", good, "text/plain")}
    ).content.decode()
    assert "The selected file must be a CSV" in page


@time_machine.travel(NOON, tick=False)
def test_the_dsl_publishes_a_policy_that_staff_then_sign(client, universe):
    signed_in(client, universe.dee)
    page = client.post(f"{BASE}policies/", {"kind": "behaviour"}).content.decode()
    assert "Enter the title" in page and "Enter the edition" in page
    response = client.post(
        f"{BASE}policies/",
        {"kind": "behaviour", "title": "Behaviour policy", "edition": "2025-26",
         "url": "northfield.example.org/behaviour.pdf"},
    )  # fmt: skip
    assert response.status_code == 302
    policy = ReadDocument.objects.get(school=universe.northfield)
    assert policy.url == "https://northfield.example.org/behaviour.pdf"
    page = client.post(
        f"{BASE}policies/",
        {"kind": "behaviour", "title": "Behaviour policy", "edition": "2025-26"},
    ).content.decode()
    assert "already published" in page
    signed_in(client, universe.tom)
    assert "Read and sign Behaviour policy" in client.get("/staff/").content.decode()
    signed_in(client, universe.sam)
    assert (
        client.get(f"/staff/schools/southbank-academy/training/documents/{policy.pk}/").status_code
        == 404
    )


@time_machine.travel(NOON, tick=False)
def test_the_dsl_sets_the_schools_own_period(client, universe):
    u = universe
    record = done(u.northfield, u.tom, "fgm", date(2025, 3, 1))
    assert record.expires_on == date(2028, 3, 1)
    signed_in(client, u.dee)
    page = client.get(f"{BASE}rules/").content.decode()
    assert "every 36 months" in page
    fgm = kind("fgm").pk
    page = client.post(f"{BASE}rules/", {"training_type": fgm, "months": "0"}).content.decode()
    assert "<title>Error: " in page and "at least 1 month" in page
    response = client.post(f"{BASE}rules/", {"training_type": fgm, "months": "12"})
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.expires_on == date(2026, 3, 1)
    assert "Overdue" in client.get(f"{BASE}compliance/").content.decode()
    induction = kind("safeguarding-induction").pk
    page = client.post(f"{BASE}rules/", {"training_type": induction, "months": "12"})
    assert "Select the training" in page.content.decode()  # done once: not offered
    client.post(f"{BASE}rules/", {"training_type": fgm, "months": ""})
    record.refresh_from_db()
    assert record.expires_on == date(2028, 3, 1)
    assert AuditEvent.objects.filter(action="training.period_set").count() == 2
    signed_in(client, u.tom)
    assert client.get(f"{BASE}rules/").status_code == 403
