"""The demo's registers: each demo school's pupils have a year to today with every case."""

from datetime import date

from earlyhelp.attendance.demo import load_demo_registers
from earlyhelp.attendance.engine import measure_school
from earlyhelp.attendance.models import MarkAmendment
from tests.concerns_universe import add_pupils, pupil_row
from tests.universe import make_county, make_school

TODAY = date(2026, 3, 10)


def test_a_year_with_severe_persistent_missing_education_calls_and_amendments(db):
    school = make_school(make_county(), "Demo Primary")
    add_pupils(school, [pupil_row(n, f"Pupil{n}", "Demo") for n in range(1, 13)])
    load_demo_registers(today=TODAY)
    measures = measure_school(school.pk, date(2025, 9, 1), TODAY)
    assert len(measures.pupils) == 12
    assert sum(p.severe for p in measures.pupils) >= 1
    assert sum(p.persistent for p in measures.pupils) >= 3
    assert [r.school_days for r in measures.missing_education] == [12]
    assert len(measures.first_day_calls) == 2
    assert MarkAmendment.objects.filter(school=school, original_code="N", new_code="I").exists()
