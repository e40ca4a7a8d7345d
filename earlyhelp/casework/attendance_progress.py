"""A child's attendance for an early help plan's target (issue 13): the register's measure.

Casework sits above attendance, so it reads the engine directly; attendance never reads
casework. The figure is the school year to date, as the attendance officer's lists show it.
"""

from datetime import date
from decimal import Decimal

from earlyhelp.attendance.alerts import school_year_start
from earlyhelp.attendance.engine import measure_school
from earlyhelp.pupils.models import Pupil


def attendance_to_date(pupil: Pupil, on: date) -> Decimal | None:
    """Sessions attended as a percentage of possible ones, 1 September to `on`; None
    when the register holds no possible session for the child in that time."""
    measures = measure_school(pupil.school_id, school_year_start(on), on, pupil_ids=[pupil.pk])
    found = next((p for p in measures.pupils if p.upn == pupil.upn), None)
    if found is None or found.attendance is None:
        return None
    return Decimal(str(found.attendance))
