"""Open early help, change its level, step up and down, name the lead, close it."""

from datetime import datetime, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from earlyhelp.accounts.models import User
from earlyhelp.audit.names import AuditAction
from earlyhelp.casework.actions._common import (
    audit,
    complete_tasks,
    locked_episode,
    now,
    require_active,
    require_status,
    review_interval_weeks,
    save,
)
from earlyhelp.casework.actions.errors import OpenActionsError, WrongStateError
from earlyhelp.casework.actions.front_door import refer_to_front_door
from earlyhelp.casework.models import (
    EarlyHelpEpisode,
    EpisodeStatus,
    LevelChange,
    NeedLevel,
    Referral,
)
from earlyhelp.lib.concurrency import ensure_unchanged
from earlyhelp.pupils.models import Pupil
from earlyhelp.records.chronology import add_entry
from earlyhelp.records.models import EntryKind, TaskKind

LEAD_FIELDS = ("lead_practitioner_name", "lead_practitioner")


@transaction.atomic
def open_episode(
    *,
    pupil: Pupil,
    level: int,
    reason: str,
    lead_practitioner_name: str = "",
    lead_practitioner: User | None = None,
    opened_at: datetime | None = None,
    by: User | None,
) -> EarlyHelpEpisode:
    """Start early help for a child at a level of need, with the reason for it.

    `opened_at` records early help that began before it was entered here (a school moving
    its paper records across); it cannot be in the future."""
    Pupil.objects.select_for_update().filter(pk=pupil.pk).first()
    if EarlyHelpEpisode.objects.filter(pupil=pupil).exclude(status=EpisodeStatus.CLOSED).exists():
        raise WrongStateError(f"{pupil.display_name} already has open early help.")
    if not pupil.on_roll:
        raise WrongStateError(f"{pupil.display_name} has left the school.")
    opened = opened_at or now()
    if opened > now():
        raise WrongStateError("Early help cannot be opened in the future.")
    episode = EarlyHelpEpisode(
        pupil=pupil,
        school_id=pupil.school_id,
        level=level,
        lead_practitioner_name=lead_practitioner_name,
        lead_practitioner=lead_practitioner,
        opened_at=opened,
        opened_by=by,
        next_review_on=timezone.localdate(opened)
        + timedelta(weeks=review_interval_weeks(pupil.school)),
    )
    save(episode)
    _record_level(episode, None, level, reason, by)
    audit(
        by=by,
        action=AuditAction.EARLY_HELP_OPENED,
        obj=episode,
        school_id=pupil.school_id,
        level=level,
    )
    add_entry(
        pupil=pupil,
        kind=EntryKind.LEVEL_CHANGE,
        summary=f"Early help opened at {NeedLevel(level).label.lower()}. {reason}",
        by=by,
        occurred_at=opened,
        source=episode,
    )
    return episode


@transaction.atomic
def set_lead_practitioner(
    *,
    episode: EarlyHelpEpisode,
    name: str,
    user: User | None = None,
    by: User | None,
    expected_version: str | None = None,
) -> EarlyHelpEpisode:
    """Name the lead; with `expected_version`, refuse (StaleEdit) if someone else changed
    the lead since that version was read (earlyhelp.lib.concurrency)."""
    ensure_unchanged(episode, LEAD_FIELDS, expected_version)
    episode = locked_episode(episode)
    require_active(episode, doing="change the lead practitioner")
    episode.lead_practitioner_name = name
    episode.lead_practitioner = user
    save(episode)
    audit(by=by, action=AuditAction.EARLY_HELP_LEAD_SET, obj=episode, school_id=episode.school_id)
    add_entry(
        pupil=episode.pupil,
        kind=EntryKind.PLAN,
        summary=f"Lead practitioner: {episode.lead_name}.",
        by=by,
        source=episode,
    )
    return episode


@transaction.atomic
def set_attendance_target(
    *, episode: EarlyHelpEpisode, target: Decimal | None, by: User | None
) -> EarlyHelpEpisode:
    """Give the plan an attendance target (a percentage), or remove it with None; each
    review then records the child's attendance beside it."""
    episode = locked_episode(episode)
    require_active(episode, doing="set an attendance target")
    episode.attendance_target = target
    save(episode)
    audit(
        by=by,
        action=AuditAction.EARLY_HELP_ATTENDANCE_TARGET_SET,
        obj=episode,
        school_id=episode.school_id,
        target=None if target is None else str(target),
    )
    summary = "Attendance target removed." if target is None else f"Attendance target: {target} %."
    add_entry(pupil=episode.pupil, kind=EntryKind.PLAN, summary=summary, by=by, source=episode)
    return episode


