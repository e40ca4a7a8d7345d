"""Demo early help on top of the demo casework: every stage, in each demo school.

Runs after `demo/casework.py` (which adds the roll and the concerns) and uses its children:
- the "school early help" child: early help with consent, an assessment and a plan (one
  action done, one overdue), and a Team Around the Family review now due;
- the "refer to a service" child: consent to sharing and a referral waiting past its
  follow-up date;
- the "step up" child: stepped up to the front door;
- a child whose early help closed with a reason, and one making progress;
- a child who has left, with a child protection file transfer waiting for receipt;
- the term dates of 2026–27, last week's safeguarding meeting with a decision, and the
  tasks the graduated clock makes from all of this.
All of it fictional and written through the actions, as real records are.
"""

from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone

from earlyhelp.accounts.models import Membership, User
from earlyhelp.accounts.roles import Role
from earlyhelp.casework.actions.assessment import (
    AssessmentAnswers,
    add_plan_action,
    complete_action,
    complete_assessment,
)
from earlyhelp.casework.actions.consent import record_consent
from earlyhelp.casework.actions.episodes import close_episode, open_episode, step_up
from earlyhelp.casework.actions.meetings import hold_meeting, record_decision
from earlyhelp.casework.actions.referrals import refer_to_service, update_referral_status
from earlyhelp.casework.actions.reviews import record_review
from earlyhelp.casework.actions.terms import set_term
from earlyhelp.casework.actions.transfers import start_transfer
from earlyhelp.casework.clock import run_clock
from earlyhelp.casework.models import AgendaItemKind, ConsentScope, EarlyHelpEpisode
from earlyhelp.directory.models import Scope, Service, ServiceStatus
from earlyhelp.pupils.models import Pupil
from earlyhelp.schools.models import School

TERMS_2026_27 = [
    ("Autumn 2026", date(2026, 9, 3), date(2026, 12, 18)),
    ("Spring 2027", date(2027, 1, 5), date(2027, 3, 26)),
    ("Summer 2027", date(2027, 4, 12), date(2027, 7, 21)),
]
# Which of demo/casework.py's children (by position on the roll) is at which stage.
EARLY_HELP, REFERRED, STEPPED_UP, CLOSED, PROGRESSING, LEAVING = 14, 4, 16, 18, 20, 22
ANSWERS = AssessmentAnswers(
    household="Lives with mum and two younger sisters; dad moved out in the summer.",
    significant_adults="Mum; nan, who collects the children twice a week.",
    professionals_involved="School nurse (one visit in October).",
    child_voice="I get sad when everyone shouts. I like it when nan picks us up.",
    worried_about="Upset and tearful in school most days; arguments at home; late three "
    "mornings a week.",
    working_well="Mum came to every meeting and wants help. He has two good friends and "
    "loves football club.",
    needs_to_happen="Weekly check-in with the learning mentor; mum to try the parenting "
    "course; breakfast club so mornings are calmer.",
)


def load_early_help() -> None:
    """For each demo school with a DSL login and a roll: early help at every stage."""
    schools = list(School.objects.order_by("name"))
    for school in schools:
        dsl = _dsl(school)
        pupils = list(Pupil.objects.filter(school=school).order_by("upn"))
        if dsl is None or len(pupils) <= LEAVING:
            continue
        for name, starts, ends in TERMS_2026_27:
            set_term(school=school, name=name, starts_on=starts, ends_on=ends, by=dsl)
        _early_help(pupils[EARLY_HELP], dsl)
        _referred(pupils[REFERRED], dsl)
        _stepped_up(pupils[STEPPED_UP], dsl)
        _closed(pupils[CLOSED], dsl)
        _progressing(pupils[PROGRESSING], dsl)
        others = [s for s in schools if s.pk != school.pk and _dsl(s) is not None]
        _leaving(pupils[LEAVING], dsl, others[0] if others else None)
        _meeting(school, pupils[EARLY_HELP], dsl)
    run_clock()


def _dsl(school: School) -> User | None:
    found = Membership.objects.filter(school=school, role=Role.DSL).select_related("user").first()
    return found.user if found else None


def _ago(days: int) -> date:
    return timezone.localdate() - timedelta(days=days)


def _opened(pupil: Pupil, dsl: User, *, level: int, days_ago: int, reason: str) -> EarlyHelpEpisode:
    opened_at = timezone.make_aware(datetime.combine(_ago(days_ago), time(10)))
    episode = open_episode(
        pupil=pupil,
        level=level,
        reason=reason,
        opened_at=opened_at,
        by=dsl,
        lead_practitioner=dsl,
    )
    record_consent(
        episode=episode,
        given_by_name=f"(demo) {pupil.legal_last_name} parent",
        relationship="Mother",
        scope=ConsentScope.BOTH,
        share_with="School nurse; the county's family support services",
        given_on=_ago(days_ago - 1),
        by=dsl,
    )
    return episode


