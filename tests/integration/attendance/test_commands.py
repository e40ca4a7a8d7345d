"""`earlyhelp import-attendance` and `earlyhelp attendance-report`, as the contract says."""

import json
from datetime import date
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command

from earlyhelp.attendance.actions import REGISTER_IMPORTED
from earlyhelp.attendance.models import DayMarks, MarkAmendment
from earlyhelp.audit.models import AuditEvent
from earlyhelp.pupils.actions import import_roll
from earlyhelp.pupils.roll import PupilRow
from earlyhelp.pupils.upn import make_upn
from tests.universe import make_county, make_school, make_user

AMY, BEN = make_upn("820200100001"), make_upn("820200100002")
HEADER = "upn,date,session,code\n"


@pytest.fixture
def school(db):
    school = make_school(make_county(), "Westlands First School")
    rows = [
        PupilRow(
            upn=upn,
            legal_first_name=f"Pupil{n}",
            legal_last_name="Test",
            date_of_birth=date(2017, 1, n),
            year_group="3",
            given=frozenset(
                {"upn", "legal_first_name", "legal_last_name", "date_of_birth", "year_group"}
            ),
        )
        for n, upn in enumerate([AMY, BEN], start=1)
    ]
    import_roll(school=school, rows=rows, by=None)
    return school


def run_import(tmp_path, text, *extra):
    path = tmp_path / "register.csv"
    path.write_text(text)
    out = StringIO()
    call_command(
        "import-attendance", str(path), "--school", "westlands-first-school", *extra, stdout=out
    )
    return out.getvalue()


def run_report(start, end, *extra):
    out = StringIO()
    call_command(
        "attendance-report",
        "--school",
        "westlands-first-school",
        "--from",
        start,
        "--to",
        end,
        *extra,
        stdout=out,
    )
    return out.getvalue()


WEEK = HEADER + "".join(
    f"{AMY},2025-09-0{d},AM,/\n{AMY},2025-09-0{d},PM,\\\n{BEN},0{d}/09/2025,am,n\n"
    f"{BEN},0{d}/09/2025,pm, o \n"
    for d in range(1, 6)
)


def test_import_then_the_contract_json(school, tmp_path):
    assert "20 marks added, 0 amended, 0 unchanged" in run_import(tmp_path, WEEK)
    report = json.loads(run_report("2025-09-01", "2025-09-05", "--json"))
    assert report == {
        "school": "westlands-first-school",
        "from": "2025-09-01",
        "to": "2025-09-05",
        "pupils": [
            {
                "upn": AMY,
                "possible": 10,
                "attended": 10,
                "authorised": 0,
                "unauthorised": 0,
                "attendance": 100.0,
                "persistent": False,
                "severe": False,
            },
            {
                "upn": BEN,
                "possible": 10,
                "attended": 0,
                "authorised": 0,
                "unauthorised": 10,
                "attendance": 0.0,
                "persistent": True,
                "severe": True,
            },
        ],
        "missing_education": [],
        "penalty_threshold": [
            {"upn": BEN, "first_week": "2025-09-01", "unauthorised_sessions": 10}
        ],
        "first_day_calls": [BEN],
    }
    assert DayMarks.objects.count() == 10  # one row per pupil and day


def test_the_human_report_names_the_pupils_and_the_calls(school, tmp_path):
    run_import(tmp_path, WEEK)
    text = run_report("2025-09-01", "2025-09-05")
    assert "Westlands First School: attendance from 1 September 2025 to 5 September 2025" in text
    assert "Severe absence (50% or more missed): 1 pupils" in text
    assert f"First-day calls for 2025-09-05 (morning mark N or -): 1\n  {BEN}" in text


def test_the_same_file_twice_changes_nothing(school, tmp_path):
    run_import(tmp_path, WEEK)
    assert "0 marks added, 0 amended, 20 unchanged" in run_import(tmp_path, WEEK)
    assert MarkAmendment.objects.count() == 0
    assert AuditEvent.objects.filter(action=REGISTER_IMPORTED).count() == 1


def test_the_other_slash_is_the_same_mark(school, tmp_path):
    run_import(tmp_path, HEADER + f"{AMY},2025-09-01,AM,/\n{AMY},2025-09-01,PM,\\\n")
    again = run_import(tmp_path, HEADER + f"{AMY},2025-09-01,AM,\\\n{AMY},2025-09-01,PM,/\n")
    assert "2 unchanged" in again