@transaction.atomic
def change_level(
    *, episode: EarlyHelpEpisode, level: int, reason: str, by: User | None
) -> EarlyHelpEpisode:
    """Move the child to another level of need within school-led early help."""
    episode = locked_episode(episode)
    require_status(episode, EpisodeStatus.OPEN, doing="change the level of need")
    if level == episode.level:
        raise WrongStateError(f"The level of need is already {episode.level}.")
    if level == NeedLevel.SPECIALIST:
        raise WrongStateError("Use step up to refer the child to the front door (level 4).")
    return _move(episode, level, reason, by, kind=EntryKind.LEVEL_CHANGE)


@transaction.atomic
def step_up(*, episode: EarlyHelpEpisode, summary: str, by: User | None) -> Referral:
    """Refer the child to the local authority's front door (level 4), with a summary."""
    episode = locked_episode(episode)
    require_status(episode, EpisodeStatus.OPEN, doing="step up")
    referral = refer_to_front_door(pupil=episode.pupil, summary=summary, by=by, episode=episode)
    episode.status = EpisodeStatus.STEPPED_UP
    _move(episode, NeedLevel.SPECIALIST, summary, by, kind=EntryKind.STEP_UP)
    return referral


@transaction.atomic
def step_down(
    *, episode: EarlyHelpEpisode, level: int, reason: str, by: User | None
) -> EarlyHelpEpisode:
    """Back from the front door (or a higher level) to school-led early help."""
    episode = locked_episode(episode)
    require_active(episode, doing="step down")
    if level >= episode.level:
        raise WrongStateError("Choose a lower level of need to step down to.")
    episode.status = EpisodeStatus.OPEN
    return _move(episode, level, reason, by, kind=EntryKind.STEP_DOWN)


@transaction.atomic
def close_episode(
    *, episode: EarlyHelpEpisode, reason: str, open_actions_reason: str = "", by: User
) -> EarlyHelpEpisode:
    """Close early help with a reason; open plan actions need a reason of their own."""
    episode = locked_episode(episode)
    require_active(episode, doing="close early help")
    if not reason.strip():
        raise WrongStateError("Give the reason for closing early help.")
    open_actions = episode.plan_actions.filter(done_on__isnull=True).count()
    if open_actions and not open_actions_reason.strip():
        raise OpenActionsError(
            f"The plan has {open_actions} open action{'s' if open_actions > 1 else ''}: "
            "complete them or say why you are closing with them open."
        )
    episode.status = EpisodeStatus.CLOSED
    episode.closed_at = now()
    episode.closed_by = by
    episode.closure_reason = reason
    if open_actions:
        episode.closure_reason += f"\n\nClosed with {open_actions} open: {open_actions_reason}"
    episode.next_review_on = None
    save(episode)
    complete_tasks(source=episode, kinds=TaskKind.values, by=by)
    audit(by=by, action=AuditAction.EARLY_HELP_CLOSED, obj=episode, school_id=episode.school_id)
    add_entry(
        pupil=episode.pupil,
        kind=EntryKind.CLOSURE,
        summary=f"Early help closed. {episode.closure_reason}",
        by=by,
        source=episode,
    )
    return episode


def _move(
    episode: EarlyHelpEpisode, level: int, reason: str, by: User | None, *, kind: EntryKind
) -> EarlyHelpEpisode:
    before = episode.level
    episode.level = level
    save(episode)
    _record_level(episode, before, level, reason, by)
    audit(
        by=by,
        action=AuditAction(f"early_help.{kind.value}"),
        obj=episode,
        school_id=episode.school_id,
        from_level=before,
        to_level=level,
    )
    add_entry(
        pupil=episode.pupil,
        kind=kind,
        summary=f"{kind.label}: level {before} to level {level}. {reason}",
        by=by,
        source=episode,
    )
    return episode


def _record_level(
    episode: EarlyHelpEpisode, before: int | None, after: int, reason: str, by: User | None
) -> None:
    save(
        LevelChange(
            episode=episode,
            from_level=before,
            to_level=after,
            reason=reason,
            changed_by=by,
            changed_at=now(),
        )
    )
