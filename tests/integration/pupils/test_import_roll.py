"""Importing the roll: all or nothing, idempotent, never deleting, one audit event."""

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django_tasks_db.management.commands import db_worker

from earlyhelp.audit.models import AuditEvent
from earlyhelp.pupils.actions import ROLL_IMPORTED
from earlyhelp.pupils.models import Pupil, RollImport
from earlyhelp.pupils.upn import make_upn
from tests.concerns_universe import signed_in

HEADER = "UPN,Legal Surname,Legal Forename,DOB,Year,SEN Status,PP,EAL,In Care\n"


def roll(count, *, start=1, change=None):
    lines = [HEADER]
    for n in range(start, start + count):
        surname = change if change and n == start else f"Surname{n}"
        lines.append(f"{make_upn(f'8202001{n:05d}')},{surname},Pupil{n},27/03/2016,5,N,N,N,N\n")
    return "".join(lines).encode()


def run(path_bytes, tmp_path, school="northfield-primary"):
    path = tmp_path / "roll.csv"
    path.write_bytes(path_bytes)
    out = StringIO()
    call_command("import-pupils", str(path), "--school", school, stdout=out)
    return out.getvalue()


def events():
    return AuditEvent.objects.filter(action=ROLL_IMPORTED).count()


def test_import_then_reimport_changes_nothing(universe, tmp_path):
    assert "212 added, 0 changed, 0 unchanged" in run(roll(212), tmp_path)
    assert events() == 1
    assert "0 added, 0 changed, 212 unchanged" in run(roll(212), tmp_path)
    assert events() == 1  # no audit noise
    assert Pupil.objects.filter(school=universe.northfield).count() == 212


def test_changed_pupil_is_updated_and_missing_pupils_reported_not_deleted(universe, tmp_path):
    run(roll(5), tmp_path)
    output = run(roll(3, change="Renamed"), tmp_path)
    assert "0 added, 1 changed, 2 unchanged" in output
    assert "2 pupils on the roll are not in this file" in output
    assert Pupil.objects.filter(school=universe.northfield).count() == 5
    assert Pupil.objects.filter(legal_last_name="Renamed", left_on__isnull=True).count() == 1
    event = AuditEvent.objects.filter(action=ROLL_IMPORTED).order_by("id").last()
    assert event is not None
    assert event.details == {"added": 0, "changed": 1, "unchanged": 2, "not_in_file": 2}


def test_bad_row_imports_nothing(universe, tmp_path):
    data = roll(20).decode().replace("27/03/2016,5", "32/03/2016,5", 1).encode()
    data = data.decode().splitlines(keepends=True)
    data = "".join([data[0], *data[1:14], data[14].replace("27/03/2016", "30/02/2016")])
    with pytest.raises(CommandError) as error:
        run(data.encode(), tmp_path)
    assert "Line 2, column 'DOB': enter a real date, like 27/03/2017" in str(error.value)
    assert "Line 15, column 'DOB'" in str(error.value)
    assert not Pupil.objects.exists()
    assert events() == 0


def test_same_upn_at_another_school_is_another_pupil(universe, tmp_path):
    run(roll(2), tmp_path)
    run(roll(2), tmp_path, school="southbank-academy")
    assert Pupil.objects.count() == 4


UPLOAD = "/staff/schools/northfield-primary/pupils/import/"


IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


def upload(client, data, name="roll.csv", fmt="auto", **extra):
    """Upload and follow to the progress page (the import runs inline: ImmediateBackend)."""
    return client.post(
        UPLOAD,
        {"file": SimpleUploadedFile(name, data, "text/csv"), "format": fmt, **extra},
        follow=True,
    )


@pytest.fixture
def inline_tasks(settings):
    settings.TASKS = IMMEDIATE


def test_dsl_uploads_the_roll(client, universe, inline_tasks):
    signed_in(client, universe.dee)
    response = upload(client, roll(3))
    assert response.status_code == 200
    assert "3 added, 0 changed, 0 unchanged" in response.content.decode()
    assert Pupil.objects.count() == 3
    assert RollImport.objects.get().data == b""  # the file is not kept after the import


