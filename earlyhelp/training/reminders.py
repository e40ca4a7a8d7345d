"""Reminder e-mails: once when a record's renewal falls due, once when it is overdue.

Each reminder sent is a `TrainingReminder` row, unique per record, type and kind, written
in the same transaction as the e-mail is queued (`jobs.mail.queue_email`): running the
sender again, on any host, sends nothing new. The record reminded is the latest one that
renews the type (a DSL's formal training renews the annual refresh too). Training never
held is shown on the person's page and the DSL's matrix, not e-mailed.
"""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from earlyhelp.accounts.models import Membership, User
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.jobs.mail import queue_email
from earlyhelp.lib.datefmt import govuk_date
from earlyhelp.schools.models import School
from earlyhelp.training.compliance import school_compliance
from earlyhelp.training.models import ReminderKind, TrainingRecord, TrainingReminder, TrainingType
from earlyhelp.training.rules import ItemState, Status

KINDS = {Status.DUE_SOON: ReminderKind.DUE, Status.OVERDUE: ReminderKind.OVERDUE}


@dataclass
class Sent:
    sent: int = 0
    already: int = 0
    no_email: int = 0
    schools: list[str] = field(default_factory=list)


def send_reminders(*, today: date) -> Sent:
    """Every school's due and overdue reminders not sent before."""
    result = Sent()
    schools = School.objects.filter(
        pk__in=Membership.objects.filter(school__isnull=False).values("school")
    )
    for school in schools.order_by("name"):
        sent = remind_school(school=school, today=today, result=result)
        if sent:
            result.schools.append(f"{school.name}: {sent}")
    return result


@transaction.atomic
def remind_school(*, school: School, today: date, result: Sent) -> int:
    matrix = school_compliance(school, today=today)
    latest = _latest_records(school, matrix.types)
    sent = 0
    for row in matrix.rows:
        for kind, state in zip(matrix.types, row.training, strict=True):
            if state is None or state.status not in KINDS:
                continue
            record = latest.get((row.person.pk, kind.pk))
            if record is not None and _remind(row.person, kind, record, state, result):
                sent += 1
    if sent:
        record_event(
            by=None,
            action=AuditAction.TRAINING_REMINDERS_SENT,
            obj=school,
            school_id=school.pk,
            details={"sent": sent, "on": today.isoformat()},
        )
    return sent


def _latest_records(
    school: School, types: tuple[TrainingType, ...]
) -> dict[tuple[int, int], TrainingRecord]:
    """(person, type) -> the latest record that renews the type."""
    counts_for = {t.pk: t.counts_for_id for t in types}
    latest: dict[tuple[int, int], TrainingRecord] = {}
    for record in (
        TrainingRecord.objects.filter(school=school)
        .select_related("school")
        .order_by("completed_on", "pk")
    ):
        latest[(record.person_id, record.training_type_id)] = record
        also = counts_for.get(record.training_type_id)
        if also is not None:
            latest[(record.person_id, also)] = record
    return latest


def _remind(
    person: User, kind: TrainingType, record: TrainingRecord, state: ItemState, result: Sent
) -> bool:
    if not person.email:
        result.no_email += 1
        return False
    reminder_kind = KINDS[state.status]
    if TrainingReminder.objects.filter(record=record, training_type=kind, kind=reminder_kind):
        result.already += 1
        return False
    try:
        with transaction.atomic():
            TrainingReminder.objects.create(
                record=record, training_type=kind, kind=reminder_kind, sent_at=timezone.now()
            )
    except IntegrityError:  # another host sent it a moment ago
        result.already += 1
        return False
    queue_email(_message(person, kind, record, state))
    result.sent += 1
    return True


def _message(
    person: User, kind: TrainingType, record: TrainingRecord, state: ItemState
) -> EmailMessage:
    assert state.due_on is not None
    overdue = state.status == Status.OVERDUE
    when = (
        f"was due on {govuk_date(state.due_on)}"
        if overdue
        else f"is due on {govuk_date(state.due_on)}"
    )
    link = settings.SITE_URL.rstrip("/") + reverse("training:mine", args=[record.school.slug])
    body = (
        f"Dear {person.get_full_name() or person.username},\n\n"
        f"Your {kind.name} at {record.school.name} {when}.\n"
        f"You last completed it on {govuk_date(record.completed_on)}.\n\n"
        f"When you have done it, record it here: {link}\n"
    )
    subject = f"{'Overdue' if overdue else 'Due soon'}: {kind.name}"
    return EmailMessage(subject=subject, body=body, to=[person.email])
