"""Writing the half-term letters: the wording, a run started, the letters made and kept.

`start_letters` records the run (with the wording as it is) and queues the background task
in the same transaction; `make_letters` (the task's body) makes one PDF per family into the
default storage with progress, writes one `Letter` per family (to whom, about whom, when)
and one audit event, and ends DONE, or FAILED with nothing kept.
"""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from earlyhelp.accounts.models import User
from earlyhelp.attendance.letters import (
    DEFAULT_BODY,
    Family,
    families,
    letter_pdf,
    letter_text,
    template_problems,
)
from earlyhelp.attendance.models import Letter, LetterRun, LetterRunStatus, LetterTemplate
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.lib.errors import ActionError
from earlyhelp.lib.validation import validated_save
from earlyhelp.schools.models import School

WORDING_SAVED = AuditAction.ATTENDANCE_LETTER_WORDING_SAVED
LETTERS_STARTED = AuditAction.ATTENDANCE_LETTERS_STARTED
LETTERS_MADE = AuditAction.ATTENDANCE_LETTERS_MADE


class LetterRefused(ActionError):
    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


def wording(school: School) -> str:
    held = LetterTemplate.objects.filter(school=school).first()
    return held.body if held else DEFAULT_BODY


def _name(by: User) -> str:
    return by.get_full_name() or by.get_username()


@transaction.atomic
def save_wording(*, school: School, body: str, by: User) -> LetterTemplate:
    problems = template_problems(body)
    if problems:
        raise LetterRefused(problems)
    held = LetterTemplate.objects.filter(school=school).first() or LetterTemplate(school=school)
    held.body, held.updated_at, held.updated_by_name = body, timezone.now(), _name(by)
    validated_save(held)
    record_event(by=by, action=WORDING_SAVED, obj=school, school_id=school.pk, details={})
    return held


@transaction.atomic
def start_letters(*, school: School, start: date, end: date, by: User) -> LetterRun:
    """Record a run of the letters and queue their making (attendance.tasks)."""
    from earlyhelp.attendance.tasks import make_letters_task  # the task imports this module

    run = validated_save(
        LetterRun(
            school=school,
            created_at=timezone.now(),
            created_by=by,
            created_by_name=_name(by),
            period_start=start,
            period_end=end,
            below_percent=Decimal(str(settings.ATTENDANCE_WATCH_PERCENT)).quantize(Decimal("0.1")),
            body=wording(school),
        )
    )
    record_event(
        by=by, action=LETTERS_STARTED, obj=school, school_id=school.pk, details={"run": run.pk}
    )
    make_letters_task.enqueue(run.pk)
    return run


def make_letters(*, run_id: int) -> LetterRun:
    """The background part: one PDF per family below the threshold, each kept as it is made
    (so the page shows the progress); on a failure the run's letters and files are removed
    again and the run ends FAILED."""
    run = LetterRun.objects.select_related("school", "created_by").get(pk=run_id)
    if run.finished:
        return run
    rows_of = LetterRun.objects.filter(pk=run.pk)
    below = float(run.below_percent)
    found = families(run.school, run.period_start, run.period_end, below)
    rows_of.update(status=LetterRunStatus.MAKING, letters_total=len(found), letters_done=0)
    saved: list[str] = []
    try:
        for done, family in enumerate(found, start=1):
            saved.append(_make_one(run, family, below))
            rows_of.update(letters_done=done)
        with transaction.atomic():
            record_event(
                by=run.created_by,
                action=LETTERS_MADE,
                obj=run.school,
                school_id=run.school_id,
                details={"run": run.pk, "letters": len(found)},
            )
            rows_of.update(status=LetterRunStatus.DONE, finished_at=timezone.now())
    except Exception:
        Letter.objects.filter(run=run).delete()
        for name in saved:
            default_storage.delete(name)
        rows_of.update(status=LetterRunStatus.FAILED, finished_at=timezone.now())
        raise
    run.refresh_from_db()
    return run


def _make_one(run: LetterRun, family: Family, below: float) -> str:
    today = timezone.localdate()
    text = letter_text(run.body, family, school=run.school, below=below, today=today)
    pdf = letter_pdf(text, school=run.school, today=today)
    first = family.pupils[0][0]
    name = default_storage.save(
        f"attendance-letters/{run.school_id}/{run.pk}/{first.upn}.pdf", ContentFile(pdf)
    )
    with transaction.atomic():
        made_at = timezone.now()
        for pupil, _ in family.pupils:
            validated_save(
                Letter(
                    run=run,
                    pupil=pupil,
                    addressed_to=family.addressed_to[:200],
                    file_name=name,
                    made_at=made_at,
                ),
                exclude=["pupil", "run"],  # both just read from the database
            )
    return name
