"""What the casework actions share: the clock, audit, locking, state guards and tasks."""

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.db import models
from django.utils import timezone

from earlyhelp.accounts.models import User
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.casework.actions.errors import WrongStateError
from earlyhelp.casework.models import CaseworkSettings, EarlyHelpEpisode, EpisodeStatus
from earlyhelp.records.models import Task
from earlyhelp.schools.models import School


def now() -> datetime:
    return timezone.now()


def audit(
    *, by: User | None, action: AuditAction, obj: models.Model, school_id: int, **details: Any
) -> None:
    record_event(by=by, action=action, obj=obj, school_id=school_id, details=details)


def save(obj: models.Model) -> None:
    obj.full_clean()
    obj.save()


def locked_episode(episode: EarlyHelpEpisode) -> EarlyHelpEpisode:
    """The episode re-read under a row lock, so that two transitions cannot interleave."""
    return (
        EarlyHelpEpisode.objects.select_for_update(of=("self",))
        .select_related("pupil__school")
        .get(pk=episode.pk)
    )


def require_status(episode: EarlyHelpEpisode, *allowed: str, doing: str) -> None:
    if episode.status not in allowed:
        raise WrongStateError(
            f"You cannot {doing}: this early help is {episode.get_status_display().lower()}."
        )


def require_active(episode: EarlyHelpEpisode, *, doing: str) -> None:
    require_status(episode, EpisodeStatus.OPEN, EpisodeStatus.STEPPED_UP, doing=doing)


def review_interval_weeks(school: School) -> int:
    found = CaseworkSettings.objects.filter(school=school).values_list(
        "review_interval_weeks", flat=True
    )
    return next(iter(found), 6)


def complete_tasks(*, source: models.Model, kinds: Iterable[str], by: User | None) -> None:
    """Mark the clock's open tasks about `source` done: the thing they asked for happened."""
    if by is None:
        return
    Task.objects.filter(
        source_type=source._meta.label_lower,
        source_id=str(source.pk),
        kind__in=list(kinds),
        done_at__isnull=True,
    ).update(done_at=now(), done_by=by)
