"""Team Around the Family reviews: outcome, scale, and the next review date."""

from datetime import date, timedelta

from django.db import transaction

from earlyhelp.accounts.models import User
from earlyhelp.audit.names import AuditAction
from earlyhelp.casework.actions._common import (
    audit,
    complete_tasks,
    locked_episode,
    now,
    require_active,
    review_interval_weeks,
    save,
)
from earlyhelp.casework.attendance_progress import attendance_to_date
from earlyhelp.casework.event_time import event_time
from earlyhelp.casework.models import EarlyHelpEpisode, Review, ReviewOutcome
from earlyhelp.records.chronology import add_entry
from earlyhelp.records.models import EntryKind, TaskKind


@transaction.atomic
def record_review(
    *,
    episode: EarlyHelpEpisode,
    held_on: date,
    outcome: str,
    scale: int,
    notes: str = "",
    by: User | None,
) -> Review:
    """Record a review; the next one is due after the school's review interval (6–12 weeks)."""
    episode = locked_episode(episode)
    require_active(episode, doing="record a review")
    next_review = held_on + timedelta(weeks=review_interval_weeks(episode.pupil.school))
    review = Review(
        episode=episode,
        held_on=held_on,
        outcome=outcome,
        scale=scale,
        notes=notes,
        next_review_on=next_review,
        attendance_percent=attendance_to_date(episode.pupil, held_on),
        attendance_target=episode.attendance_target,
        recorded_by=by,
        recorded_at=now(),
    )
    save(review)
    episode.next_review_on = next_review
    save(episode)
    complete_tasks(source=episode, kinds=[TaskKind.REVIEW_DUE, TaskKind.NO_PROGRESS], by=by)
    audit(by=by, action=AuditAction.REVIEW_RECORDED, obj=review, school_id=episode.school_id)
    label = ReviewOutcome(outcome).label
    add_entry(
        pupil=episode.pupil,
        kind=EntryKind.REVIEW,
        summary=f"Team Around the Family review: {label}. Scale: {scale} out of 10.",
        by=by,
        occurred_at=event_time(held_on),
        source=review,
    )
    return review
