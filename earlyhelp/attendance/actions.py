"""Writing the register: `import_marks`, all or nothing, amendments kept, one audit event.

A session with no mark held takes the file's code. A session holding the same code is
unchanged. A session holding another code is amended: the row takes the new code and a
`MarkAmendment` keeps the original, the new code, when and by whom. Importing the same
file twice changes nothing. New rows go in with COPY on PostgreSQL (bulk_create elsewhere);
nothing is written row by row through the ORM.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from earlyhelp.accounts.models import User
from earlyhelp.attendance.alerts import queue_checks
from earlyhelp.attendance.codes import AUTHORISED_CODES, KINDS, UNAUTHORISED_CODES
from earlyhelp.attendance.models import (
    AlertKind,
    AttendanceAlert,
    CallOutcome,
    DayMarks,
    FirstDayCall,
    MarkAmendment,
    MissingEducationNotice,
)
from earlyhelp.attendance.register import Mark, RegisterFileError
from earlyhelp.attendance.tasks import check_alerts_task
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.jobs.queue import enqueue_unless_waiting
from earlyhelp.lib import validators
from earlyhelp.lib.errors import ActionError
from earlyhelp.lib.validation import validated_save
from earlyhelp.pupils.models import Pupil
from earlyhelp.records.models import Task
from earlyhelp.schools.models import School

REGISTER_IMPORTED = AuditAction.ATTENDANCE_REGISTER_IMPORTED
CALL_RECORDED = AuditAction.ATTENDANCE_FIRST_DAY_CALL_RECORDED
SYSTEM_NAME = "system"
ABSENCE_CODES = AUTHORISED_CODES | UNAUTHORISED_CODES

Key = tuple[int, date]


@dataclass
class ImportResult:
    added: int = 0
    amended: int = 0
    unchanged: int = 0

    def summary(self) -> str:
        return f"{self.added} marks added, {self.amended} amended, {self.unchanged} unchanged"


@dataclass(slots=True)
class _Held:
    """A day row as held (its id and two sessions): read as plain values, not as models,
    since an update of a day reads every pupil's row and changes only a few."""

    pk: int
    am: str
    pm: str


@dataclass
class _Plan:
    new: dict[Key, dict[str, str]]
    changed: dict[Key, _Held]
    amendments: list[MarkAmendment]
    result: ImportResult


@transaction.atomic
def import_marks(*, school: School, marks: list[Mark], by: User | None) -> ImportResult:
    """Apply `marks` (checked by `read_register`) to the school's register."""
    School.objects.select_for_update().filter(pk=school.pk).first()
    roll = dict(Pupil.objects.filter(school=school).order_by().values_list("upn", "pk"))
    today = timezone.localdate()
    dates = {
        day for day in {m.date for m in marks} if validators.ENROLMENT.contains(day, today=today)
    }
    problems = [problem for mark in marks if (problem := _problem(mark, roll, dates))]
    if problems:
        raise RegisterFileError(problems)
    wanted = _by_day(marks, roll)
    plan = _plan(school, wanted, _held(school, wanted), by)
    _insert(school, plan.new)
    changed = [DayMarks(pk=row.pk, am=row.am, pm=row.pm) for row in plan.changed.values()]
    DayMarks.objects.bulk_update(changed, ["am", "pm"], batch_size=1000)
    MarkAmendment.objects.bulk_create(plan.amendments, batch_size=1000)
    if plan.result.added or plan.result.amended:
        absent = _newly_absent(plan)
        if absent:
            queue_checks(school=school, pupil_ids=absent, last_date=max(m.date for m in marks))
            enqueue_unless_waiting(check_alerts_task, delay=_batch())
        _record_import(school, marks, plan.result, by)  # last: the audit chain's lock is held
    return plan.result


def _batch() -> timedelta:
    return timedelta(seconds=settings.ATTENDANCE_ALERT_BATCH_SECONDS)