def test_another_code_is_an_amendment_kept_with_the_original(school, tmp_path):
    make_user("aofficer", "Ada", "Officer")
    with time_machine.travel("2025-09-02 08:30Z", tick=False):
        run_import(tmp_path, HEADER + f"{BEN},2025-09-01,AM,N\n{BEN},2025-09-01,PM,-\n")
    with time_machine.travel("2025-09-02 10:15Z", tick=False):
        out = run_import(
            tmp_path, HEADER + f"{BEN},2025-09-01,AM,I\n{BEN},2025-09-01,PM,M\n", "--by", "aofficer"
        )
    assert "0 marks added, 2 amended, 0 unchanged" in out
    history = [
        (a.session, a.original_code, a.new_code, a.amended_by_name, a.amended_at.isoformat())
        for a in MarkAmendment.objects.all()
    ]
    assert history == [
        ("AM", "N", "I", "Ada Officer", "2025-09-02T10:15:00+00:00"),
        ("PM", "-", "M", "Ada Officer", "2025-09-02T10:15:00+00:00"),
    ]
    row = DayMarks.objects.get()
    assert (row.am, row.pm) == ("I", "M")


def test_amendment_without_by_is_the_system(school, tmp_path):
    run_import(tmp_path, HEADER + f"{BEN},2025-09-01,AM,N\n")
    run_import(tmp_path, HEADER + f"{BEN},2025-09-01,AM,G\n")
    assert MarkAmendment.objects.get().amended_by_name == "system"


def test_a_second_session_later_is_added_not_amended(school, tmp_path):
    run_import(tmp_path, HEADER + f"{BEN},2025-09-01,AM,/\n")
    assert "1 marks added, 0 amended" in run_import(tmp_path, HEADER + f"{BEN},2025-09-01,PM,\\\n")
    assert MarkAmendment.objects.count() == 0


def test_bad_lines_are_all_named_and_nothing_is_imported(school, tmp_path):
    bad = (
        HEADER
        + f"{AMY},2025-09-01,AM,/\n"
        + f"{AMY},2025-09-01,PM,H\n"
        + f"{make_upn('820200100009')},2025-09-01,AM,/\n"
        + f"{BEN},31/02/2025,AM,/\n"
        + f"{BEN},2025-09-02,AM,Y9\n"
    )
    with pytest.raises(CommandError) as caught:
        run_import(tmp_path, bad)
    message = str(caught.value)
    assert message.startswith("Nothing was imported: 4 bad lines.")
    for line in (
        "Line 3: the code 'H' was retired",
        "Line 4: the UPN",
        "Line 5: the date",
        "Line 6: 'Y9' is not an attendance code",
    ):
        assert line in message
    assert DayMarks.objects.count() == 0
    assert AuditEvent.objects.filter(action=REGISTER_IMPORTED).count() == 0


def test_a_pupil_of_another_school_is_not_on_this_roll(school, tmp_path):
    other = make_school(school.local_authority, "Eastfield Primary")
    import_roll(
        school=other,
        rows=[
            PupilRow(
                upn=make_upn("820200100007"),
                legal_first_name="X",
                legal_last_name="Y",
                date_of_birth=date(2017, 1, 1),
                year_group="3",
                given=frozenset(
                    {"upn", "legal_first_name", "legal_last_name", "date_of_birth", "year_group"}
                ),
            )
        ],
        by=None,
    )
    with pytest.raises(CommandError, match=r"Line 2: the UPN .* is not on the school's roll"):
        run_import(tmp_path, HEADER + f"{make_upn('820200100007')},2025-09-01,AM,/\n")


def test_unknown_school_user_and_unreadable_file_are_clear_errors(school, tmp_path):
    with pytest.raises(CommandError, match="No school with the slug 'nowhere'"):
        call_command("import-attendance", str(tmp_path / "x.csv"), "--school", "nowhere")
    with pytest.raises(CommandError, match="Cannot read"):
        call_command(
            "import-attendance", str(tmp_path / "x.csv"), "--school", "westlands-first-school"
        )
    with pytest.raises(CommandError, match="No user with the username 'nobody'"):
        run_import(tmp_path, WEEK, "--by", "nobody")
    with pytest.raises(CommandError, match="--to must be on or after --from"):
        run_report("2025-09-05", "2025-09-01")
    with pytest.raises(CommandError, match="'2025-13-01' is not a date"):
        run_report("2025-13-01", "2025-09-01")


def test_report_of_an_empty_period(school):
    report = json.loads(run_report("2025-09-01", "2025-09-05", "--json"))
    assert report["pupils"] == [] and report["first_day_calls"] == []


def test_deleting_a_childs_record_deletes_their_register(school, tmp_path):
    from earlyhelp.dataprotection.actions import delete_child_record
    from earlyhelp.pupils.models import Pupil

    run_import(tmp_path, HEADER + f"{BEN},2025-09-01,AM,N\n")
    run_import(tmp_path, HEADER + f"{BEN},2025-09-01,AM,I\n{AMY},2025-09-01,AM,/\n")
    ben = Pupil.objects.get(upn=BEN)
    Pupil.objects.filter(pk=ben.pk).update(left_on=date(2025, 12, 19))
    ben.refresh_from_db()
    deleted = delete_child_record(pupil=ben, by=None, reason="Retention period over")
    assert deleted["attendance.DayMarks"] == 1 and deleted["attendance.MarkAmendment"] == 1
    assert list(DayMarks.objects.values_list("pupil__upn", flat=True)) == [AMY]
