"""The graduated response clock: turn what is due or late into tasks, once each.

Run daily (`earlyhelp casework-clock`). Each task is keyed by its kind, what it is about
(source) and its due date, so running the clock again, on the same day or the next, never
makes a second task for the same thing; a task someone has done is not made again.

What surfaces:
- a Team Around the Family review due within a week (or late);
- a plan action past its date;
- a child with early help for a term and still no plan;
- two terms without progress: no review scaled higher than where the child started
  (the first assessment's scale, or else the first review's);
- a referral still waiting for an answer after its follow-up date;
- a child protection file not received 5 school days after the transfer started.
"""

from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta

from django.db import models, transaction
from django.utils import timezone

from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.casework.calendar import SchoolCalendar
from earlyhelp.casework.models import (
    ACTIVE_STATUSES,
    AWAITING_REPLY,
    EarlyHelpEpisode,
    FileTransfer,
    PlanAction,
    Referral,
)
from earlyhelp.lib.validation import validated
from earlyhelp.records.models import Task, TaskKind
from earlyhelp.schools.models import School

REVIEW_WARNING = timedelta(days=7)
CLOCK_KINDS = [
    TaskKind.REVIEW_DUE,
    TaskKind.ACTION_OVERDUE,
    TaskKind.NO_PLAN,
    TaskKind.NO_PROGRESS,
    TaskKind.REFERRAL_FOLLOW_UP,
    TaskKind.FILE_TRANSFER,
]
type Key = tuple[str, str, str, date]


def run_clock(*, today: date | None = None) -> Counter[str]:
    """Tick every school's clock; the number of new tasks of each kind."""
    today = today or timezone.localdate()
    made: Counter[str] = Counter()
    for school in School.objects.order_by("pk"):
        made.update(tick_school(school, today=today))
    return made


@transaction.atomic
def tick_school(school: School, *, today: date) -> Counter[str]:
    calendar = SchoolCalendar.for_school(school)
    existing = set(
        Task.objects.filter(school=school, kind__in=CLOCK_KINDS).values_list(
            "kind", "source_type", "source_id", "due_on"
        )
    )
    new = [t for t in due_tasks(school, calendar, today) if _key(t) not in existing]
    new = list({_key(t): t for t in new}.values())
    Task.objects.bulk_create([validated(task) for task in new])
    made = Counter(t.kind for t in new)
    if new:
        record_event(
            by=None,
            action=AuditAction.CASEWORK_CLOCK,
            obj=school,
            school_id=school.pk,
            details={"tasks": dict(made), "on": today.isoformat()},
        )
    return made


def due_tasks(school: School, calendar: SchoolCalendar, today: date) -> Iterator[Task]:
    episodes = list(
        EarlyHelpEpisode.objects.filter(school=school, status__in=ACTIVE_STATUSES)
        .select_related("pupil")
        .prefetch_related("assessments", "reviews", "plan_actions")
    )
    yield from _reviews_due(episodes, today)
    yield from _actions_overdue(school, today)
    yield from _without_plan(episodes, calendar, today)
    yield from _without_progress(episodes, calendar, today)
    yield from _referrals_waiting(school, today)
    yield from _transfers_late(school, today)


def _reviews_due(episodes: list[EarlyHelpEpisode], today: date) -> Iterator[Task]:
    for e in episodes:
        if e.next_review_on and e.next_review_on <= today + REVIEW_WARNING:
            yield _task(e, TaskKind.REVIEW_DUE, e.next_review_on, e.pupil.display_name, e)


def _actions_overdue(school: School, today: date) -> Iterator[Task]:
    actions = PlanAction.objects.filter(
        episode__school=school,
        episode__status__in=ACTIVE_STATUSES,
        done_on__isnull=True,
        due_on__lt=today,
    ).select_related("episode__pupil")
    for a in actions:
        yield _task(a.episode, TaskKind.ACTION_OVERDUE, a.due_on, a.episode.pupil.display_name, a)


def _without_plan(
    episodes: list[EarlyHelpEpisode], calendar: SchoolCalendar, today: date
) -> Iterator[Task]:
    for e in episodes:
        a_term_on = calendar.add_terms(timezone.localdate(e.opened_at), 1)
        if a_term_on <= today and not e.plan_actions.all():
            yield _task(e, TaskKind.NO_PLAN, a_term_on, e.pupil.display_name, e)


def _without_progress(
    episodes: list[EarlyHelpEpisode], calendar: SchoolCalendar, today: date
) -> Iterator[Task]:
    for e in episodes:
        two_terms_on = calendar.add_terms(timezone.localdate(e.opened_at), 2)
        if two_terms_on <= today and not _made_progress(e):
            yield _task(e, TaskKind.NO_PROGRESS, two_terms_on, e.pupil.display_name, e)


def _made_progress(episode: EarlyHelpEpisode) -> bool:
    assessments = sorted(episode.assessments.all(), key=lambda a: (a.completed_on, a.pk))
    reviews = sorted(episode.reviews.all(), key=lambda r: (r.held_on, r.pk))
    if assessments:
        start = assessments[0].scale
    elif reviews:
        start, reviews = reviews[0].scale, reviews[1:]
    else:
        return False
    return any(r.scale > start for r in reviews)


def _referrals_waiting(school: School, today: date) -> Iterator[Task]:
    referrals = Referral.objects.filter(
        school=school, status__in=AWAITING_REPLY, follow_up_on__lt=today
    ).select_related("pupil")
    for r in referrals:
        assert r.follow_up_on is not None
        yield _pupil_task(r, TaskKind.REFERRAL_FOLLOW_UP, r.follow_up_on, r.pupil.display_name)


def _transfers_late(school: School, today: date) -> Iterator[Task]:
    transfers = FileTransfer.objects.filter(from_school=school, due_by__lt=today).select_related(
        "pupil"
    )
    for t in transfers:
        if not t.is_complete:
            yield _pupil_task(t, TaskKind.FILE_TRANSFER, t.due_by, t.pupil.display_name)


def _task(
    episode: EarlyHelpEpisode, kind: TaskKind, due_on: date, name: str, source: models.Model
) -> Task:
    task = _pupil_task(source, kind, due_on, name)
    task.assigned_to_id = episode.lead_practitioner_id
    return task


def _pupil_task(source: models.Model, kind: TaskKind, due_on: date, name: str) -> Task:
    pupil = source.pupil if hasattr(source, "pupil") else source.episode.pupil  # type: ignore[attr-defined]
    return Task(
        school_id=pupil.school_id,
        pupil=pupil,
        kind=kind,
        title=f"{kind.label}: {name}",
        due_on=due_on,
        created_at=timezone.now(),
        source_type=source._meta.label_lower,
        source_id=str(source.pk),
    )


def _key(task: Task) -> Key:
    return (task.kind, task.source_type, task.source_id, task.due_on)