def _record_import(
    school: School, marks: list[Mark], result: ImportResult, by: User | None
) -> None:
    record_event(
        by=by,
        action=REGISTER_IMPORTED,
        obj=school,
        school_id=school.pk,
        details={
            "added": result.added,
            "amended": result.amended,
            "unchanged": result.unchanged,
            "first_date": min(m.date for m in marks).isoformat(),
            "last_date": max(m.date for m in marks).isoformat(),
        },
    )


def _newly_absent(plan: _Plan) -> set[int]:
    """Pupils given a new or changed absence mark: the only ones who can newly cross a
    threshold (a present mark only lowers absence; a run or window grows only by an
    unauthorised absence; persistent and severe absence grow only by an absence)."""
    pupils = {key[0] for key, sessions in plan.new.items() if ABSENCE_CODES & {*sessions.values()}}
    for key, row in plan.changed.items():
        if row.am in ABSENCE_CODES or row.pm in ABSENCE_CODES:
            pupils.add(key[0])
    return pupils


def _problem(mark: Mark, roll: dict[str, int], dates: set[date]) -> tuple[int, str] | None:
    """The rows go in with COPY or bulk_create, without per-row full_clean (it would cost
    the day's import its speed), so every value they hold is checked here instead, for
    whoever built the marks: the pupil is on this school's roll (the foreign key), the
    code is one of the stored codes (two characters at most: the column's length), the
    session is AM or PM, and the date is a plausible register date. One row per pupil and
    day is kept by grouping the marks by pupil and day against the rows held, and every
    new row has at least one mark: the table's two constraints hold before the write."""
    if mark.upn not in roll:
        return mark.line, f"the UPN {mark.upn} is not on the school's roll"
    if mark.code not in KINDS or mark.session not in ("AM", "PM"):
        return mark.line, f"the code {mark.code!r} for {mark.session!r} is not a stored mark"
    if mark.date not in dates:  # `dates`: those within validators.ENROLMENT's window
        return mark.line, f"the date {mark.date:%d/%m/%Y} is not within 25 years back or 1 ahead"
    return None


def _by_day(marks: list[Mark], roll: dict[str, int]) -> dict[Key, dict[str, str]]:
    wanted: dict[Key, dict[str, str]] = {}
    for mark in marks:
        wanted.setdefault((roll[mark.upn], mark.date), {})[mark.session.lower()] = mark.code
    return wanted


def _held(school: School, wanted: dict[Key, dict[str, str]]) -> dict[Key, _Held]:
    if not wanted:
        return {}
    days = {day for _, day in wanted}
    rows = DayMarks.objects.filter(school=school, date__gte=min(days), date__lte=max(days))
    if len(days) < 40:
        rows = rows.filter(date__in=days)
    values = rows.order_by().values_list("id", "pupil_id", "date", "am", "pm")
    return {(pupil, day): _Held(pk, am, pm) for pk, pupil, day, am, pm in values}


def _plan(
    school: School,
    wanted: dict[Key, dict[str, str]],
    held: dict[Key, _Held],
    by: User | None,
) -> _Plan:
    plan = _Plan(new={}, changed={}, amendments=[], result=ImportResult())
    now = timezone.now()
    for key, sessions in wanted.items():
        row = held.get(key)
        if row is None:
            plan.new[key] = sessions
            plan.result.added += len(sessions)
            continue
        for session, code in sessions.items():
            _apply(plan, row, key, session, code, school=school, by=by, now=now)
    return plan


def _apply(
    plan: _Plan,
    row: _Held,
    key: Key,
    session: str,
    code: str,
    *,
    school: School,
    by: User | None,
    now: datetime,
) -> None:
    before = getattr(row, session)
    if before == code:
        plan.result.unchanged += 1
        return
    setattr(row, session, code)
    plan.changed[key] = row
    if not before:
        plan.result.added += 1
        return
    plan.result.amended += 1
    plan.amendments.append(
        MarkAmendment(
            pupil_id=key[0],
            school=school,
            date=key[1],
            session=session.upper(),
            original_code=before,
            new_code=code,
            amended_at=now,
            amended_by_id=str(by.pk) if by is not None else "",
            amended_by_name=_name(by),
        )
    )


