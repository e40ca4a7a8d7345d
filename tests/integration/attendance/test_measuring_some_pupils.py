"""Measuring only some pupils (as the import does for alerts) gives, for them, exactly what
measuring the whole school gives: the school days still come from every pupil's marks."""

from datetime import date, timedelta

import pytest
import time_machine
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from earlyhelp.attendance.actions import import_marks
from earlyhelp.attendance.alerts import check_queued
from earlyhelp.attendance.engine import SchoolMeasures, measure_school
from earlyhelp.attendance.models import AlertCheck, AlertKind, AttendanceAlert, DayMarks
from earlyhelp.attendance.register import Mark, RegisterFileError
from earlyhelp.attendance.tasks import check_alerts_task
from earlyhelp.records.models import Task
from tests.early_help_universe import add_pupil
from tests.worker import run_worker

pytestmark = pytest.mark.django_db
START = date(2026, 1, 5)
DAYS = [START + timedelta(days=n) for n in range(40) if (START + timedelta(days=n)).weekday() < 5]


def marks_for(pupils, codes):
    """codes[name] is one letter per school day (a space: no mark that day)."""
    marks: list[Mark] = []
    for pupil in pupils:
        for day, code in zip(DAYS, codes[pupil.legal_first_name], strict=False):
            if code != " ":
                for session in ("AM", "PM"):
                    marks.append(Mark(len(marks) + 2, pupil.upn, day, session, code))
    return marks


def only(measures: SchoolMeasures, upns: set[str]) -> SchoolMeasures:
    return SchoolMeasures(
        pupils=[p for p in measures.pupils if p.upn in upns],
        missing_education=[r for r in measures.missing_education if r.upn in upns],
        penalty_threshold=[p for p in measures.penalty_threshold if p.upn in upns],
        first_day_calls=[u for u in measures.first_day_calls if u in upns],
        last_school_day=measures.last_school_day,
    )


@time_machine.travel("2026-02-27 16:00Z", tick=False)
def test_some_pupils_measure_as_in_the_whole_school(universe):
    school = universe.northfield
    ada, bo, cy = (add_pupil(school, name, "Lee", n) for n, name in enumerate(["Ada", "Bo", "Cy"]))
    codes = {
        # Ada truants 16 days, but on day 6 she has no mark while Bo is in: her run breaks.
        "Ada": "OOOOO OOOOOOOOOOO///////",
        "Bo": "/////////////IIII//////N",
        "Cy": "////////////////////////",
    }
    import_marks(school=school, marks=marks_for([ada, bo, cy], codes), by=None)
    whole = measure_school(school.pk, START, DAYS[-1])
    for some in ({ada.pk}, {bo.pk}, {ada.pk, cy.pk}):
        upns = {p.upn for p in (ada, bo, cy) if p.pk in some}
        assert measure_school(school.pk, START, DAYS[-1], pupil_ids=some) == only(whole, upns)
    assert [r.school_days for r in whole.missing_education] == [11]  # after the gap, not 16
    assert measure_school(school.pk, START, DAYS[-1], pupil_ids=[]) == SchoolMeasures()


@time_machine.travel("2026-02-27 16:00Z", tick=False)
def test_a_day_of_present_marks_raises_nothing_and_measures_nobody(universe):
    school = universe.northfield
    ada = add_pupil(school, "Ada", "Lee", 1)
    import_marks(school=school, marks=marks_for([ada], {"Ada": "O" * 12}), by=None)
    assert list(AlertCheck.objects.values_list("pupil_ids", flat=True)) == [[ada.pk]]
    run_worker()
    raised = AttendanceAlert.objects.count()
    assert raised == 4 and Task.objects.count() == 4
    assert not AlertCheck.objects.exists()

    later = [Mark(2, ada.upn, DAYS[12], "AM", "/"), Mark(3, ada.upn, DAYS[12], "PM", "/")]
    import_marks(school=school, marks=later, by=None)
    assert not AlertCheck.objects.exists()  # nobody queued to be measured
    run_worker()
    assert AttendanceAlert.objects.count() == raised


@time_machine.travel("2026-02-27 16:00Z", tick=False)
def test_one_pass_measures_the_queued_pupils_of_every_school_by_its_own_days(universe):
    """Ada and Cy truant the same ten days with the same week between. Northfield is open
    that week (Bo is in), so Ada's run breaks; Southbank is closed (no marks), so Cy's ten
    days are one run. One alerts pass for both schools tells them apart."""
    ada, bo = (add_pupil(universe.northfield, name, "Lee", n) for n, name in enumerate("AB"))
    cy = add_pupil(universe.southbank, "Cy", "Ray", 3)
    truant = "OOOOO     OOOOO"
    codes = {"A": truant, "B": "///////////////", "Cy": truant}
    import_marks(school=universe.northfield, marks=marks_for([ada, bo], codes), by=None)
    import_marks(school=universe.southbank, marks=marks_for([cy], codes), by=None)
    queued = AlertCheck.objects.order_by("pk").values_list("pupil_ids", flat=True)
    assert list(queued) == [[ada.pk], [cy.pk]]  # Bo has no absence
    checks = DBTaskResult.objects.filter(task_path=check_alerts_task.module_path)
    assert checks.filter(status=TaskResultStatus.READY).count() == 1  # one pass for both
    missing = [
        (a.pupil.legal_first_name, a.period_start)
        for a in check_queued()
        if a.kind == AlertKind.MISSING_EDUCATION
    ]
    assert missing == [("Cy", DAYS[0])]
    assert not AlertCheck.objects.exists()


def test_marks_built_by_hand_are_checked_before_the_bulk_write(universe):
    ada = add_pupil(universe.northfield, "Ada", "Lee", 1)
    bad = [
        Mark(2, ada.upn, DAYS[0], "AM", "H"),
        Mark(3, ada.upn, DAYS[0], "EVE", "/"),
        Mark(4, ada.upn, date(1990, 1, 8), "AM", "/"),
        Mark(5, "A000000000000", DAYS[0], "PM", "/"),
        Mark(6, ada.upn, DAYS[1], "AM", "/"),
    ]
    with pytest.raises(RegisterFileError) as refused:
        import_marks(school=universe.northfield, marks=bad, by=None)
    assert [line for line, _ in refused.value.errors] == [2, 3, 4, 5]
    assert refused.value.messages[0] == "Line 2: the code 'H' for 'AM' is not a stored mark"
    assert "Line 4: the date 08/01/1990 is not within 25 years" in refused.value.messages[2]
    assert not DayMarks.objects.exists()