def test_upload_with_a_bad_row_shows_line_and_column(client, universe, inline_tasks):
    signed_in(client, universe.dee)
    bad = roll(3).decode().replace(",5,N,N,N,N", ",5,N,perhaps,N,N", 1).encode()
    html = upload(client, bad).content.decode()
    assert "Nothing was imported" in html and "<title>Error:" in html
    assert "Line 2, column &#x27;PP&#x27;: enter Yes or No" in html
    assert not Pupil.objects.exists()


def test_upload_refuses_a_file_that_is_not_csv(client, universe, inline_tasks):
    signed_in(client, universe.dee)
    html = upload(client, b"%PDF-1.7", name="roll.pdf").content.decode()
    assert "The selected file must be a CSV" in html
    html = upload(client, b"\x00\x01binary", name="roll.csv").content.decode()
    assert "must be a CSV file" in html


def test_a_file_not_in_the_chosen_encoding_is_refused_clearly(client, universe, inline_tasks):
    signed_in(client, universe.dee)
    polish = roll(2).decode().replace("Surname1", "Wołowska").encode("cp1250")
    html = upload(client, polish, encoding="utf-8").content.decode()
    assert "The file is not in UTF-8" in html
    html = upload(client, polish).content.decode()
    assert "2 added" in html
    assert Pupil.objects.filter(legal_last_name="Wołowska").exists()


def test_a_large_roll_is_imported_in_the_background_with_progress(client, universe, monkeypatch):
    """The real database backend: the upload only queues; the worker does the import."""
    # The worker closes "old" connections between tasks; inside the test's transaction that
    # would close the test's own connection on PostgreSQL.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    signed_in(client, universe.dee)
    page = upload(client, roll(2500)).content.decode()
    assert "Waiting to start" in page and "Check again" in page
    assert not Pupil.objects.exists()
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())
    job = RollImport.objects.get()
    assert (job.rows_done, job.rows_total) == (2500, 2500)
    page = client.get(f"{UPLOAD}{job.pk}/").content.decode()
    assert "Roll imported" in page and "2500 added, 0 changed, 0 unchanged" in page
    assert Pupil.objects.count() == 2500


def test_another_schools_import_is_404(client, universe, inline_tasks):
    signed_in(client, universe.dee)
    upload(client, roll(1))
    job = RollImport.objects.get()
    signed_in(client, universe.sam)
    assert client.get(f"{UPLOAD}{job.pk}/").status_code == 404


def test_teacher_may_not_import(client, universe):
    signed_in(client, universe.tom)
    assert client.get(UPLOAD).status_code == 403


def test_other_school_is_404_and_anonymous_signs_in(client, universe):
    assert client.get(UPLOAD).status_code == 302
    signed_in(client, universe.sam)
    assert client.get(UPLOAD).status_code == 404


CONTACTS = "UPN,Legal Surname,Legal Forename,DOB,Year,Contact 1 Name,Contact 1 Telephone\n"


def test_contacts_are_stored_replaced_and_reimport_changes_nothing(universe, tmp_path):
    upn = make_upn("820200100001")
    first = f"{CONTACTS}{upn},Bell,Amy,27/03/2016,5,Jo Bell,01632 960001\n"
    assert "1 added" in run(first.encode(), tmp_path)
    pupil = Pupil.objects.get(upn=upn)
    assert [(c.name, c.phone) for c in pupil.contacts.all()] == [("Jo Bell", "+441632960001")]
    assert "0 added, 0 changed, 1 unchanged" in run(first.encode(), tmp_path)
    moved = first.replace("01632 960001", "07700 900002")
    assert "0 added, 1 changed, 0 unchanged" in run(moved.encode(), tmp_path)
    assert [c.phone for c in pupil.contacts.all()] == ["+447700900002"]
    without = f"UPN,Legal Surname,Legal Forename,DOB,Year\n{upn},Bell,Amy,27/03/2016,5\n"
    assert "0 added, 0 changed, 1 unchanged" in run(without.encode(), tmp_path)
    assert pupil.contacts.count() == 1  # a file without contact columns leaves them


def test_a_bad_contact_imports_nothing(universe, tmp_path):
    upn = make_upn("820200100001")
    bad = f"{CONTACTS}{upn},Bell,Amy,27/03/2016,5,Jo Bell,ring the office\n"
    with pytest.raises(CommandError):
        run(bad.encode(), tmp_path)
    assert not Pupil.objects.exists()