def _assessed(episode: EarlyHelpEpisode, dsl: User, *, days_ago: int, scale: int) -> None:
    complete_assessment(
        episode=episode, answers=ANSWERS, scale=scale, completed_on=_ago(days_ago), by=dsl
    )


def _early_help(pupil: Pupil, dsl: User) -> None:
    episode = _opened(pupil, dsl, level=2, days_ago=50, reason="Upset at school; home is hard.")
    _assessed(episode, dsl, days_ago=45, scale=4)
    done = add_plan_action(
        episode=episode,
        need="Calmer mornings",
        action="A place at breakfast club",
        who="Office manager",
        due_on=_ago(35),
        by=dsl,
    )
    complete_action(plan_action=done, outcome="Comes four days a week.", done_on=_ago(36), by=dsl)
    add_plan_action(
        episode=episode,
        need="Someone to talk to",
        action="Weekly check-in with the learning mentor",
        who="Learning mentor",
        due_on=_ago(5),
        by=dsl,
    )


def _referred(pupil: Pupil, dsl: User) -> None:
    episode = _opened(pupil, dsl, level=2, days_ago=30, reason="Young carer for her mum.")
    _assessed(episode, dsl, days_ago=28, scale=5)
    service = (
        Service.objects.filter(status=ServiceStatus.ACTIVE)
        .exclude(Q(scope=Scope.SCHOOL))
        .order_by("scope", "name")
        .first()
    )
    if service is None:
        return
    referral = refer_to_service(
        pupil=pupil,
        service=service,
        summary="Cares for her mum most evenings; the family agreed to a referral.",
        sent_on=_ago(20),
        follow_up_on=_ago(6),
        by=dsl,
    )
    update_referral_status(
        referral=referral, status="waiting", note="On their waiting list.", by=dsl
    )


def _stepped_up(pupil: Pupil, dsl: User) -> None:
    episode = _opened(pupil, dsl, level=3, days_ago=14, reason="Worries about harm at home.")
    referral = step_up(
        episode=episode,
        summary="Disclosure of being hit at home, marks seen at PE. Early help since "
        "two weeks ago; the front door advised a written referral.",
        by=dsl,
    )
    update_referral_status(referral=referral, status="accepted", note="Assessment started.", by=dsl)


def _closed(pupil: Pupil, dsl: User) -> None:
    episode = _opened(pupil, dsl, level=2, days_ago=150, reason="Not sleeping; late often.")
    _assessed(episode, dsl, days_ago=145, scale=3)
    action = add_plan_action(
        episode=episode,
        need="Sleep",
        action="Bedtime routine plan with the school nurse",
        who="School nurse",
        due_on=_ago(120),
        by=dsl,
    )
    complete_action(plan_action=action, outcome="Sleeping better.", done_on=_ago(118), by=dsl)
    record_review(episode=episode, held_on=_ago(100), outcome="positive", scale=8, by=dsl)
    close_episode(
        episode=episode, reason="Moving on: needs met, the family is happy to close.", by=dsl
    )


def _progressing(pupil: Pupil, dsl: User) -> None:
    episode = _opened(pupil, dsl, level=3, days_ago=90, reason="Several worries at once.")
    _assessed(episode, dsl, days_ago=85, scale=3)
    add_plan_action(
        episode=episode,
        need="Confidence",
        action="Nurture group at lunchtime",
        who="Teaching assistant",
        due_on=_ago(-20),
        by=dsl,
    )
    record_review(
        episode=episode,
        held_on=_ago(20),
        outcome="positive",
        scale=6,
        notes="Happier; attendance up.",
        by=dsl,
    )


def _leaving(pupil: Pupil, dsl: User, other: School | None) -> None:
    if other is not None:
        start_transfer(pupil=pupil, to_school=other, by=dsl)
    else:
        start_transfer(pupil=pupil, receiving_school_name="(demo) Hillside Primary", by=dsl)


def _meeting(school: School, pupil: Pupil, dsl: User) -> None:
    meeting = hold_meeting(school=school, held_on=_ago(7), attendees=f"{dsl}\nDeputy DSL", by=dsl)
    record_decision(
        meeting=meeting,
        pupil=pupil,
        item_kind=AgendaItemKind.OTHER,
        item_key=f"other-{pupil.pk}",
        decision="Review the plan with mum next week; keep the breakfast club place.",
        by=dsl,
    )
