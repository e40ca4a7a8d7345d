"""Into casework: a pupil crossing a threshold reaches the child's chronology and the tasks.

A register import queues the pupils it gave a new or changed absence mark (`queue_checks`,
an `AlertCheck` row each, in the import's transaction, with a background task): nobody else
can newly cross a threshold. `check_queued`, that task, measures every queued pupil of every
school in one engine pass (`engine.measure_pupils`: a county's day of 250 imports costs one
pass, not 250) and, for each crossing not seen before, writes in one transaction one
`AttendanceAlert` (remembered, so a re-import adds nothing), one chronology entry, one open
task for the safeguarding team (which the weekly meeting's agenda shows) and one audit event,
then removes the queue rows it measured. The crossings:

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

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from earlyhelp.accounts.models import User
from earlyhelp.attendance.deletion import (
    WARN_AT,
    DeletionWarning,
    deletion_warnings,
    school_day_rule,
)
from earlyhelp.attendance.engine import (
    MISSING_EDUCATION_DAYS,
    PENALTY_WEEKS,
    PupilMeasures,
    SchoolMeasures,
    measure_pupils,
)
from earlyhelp.attendance.models import AlertCheck, AlertKind, AttendanceAlert, DayMarks
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.lib.datefmt import govuk_date
from earlyhelp.lib.validation import validated_save
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


def queue_checks(*, school: School, pupil_ids: Collection[int], last_date: date) -> None:
    """Queue `pupil_ids` to be measured for new crossings in the school year of `last_date`;
    call inside the import's transaction (then enqueue `tasks.check_alerts_task`), so the
    queue and its task go in with the marks or not at all."""
    validated_save(
        AlertCheck(
            school=school,
            pupil_ids=sorted(pupil_ids),
            year_start=school_year_start(last_date),
            queued_at=timezone.now(),
        )
    )


def check_queued() -> list[AttendanceAlert]:
    """Measure every queued pupil and raise each new crossing; the queue rows measured go
    in the same transaction (rows another worker holds are left to it)."""
    with transaction.atomic():
        queued = list(
            AlertCheck.objects.select_for_update(skip_locked=True).values_list(
                "pk", "year_start", "school_id", "pupil_ids"
            )
        )
        years: dict[date, dict[int, set[int]]] = {}
        for _, year_start, school_id, pupil_ids in queued:
            years.setdefault(year_start, {}).setdefault(school_id, set()).update(pupil_ids)
        raised = [alert for year, pupils in years.items() for alert in _check(year, pupils)]
        AlertCheck.objects.filter(pk__in=[row[0] for row in queued]).delete()
    return raised


def _check(year_start: date, pupils: dict[int, set[int]]) -> list[AttendanceAlert]:
    """One school year's queued pupils (school id: pupil ids), in one engine pass."""
    ends = _last_held(pupils, year_start)
    if not ends:
        return []
    measures = measure_pupils(pupils, year_start, max(ends.values()))
    crossings = {
        school_id: found
        for school_id, measured in sorted(measures.items())
        if (found := find_crossings(measured, year_start=year_start))
    }
    nearing = {
        school_id
        for school_id, measured in measures.items()
        if any(run.school_days >= WARN_AT for run in measured.missing_education)
    }
    schools = School.objects.in_bulk([*crossings, *nearing])
    raised = _raise_new(schools, crossings, ends, year_start) if crossings else []
    for school_id in sorted(nearing):
        rule = school_day_rule(school_id)
        date_deletion_points(schools[school_id], deletion_warnings(measures[school_id], rule))
    return raised


def _raise_new(
    schools: dict[int, School],
    crossings: dict[int, list[Crossing]],
    ends: dict[int, date],
    year_start: date,
) -> list[AttendanceAlert]:
    """The crossings not raised before, each raised (three queries for every school)."""
    upns = {c.upn for found in crossings.values() for c in found}
    pupils = {
        (p.school_id, p.upn): p for p in Pupil.objects.filter(school_id__in=crossings, upn__in=upns)
    }
    seen = set(
        AttendanceAlert.objects.filter(pupil__in=pupils.values()).values_list(
            "pupil_id", "kind", "period_start"
        )
    )
    raised = []
    for school_id, found in crossings.items():
        for crossing in found:
            pupil = pupils.get((school_id, crossing.upn))
            if pupil and (pupil.pk, crossing.kind, crossing.period_start) not in seen:
                end = ends.get(school_id, year_start)
                raised.append(_raise(schools[school_id], pupil, crossing, end, None))
    return raised


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


def _last_held(school_ids: Collection[int], start: date) -> dict[int, date]:
    """The latest register date each school holds in the school year starting `start`
    (one index probe a school)."""
    latest = (
        DayMarks.objects.filter(
            school=OuterRef("pk"), date__gte=start, date__lt=date(start.year + 1, 9, 1)
        )
        .order_by("-date")
        .values("date")[:1]
    )
    rows = (
        School.objects.filter(pk__in=school_ids)
        .annotate(last=Subquery(latest))
        .values_list("pk", "last")
    )
    return {pk: last for pk, last in rows if last is not None}


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
