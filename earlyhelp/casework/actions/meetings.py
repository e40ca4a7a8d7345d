"""The weekly safeguarding meeting: who came, and a decision per agenda item."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from earlyhelp.accounts.models import User
from earlyhelp.audit.names import AuditAction
from earlyhelp.casework.actions._common import audit, now, save
from earlyhelp.casework.actions.errors import WrongStateError
from earlyhelp.casework.agenda import ATTENDANCE_KEY, ATTENDANCE_TASKS
from earlyhelp.casework.event_time import event_time
from earlyhelp.casework.models import AgendaItemKind, Meeting, MeetingDecision
from earlyhelp.lib.datefmt import govuk_date
from earlyhelp.pupils.models import Pupil
from earlyhelp.records.chronology import add_entry
from earlyhelp.records.models import EntryKind, Task
from earlyhelp.schools.models import School


@transaction.atomic
def hold_meeting(*, school: School, held_on: date, attendees: str, by: User | None) -> Meeting:
    """The school's meeting on `held_on` (created the first time), with who came."""
    meeting, created = Meeting.objects.select_for_update().get_or_create(
        school=school, held_on=held_on, defaults={"created_at": now(), "created_by": by}
    )
    if created or meeting.attendees != attendees:
        meeting.attendees = attendees
        save(meeting)
        audit(by=by, action=AuditAction.MEETING_HELD, obj=meeting, school_id=school.pk)
    return meeting


@transaction.atomic
def record_decision(
    *,
    meeting: Meeting,
    pupil: Pupil,
    item_kind: str,
    item_key: str,
    decision: str,
    by: User | None,
) -> MeetingDecision:
    """A decision about one child's agenda item; it goes into the child's chronology."""
    if pupil.school_id != meeting.school_id:
        raise WrongStateError("This child is not on this school’s roll.")
    made = MeetingDecision(
        meeting=meeting,
        pupil=pupil,
        item_kind=item_kind,
        item_key=item_key,
        decision=decision,
        decided_at=now(),
        decided_by=by,
    )
    save(made)
    audit(by=by, action=AuditAction.MEETING_DECISION, obj=made, school_id=meeting.school_id)
    if item_kind == AgendaItemKind.ATTENDANCE:
        close_attendance_task(item_key=item_key, pupil=pupil, by=by)
    add_entry(
        pupil=pupil,
        kind=EntryKind.MEETING,
        summary=(
            f"Safeguarding meeting of {govuk_date(meeting.held_on)} "
            f"({AgendaItemKind(item_kind).label.lower()}): {decision}"
        ),
        by=by,
        occurred_at=event_time(meeting.held_on),
        source=made,
    )
    return made


def close_attendance_task(*, item_key: str, pupil: Pupil, by: User | None) -> None:
    """Deciding an attendance item at the meeting closes the task it shows (issue 13)."""
    number = item_key.removeprefix(ATTENDANCE_KEY)
    if by is None or not number.isdigit():
        return
    Task.objects.filter(
        pk=int(number), pupil=pupil, kind__in=ATTENDANCE_TASKS, done_at__isnull=True
    ).update(done_at=now(), done_by=by)


@dataclass(frozen=True)
class TypedDecision:
    """One agenda item's decision as typed at the meeting, with the reason for it."""

    pupil: Pupil
    item_kind: str
    item_key: str
    decision: str
    reason: str

    @property
    def text(self) -> str:
        return f"{self.decision.strip()} Reason: {self.reason.strip()}"


@transaction.atomic
def record_decisions(
    *,
    school: School,
    held_on: date,
    attendees: str | None = None,
    decisions: list[TypedDecision],
    by: User | None,
) -> list[MeetingDecision]:
    """Who came and every decision typed at one meeting: all saved or none.

    Each decision is audited and goes into its child's chronology (`record_decision`).
    """
    if attendees is not None:
        meeting = hold_meeting(school=school, held_on=held_on, attendees=attendees, by=by)
    else:
        meeting = hold_meeting_if_needed(school=school, held_on=held_on, by=by)
    return [
        record_decision(
            meeting=meeting,
            pupil=typed.pupil,
            item_kind=typed.item_kind,
            item_key=typed.item_key,
            decision=typed.text,
            by=by,
        )
        for typed in decisions
    ]


def hold_meeting_if_needed(*, school: School, held_on: date, by: User | None) -> Meeting:
    found = Meeting.objects.filter(school=school, held_on=held_on).first()
    return found or hold_meeting(school=school, held_on=held_on, attendees="", by=by)