def _name(by: User | None) -> str:
    if by is None:
        return SYSTEM_NAME
    return by.get_full_name() or by.get_username()


def _insert(school: School, new: dict[Key, dict[str, str]]) -> None:
    rows = (
        (pupil_id, school.pk, day, s.get("am", ""), s.get("pm", ""))
        for (pupil_id, day), s in new.items()
    )
    if connection.vendor == "postgresql":
        _copy(rows)
        return
    DayMarks.objects.bulk_create(
        (DayMarks(pupil_id=p, school_id=sc, date=d, am=am, pm=pm) for p, sc, d, am, pm in rows),
        batch_size=1000,
    )


def _copy(rows: Iterable[tuple[int, int, date, str, str]]) -> None:
    """One CSV block, written once (a row at a time costs psycopg a Python call each). The
    codes are checked (`_problem`): none holds a comma or a quote; each is quoted, so that
    an empty session is an empty string, not NULL."""
    table = DayMarks._meta.db_table
    sql = f"COPY {table} (pupil_id, school_id, date, am, pm) FROM STDIN WITH (FORMAT csv)"
    block = "".join(f'{p},{s},{d.isoformat()},"{am}","{pm}"\n' for p, s, d, am, pm in rows)
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        copy.write(block)


@transaction.atomic
def record_call(*, pupil: Pupil, day: date, outcome: CallOutcome, by: User) -> FirstDayCall:
    """Record one attempt of the first-day call about `pupil`'s absence on `day`."""
    call = validated_save(
        FirstDayCall(
            pupil=pupil,
            school_id=pupil.school_id,
            date=day,
            outcome=outcome,
            recorded_at=timezone.now(),
            recorded_by_id=str(by.pk),
            recorded_by_name=_name(by),
        )
    )
    record_event(
        by=by,
        action=CALL_RECORDED,
        obj=pupil,
        school_id=pupil.school_id,
        details={"date": day.isoformat(), "outcome": str(outcome)},
    )
    return call


MISSING_EDUCATION_NOTIFIED = AuditAction.ATTENDANCE_MISSING_EDUCATION_NOTIFIED


class NoticeRefused(ActionError):
    """No such missing-education run, or the authority was already told of it."""


@transaction.atomic
def notify_missing_education(*, pupil: Pupil, first_day: date, by: User) -> MissingEducationNotice:
    """Record that the school told its local authority of `pupil`'s missing-education run
    from `first_day`, and close the run's "notify the local authority" task."""
    school = pupil.school
    alert = AttendanceAlert.objects.filter(
        pupil=pupil, kind=AlertKind.MISSING_EDUCATION, period_start=first_day
    ).first()
    if alert is None:
        raise NoticeRefused("There is no run of missing education from that day to tell of.")
    if MissingEducationNotice.objects.filter(pupil=pupil, first_day=first_day).exists():
        raise NoticeRefused("The local authority has already been told of this run.")
    notice = validated_save(
        MissingEducationNotice(
            pupil=pupil,
            school=school,
            local_authority_id=school.local_authority_id,
            first_day=first_day,
            notified_at=timezone.now(),
            notified_by_id=str(by.pk),
            notified_by_name=_name(by),
        )
    )
    Task.objects.filter(
        source_type=AttendanceAlert._meta.label_lower, source_id=str(alert.pk), done_at=None
    ).update(done_at=notice.notified_at, done_by=by)
    record_event(
        by=by,
        action=MISSING_EDUCATION_NOTIFIED,
        obj=pupil,
        school_id=school.pk,
        details={"first_day": first_day.isoformat(), "local_authority": school.local_authority_id},
    )
    return notice
