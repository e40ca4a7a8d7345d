"""Importing the roll: all or nothing, idempotent, never deleting, one audit event."""

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from earlyhelp.audit.models import AuditEvent
from earlyhelp.pupils.actions import ROLL_IMPORTED
from earlyhelp.pupils.models import Pupil
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


def upload(client, data, name="roll.csv", fmt="auto"):
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name, data, "text/csv"), "format": fmt})


def test_dsl_uploads_the_roll(client, universe):
    signed_in(client, universe.dee)
    response = upload(client, roll(3))
    assert response.status_code == 200
    assert "3 added, 0 changed, 0 unchanged" in response.content.decode()
    assert Pupil.objects.count() == 3


def test_upload_with_a_bad_row_shows_line_and_column(client, universe):
    signed_in(client, universe.dee)
    bad = roll(3).decode().replace(",5,N,N,N,N", ",5,N,perhaps,N,N", 1).encode()
    html = upload(client, bad).content.decode()
    assert "Nothing was imported" in html
    assert "Line 2, column &#x27;PP&#x27;: enter Yes or No" in html
    assert not Pupil.objects.exists()


def test_upload_refuses_a_file_that_is_not_csv(client, universe):
    signed_in(client, universe.dee)
    html = upload(client, b"%PDF-1.7", name="roll.pdf").content.decode()
    assert "The selected file must be a CSV" in html
    html = upload(client, b"\x00\x01binary", name="roll.csv").content.decode()
    assert "must be a CSV file" in html


def test_teacher_may_not_import(client, universe):
    signed_in(client, universe.tom)
    assert client.get(UPLOAD).status_code == 403


def test_other_school_is_404_and_anonymous_signs_in(client, universe):
    assert client.get(UPLOAD).status_code == 302
    signed_in(client, universe.sam)
    assert client.get(UPLOAD).status_code == 404
