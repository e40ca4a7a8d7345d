"""A child's early help: the episode page and one form per step of the process."""

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from earlyhelp.accounts.models import User
from earlyhelp.accounts.staffviews import StaffRequest, posted, render_page, staff_page, staff_user
from earlyhelp.casework.access import get_casework_child_for_user
from earlyhelp.casework.actions import assessment as plan
from earlyhelp.casework.actions import consent, episodes, reviews
from earlyhelp.casework.forms import (
    AssessmentForm,
    AttendanceTargetForm,
    CloseForm,
    CompleteActionForm,
    ConsentForm,
    LeadForm,
    LevelForm,
    OpenEpisodeForm,
    PlanActionForm,
    ReviewForm,
    StepDownForm,
    StepUpForm,
    WithdrawConsentForm,
)
from earlyhelp.casework.models import EarlyHelpEpisode, PlanAction
from earlyhelp.casework.views._common import (
    active_episode,
    render_form,
    require_episode,
    to_episode,
)
from earlyhelp.lib.concurrency import StaleEdit, VersionedFormMixin, version_of
from earlyhelp.lib.errors import ActionError
from earlyhelp.lib.formvalues import day, number, optional, text
from earlyhelp.pupils.models import Pupil
from earlyhelp.ui.forms import GovukForm

type Save = Callable[[GovukForm], object]


@staff_page
def episode_page(request: StaffRequest, school_slug: str, pupil_id: int) -> HttpResponse:
    pupil = get_casework_child_for_user(
        staff_user(request), school_slug, pupil_id, page="early help"
    )
    current = active_episode(pupil)
    past = (
        EarlyHelpEpisode.objects.filter(pupil=pupil, status="closed")
        .only("pk", "level", "opened_at", "closed_at")
        .order_by("-closed_at")
    )
    context: dict[str, Any] = {"pupil": pupil, "episode": current, "past": list(past)}
    if current is not None:
        context.update(
            consents=list(current.consents.all()),
            assessment=current.assessments.select_related("completed_by").first(),
            actions=list(current.plan_actions.all()),
            reviews=list(current.reviews.all()),
            levels=list(current.level_changes.select_related("changed_by")),
        )
    return render_page(request, "casework/early_help/episode.html", pupil.school, **context)


def _child_and_episode(
    request: HttpRequest, school_slug: str, pupil_id: int, step: str
) -> tuple[Pupil, EarlyHelpEpisode, User]:
    """The child, through the one access check (audited as viewing "early help: <step>"),
    their open episode (404 without one) and the person asking."""
    by = staff_user(request)
    pupil = get_casework_child_for_user(by, school_slug, pupil_id, page=f"early help: {step}")
    return pupil, require_episode(pupil), by


