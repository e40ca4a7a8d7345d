"""The Early Help Assessment and the plan that follows it."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from earlyhelp.accounts.models import User
from earlyhelp.audit.names import AuditAction
from earlyhelp.casework.actions._common import (
    audit,
    complete_tasks,
    locked_episode,
    now,
    require_active,
    save,
)
from earlyhelp.casework.actions.consent import has_current_consent
from earlyhelp.casework.actions.errors import ConsentRequiredError, WrongStateError
from earlyhelp.casework.models import Assessment, ConsentScope, EarlyHelpEpisode, PlanAction
from earlyhelp.lib.datefmt import govuk_date
from earlyhelp.records.chronology import add_entry
from earlyhelp.records.models import EntryKind, TaskKind


@dataclass(frozen=True)
class AssessmentAnswers:
    worried_about: str
    working_well: str
    needs_to_happen: str
    household: str = ""
    significant_adults: str = ""
    professionals_involved: str = ""
    child_voice: str = ""


@transaction.atomic
def complete_assessment(
    *,
    episode: EarlyHelpEpisode,
    answers: AssessmentAnswers,
    scale: int,
    completed_on: date,
    by: User | None,
) -> Assessment:
    """Record the assessment. Early help is voluntary: no assessment without consent to it."""
    episode = locked_episode(episode)
    require_active(episode, doing="complete an assessment")
    if not has_current_consent(episode, ConsentScope.ASSESSMENT):
        raise ConsentRequiredError(
            "Record the family’s consent to an Early Help Assessment before completing it."
        )
    assessment = Assessment(
        episode=episode,
        household=answers.household,
        significant_adults=answers.significant_adults,
        professionals_involved=answers.professionals_involved,
        child_voice=answers.child_voice,
        worried_about=answers.worried_about,
        working_well=answers.working_well,
        needs_to_happen=answers.needs_to_happen,
        scale=scale,
        completed_on=completed_on,
        completed_by=by,
    )
    save(assessment)
    audit(
        by=by, action=AuditAction.ASSESSMENT_COMPLETED, obj=assessment, school_id=episode.school_id
    )
    add_entry(
        pupil=episode.pupil,
        kind=EntryKind.ASSESSMENT,
        summary=f"Early Help Assessment completed. Scale: {scale} out of 10.",
        by=by,
        source=assessment,
    )
    return assessment


@transaction.atomic
def add_plan_action(
    *,
    episode: EarlyHelpEpisode,
    need: str,
    action: str,
    who: str,
    due_on: date,
    by: User | None,
) -> PlanAction:
    episode = locked_episode(episode)
    require_active(episode, doing="add to the plan")
    plan_action = PlanAction(
        episode=episode,
        need=need,
        action=action,
        who=who,
        due_on=due_on,
        created_at=now(),
        created_by=by,
    )
    save(plan_action)
    complete_tasks(source=episode, kinds=[TaskKind.NO_PLAN], by=by)
    audit(by=by, action=AuditAction.PLAN_ACTION_ADDED, obj=plan_action, school_id=episode.school_id)
    add_entry(
        pupil=episode.pupil,
        kind=EntryKind.PLAN,
        summary=f"Plan: {action} ({who}, by {govuk_date(due_on)}).",
        by=by,
        source=plan_action,
    )
    return plan_action


@transaction.atomic
def complete_action(
    *, plan_action: PlanAction, outcome: str, done_on: date, by: User | None
) -> PlanAction:
    plan_action = (
        PlanAction.objects.select_for_update(of=("self",))
        .select_related("episode__pupil")
        .get(pk=plan_action.pk)
    )
    if plan_action.done_on is not None:
        raise WrongStateError("This action is already done.")
    plan_action.outcome = outcome
    plan_action.done_on = done_on
    save(plan_action)
    complete_tasks(source=plan_action, kinds=[TaskKind.ACTION_OVERDUE], by=by)
    episode = plan_action.episode
    audit(by=by, action=AuditAction.PLAN_ACTION_DONE, obj=plan_action, school_id=episode.school_id)
    add_entry(
        pupil=episode.pupil,
        kind=EntryKind.PLAN,
        summary=f"Plan action done: {plan_action.action}. Outcome: {outcome}",
        by=by,
        source=plan_action,
    )
    return plan_action
