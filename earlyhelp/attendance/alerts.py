"""Into casework: a pupil crossing a threshold reaches the child's chronology and the tasks.

After a register import, `raise_alerts` measures the school's year to date (the engine's own
measures, `engine.measure_school`) and, for each crossing not seen before, writes in the same
transaction one `AttendanceAlert` (remembered, so a re-import adds nothing), one chronology
entry, one open task for the safeguarding team (which the weekly meeting's agenda shows) and
one audit event. The crossings:

- persistent absence (10 % or more of possible sessions missed, year to date): a review;
- severe absence (50 % or more): a review;
  both only once the pupil has MIN_POSSIBLE_SESSIONS possible sessions this year (two school
  weeks), so that one morning missed in the first days of term raises no alert;
- a missing-education run (10 school days of unauthorised absence): notify the local authority;
- the penalty threshold (10 unauthorised sessions in 10 school weeks): consider the framework.
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Max
from django.utils import timezone

from earlyhelp.accounts.models import User
from earlyhelp.attendance.deletion import DeletionWarning, deletion_warnings, school_day_rule
from earlyhelp.attendance.engine import (
    MISSING_EDUCATION_DAYS,
    PENALTY_WEEKS,
    PupilMeasures,
    SchoolMeasures,
    measure_school,
)
from earlyhelp.attendance.models import AlertKind, AttendanceAlert, DayMarks
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.lib.datefmt import govuk_date
from earlyhelp.pupils.models import Pupil
from earlyhelp.records.chronology import add_entry
from earlyhelp.records.models import EntryKind, Task, TaskKind
from earlyhelp.records.tasks import add_task
from earlyhelp.schools.models import School

THRESHOLD_CROSSED = AuditAction.ATTENDANCE_THRESHOLD_CROSSED

TASK_KINDS = {
    AlertKind.PERSISTENT: TaskKind.ATTENDANCE_REVIEW,
    AlertKind.SEVERE: TaskKind.ATTENDANCE_REVIEW,
    AlertKind.MISSING_EDUCATION: TaskKind.CME_NOTIFY,
    AlertKind.PENALTY: TaskKind.PENALTY_CONSIDER,
}
ATTENDANCE_TASK_KINDS = frozenset(TASK_KINDS.values())
MIN_POSSIBLE_SESSIONS = 20
# Days after the crossing by which the task falls due: the local authority is told at once.
DUE_AFTER = {
    AlertKind.PERSISTENT: timedelta(days=14),
    AlertKind.SEVERE: timedelta(days=7),
    AlertKind.MISSING_EDUCATION: timedelta(days=0),
    AlertKind.PENALTY: timedelta(days=14),
}


@dataclass(frozen=True)
class Crossing:
    upn: str
    kind: AlertKind
    period_start: date
    title: str


def school_year_start(day: date) -> date:
    """1 September of the school year `day` is in."""
    return date(day.year if day.month >= 9 else day.year - 1, 9, 1)


def raise_alerts(
    *,
    school: School,
    last_date: date,
    by: User | None,
    pupil_ids: Collection[int] | None = None,
) -> list[AttendanceAlert]:
    """New crossings in the school year of `last_date`; call inside the import's transaction.

    `pupil_ids` limits the measuring to those pupils (the import passes the pupils given a
    new or changed absence mark: nobody else can newly cross a threshold)."""
    start = school_year_start(last_date)
    end = _last_held(school, start) or last_date
    measures = measure_school(school.pk, start, end, pupil_ids=pupil_ids)
    crossings = find_crossings(measures, year_start=start)
    raised = _raise_new(school, crossings, end, by) if crossings else []
    date_deletion_points(school, deletion_warnings(measures, school_day_rule(school.pk)))
    return raised


def _raise_new(
    school: School, crossings: list[Crossing], end: date, by: User | None
) -> list[AttendanceAlert]:
    pupils = {
        p.upn: p for p in Pupil.objects.filter(school=school, upn__in={c.upn for c in crossings})
    }
    seen = set(
        AttendanceAlert.objects.filter(school=school, pupil__in=pupils.values()).values_list(
            "pupil_id", "kind", "period_start"
        )
    )
    return [
        _raise(school, pupils[c.upn], c, end, by)
        for c in crossings
        if c.upn in pupils and (pupils[c.upn].pk, c.kind, c.period_start) not in seen
    ]


def date_deletion_points(school: School, warnings: list[DeletionWarning]) -> None:
    """The open "notify the local authority" task of each run nearing 20 school days gets
    the date of the 20-day point in its title (once; the import's event covers the change)."""
    for warning in warnings:
        if warning.point is None:
            continue
        alert = AttendanceAlert.objects.filter(
            school=school,
            pupil__upn=warning.upn,
            kind=AlertKind.MISSING_EDUCATION,
            period_start=warning.first_day,
        ).first()
        if alert is None:
            continue
        note = f" — 20-day point on {govuk_date(warning.point)}"
        for task in Task.objects.filter(
            source_type=AttendanceAlert._meta.label_lower, source_id=str(alert.pk), done_at=None
        ).exclude(title__endswith=note):
            task.title = task.title.split(" — 20-day point on ")[0] + note
            task.full_clean()
            task.save(update_fields=["title"])


def _last_held(school: School, start: date) -> date | None:
    """The latest register date held in the school year starting `start`."""
    found: date | None = DayMarks.objects.filter(
        school=school, date__gte=start, date__lt=date(start.year + 1, 9, 1)
    ).aggregate(last=Max("date"))["last"]
    return found


def find_crossings(measures: SchoolMeasures, *, year_start: date) -> list[Crossing]:
    """Every threshold the school's pupils are over, as the engine measured them."""
    crossings: list[Crossing] = []
    for pupil in measures.pupils:
        if pupil.possible < MIN_POSSIBLE_SESSIONS:
            continue
        if pupil.persistent:
            crossings.append(_absence(pupil, AlertKind.PERSISTENT, year_start))
        if pupil.severe:
            crossings.append(_absence(pupil, AlertKind.SEVERE, year_start))
    for run in measures.missing_education:
        title = (
            f"Attendance: missing education — {MISSING_EDUCATION_DAYS} school days of "
            f"unauthorised absence from {govuk_date(run.first_day)}; notify the local authority"
        )
        crossings.append(Crossing(run.upn, AlertKind.MISSING_EDUCATION, run.first_day, title))
    for penalty in measures.penalty_threshold:
        title = (
            f"Attendance: penalty notice threshold — {penalty.unauthorised_sessions} "
            f"unauthorised sessions in {PENALTY_WEEKS} school weeks from "
            f"{govuk_date(penalty.first_week)}; consider the framework's steps"
        )
        crossings.append(Crossing(penalty.upn, AlertKind.PENALTY, year_start, title))
    return crossings


def _absence(pupil: PupilMeasures, kind: AlertKind, year_start: date) -> Crossing:
    title = f"Attendance: {kind.label} — {pupil.attendance:.1f} % this year"
    return Crossing(pupil.upn, kind, year_start, title)


def _raise(
    school: School, pupil: Pupil, crossing: Crossing, end: date, by: User | None
) -> AttendanceAlert:
    alert = AttendanceAlert(
        pupil=pupil,
        school=school,
        kind=crossing.kind,
        period_start=crossing.period_start,
        crossed_on=end,
        raised_at=timezone.now(),
    )
    alert.full_clean()
    alert.save()
    add_entry(pupil=pupil, kind=EntryKind.ATTENDANCE, summary=crossing.title, by=by, source=alert)
    add_task(
        school=school,
        kind=TASK_KINDS[crossing.kind],
        title=crossing.title,
        due_on=end + DUE_AFTER[crossing.kind],
        pupil=pupil,
        source=alert,
    )
    record_event(
        by=by,
        action=THRESHOLD_CROSSED,
        obj=pupil,
        school_id=school.pk,
        details={
            "kind": str(crossing.kind),
            "period_start": crossing.period_start.isoformat(),
            "crossed_on": end.isoformat(),
        },
    )
    return alert