def _form_step(
    request: HttpRequest,
    pupil: Pupil,
    form: GovukForm,
    save: Save,
    *,
    done: str,
    title: str,
    button: str,
    intro: str = "",
    warning: str = "",
) -> HttpResponse:
    """Validate, call the action, and go back to the episode; show the action's refusal."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form)
        except StaleEdit as stale:
            assert isinstance(form, VersionedFormMixin)
            form.show_stale(stale)
        except ActionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, done)
            return to_episode(pupil)
    back = reverse("children:early-help", args=[pupil.school.slug, pupil.pk])
    return render_form(
        request, pupil, form, title=title, button=button, back=back, intro=intro, warning=warning
    )


@staff_page
def open_early_help(request: StaffRequest, school_slug: str, pupil_id: int) -> HttpResponse:
    pupil = get_casework_child_for_user(
        staff_user(request), school_slug, pupil_id, page="early help: open"
    )
    by = staff_user(request)
    return _form_step(
        request,
        pupil,
        OpenEpisodeForm(posted(request)),
        lambda f: episodes.open_episode(
            pupil=pupil,
            level=number(f, "level"),
            reason=text(f, "reason"),
            lead_practitioner_name=text(f, "lead_practitioner_name"),
            by=by,
        ),
        done="Early help is open.",
        title="Open early help",
        button="Open early help",
        intro="Early help is voluntary: record the family’s consent next.",
    )


@staff_page
def add_consent(request: StaffRequest, school_slug: str, pupil_id: int) -> HttpResponse:
    pupil, episode, by = _child_and_episode(request, school_slug, pupil_id, "consent")
    return _form_step(
        request,
        pupil,
        ConsentForm(posted(request)),
        lambda f: consent.record_consent(
            episode=episode,
            given_by_name=text(f, "given_by_name"),
            relationship=text(f, "relationship"),
            scope=text(f, "scope"),
            share_with=text(f, "share_with"),
            given_on=day(f, "given_on"),
            by=by,
        ),
        done="Consent recorded.",
        title="Record consent",
        button="Record consent",
    )


@staff_page
def withdraw(
    request: StaffRequest, school_slug: str, pupil_id: int, consent_id: int
) -> HttpResponse:
    pupil, episode, by = _child_and_episode(request, school_slug, pupil_id, "withdraw consent")
    given = get_object_or_404(episode.consents, pk=consent_id, withdrawn_on__isnull=True)
    return _form_step(
        request,
        pupil,
        WithdrawConsentForm(posted(request)),
        lambda f: consent.withdraw_consent(
            consent=given, withdrawn_on=day(f, "withdrawn_on"), by=by
        ),
        done="Consent withdrawn.",
        title=f"Withdraw {given.given_by_name}’s consent",
        button="Withdraw consent",
        warning="Without consent to an assessment no assessment can be completed, and without "
        "consent to sharing no referral can be made to a service.",
    )


@staff_page
def assess(request: StaffRequest, school_slug: str, pupil_id: int) -> HttpResponse:
    pupil, episode, by = _child_and_episode(request, school_slug, pupil_id, "assessment")

    def save(f: GovukForm) -> object:
        answers = plan.AssessmentAnswers(
            worried_about=text(f, "worried_about"),
            working_well=text(f, "working_well"),
            needs_to_happen=text(f, "needs_to_happen"),
            household=text(f, "household"),
            significant_adults=text(f, "significant_adults"),
            professionals_involved=text(f, "professionals_involved"),
            child_voice=text(f, "child_voice"),
        )
        return plan.complete_assessment(
            episode=episode,
            answers=answers,
            scale=number(f, "scale"),
            completed_on=day(f, "completed_on"),
            by=by,
        )

    return _form_step(
        request,
        pupil,
        AssessmentForm(posted(request)),
        save,
        done="Early Help Assessment saved.",
        title="Early Help Assessment",
        button="Save the assessment",
    )


@staff_page
def add_action(request: StaffRequest, school_slug: str, pupil_id: int) -> HttpResponse:
    pupil, episode, by = _child_and_episode(request, school_slug, pupil_id, "plan")
    return _form_step(
        request,
        pupil,
        PlanActionForm(posted(request)),
        lambda f: plan.add_plan_action(
            episode=episode,
            need=text(f, "need"),
            action=text(f, "action"),
            who=text(f, "who"),
            due_on=day(f, "due_on"),
            by=by,
        ),
        done="Action added to the plan.",
        title="Add an action to the plan",
        button="Add the action",
    )


@staff_page
def complete_action(
    request: StaffRequest, school_slug: str, pupil_id: int, action_id: int
) -> HttpResponse:
    pupil, episode, by = _child_and_episode(request, school_slug, pupil_id, "plan")
    action = get_object_or_404(PlanAction, pk=action_id, episode=episode, done_on__isnull=True)
    return _form_step(
        request,
        pupil,
        CompleteActionForm(posted(request)),
        lambda f: plan.complete_action(
            plan_action=action, outcome=text(f, "outcome"), done_on=day(f, "done_on"), by=by
        ),
        done="Action marked as done.",
        title="Mark the action as done",
        button="Save",
        intro=action.action,
    )


@staff_page
def lead(request: StaffRequest, school_slug: str, pupil_id: int) -> HttpResponse:
    pupil, episode, by = _child_and_episode(request, school_slug, pupil_id, "lead practitioner")
    return _form_step(
        request,
        pupil,
        LeadForm(
            posted(request),
            initial={"name": episode.lead_name},
            version=version_of(episode, episodes.LEAD_FIELDS),
        ),
        lambda f: episodes.set_lead_practitioner(
            episode=episode,
            name=text(f, "name"),
            by=by,
            expected_version=text(f, "base_version") or None,
        ),
        done="Lead practitioner saved.",
        title="Lead practitioner",
        button="Save",
    )


@staff_page
def review(request: StaffRequest, school_slug: str, pupil_id: int) -> HttpResponse:
    pupil, episode, by = _child_and_episode(request, school_slug, pupil_id, "review")
    return _form_step(
        request,
        pupil,
        ReviewForm(posted(request)),
        lambda f: reviews.record_review(
            episode=episode,
            held_on=day(f, "held_on"),
            outcome=text(f, "outcome"),
            scale=number(f, "scale"),
            notes=text(f, "notes"),
            by=by,
        ),
        done="Review recorded.",
        title="Team Around the Family review",
        button="Record the review",
    )


@staff_page
def attendance_target(request: StaffRequest, school_slug: str, pupil_id: int) -> HttpResponse:
    pupil, episode, by = _child_and_episode(request, school_slug, pupil_id, "attendance target")
    initial = {"target": episode.attendance_target}
    return _form_step(
        request,
        pupil,
        AttendanceTargetForm(posted(request), initial=initial),
        lambda f: episodes.set_attendance_target(
            episode=episode, target=optional(f, "target", Decimal), by=by
        ),
        done="Attendance target saved.",
        title="Attendance target",
        button="Save the target",
        intro="Each review then shows the child's attendance this school year beside it.",
    )


@staff_page
def change_level(request: StaffRequest, school_slug: str, pupil_id: int) -> HttpResponse:
    pupil, episode, by = _child_and_episode(request, school_slug, pupil_id, "level of need")
    return _form_step(
        request,
        pupil,
        LevelForm(posted(request)),
        lambda f: episodes.change_level(
            episode=episode, level=number(f, "level"), reason=text(f, "reason"), by=by
        ),
        done="Level of need changed.",
        title="Change the level of need",
        button="Change the level",
    )


@staff_page
def step_up(request: StaffRequest, school_slug: str, pupil_id: int) -> HttpResponse:
    pupil, episode, by = _child_and_episode(request, school_slug, pupil_id, "step up")
    la = pupil.school.local_authority
    return _form_step(
        request,
        pupil,
        StepUpForm(posted(request)),
        lambda f: episodes.step_up(episode=episode, summary=text(f, "summary"), by=by),
        done=f"Stepped up: the referral to {la.front_door_name} is recorded.",
        title=f"Step up to {la.name}’s {la.front_door_name}",
        button="Step up",
        warning=f"If the child is at immediate risk, call {la.front_door_name} or 999 now, "
        "and record after. Stepping up shares this record with the local authority’s officers.",
    )


@staff_page
def step_down(request: StaffRequest, school_slug: str, pupil_id: int) -> HttpResponse:
    pupil, episode, by = _child_and_episode(request, school_slug, pupil_id, "step down")
    return _form_step(
        request,
        pupil,
        StepDownForm(posted(request)),
        lambda f: episodes.step_down(
            episode=episode, level=number(f, "level"), reason=text(f, "reason"), by=by
        ),
        done="Stepped down.",
        title="Step down",
        button="Step down",
    )


@staff_page
def close(request: StaffRequest, school_slug: str, pupil_id: int) -> HttpResponse:
    pupil, episode, by = _child_and_episode(request, school_slug, pupil_id, "close")
    open_actions = episode.plan_actions.filter(done_on__isnull=True).count()
    return _form_step(
        request,
        pupil,
        CloseForm(posted(request)),
        lambda f: episodes.close_episode(
            episode=episode,
            reason=text(f, "reason"),
            open_actions_reason=text(f, "open_actions_reason"),
            by=by,
        ),
        done="Early help is closed.",
        title="Close early help",
        button="Close early help",
        warning=(
            f"The plan has {open_actions} open action{'s' if open_actions != 1 else ''}."
            if open_actions
            else ""
        ),
    )
