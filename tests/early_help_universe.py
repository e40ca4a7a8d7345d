"""Children and early help for the casework tests, built through actions on the universe.

Pupils (fictional): Ava and Ben Stone at Northfield Primary; Cai Rowe at Southbank Academy.
"""

from dataclasses import dataclass
from datetime import date

from earlyhelp.accounts.models import User
from earlyhelp.casework.actions.assessment import (
    AssessmentAnswers,
    add_plan_action,
    complete_assessment,
)
from earlyhelp.casework.actions.consent import record_consent
from earlyhelp.casework.actions.episodes import open_episode
from earlyhelp.casework.actions.referrals import refer_to_service
from earlyhelp.casework.actions.transfers import start_transfer
from earlyhelp.casework.models import ConsentScope, EarlyHelpEpisode
from earlyhelp.pupils.actions import import_roll
from earlyhelp.pupils.models import Pupil
from earlyhelp.pupils.roll import ROW_FIELDS, PupilRow
from earlyhelp.pupils.upn import make_upn
from earlyhelp.schools.models import School
from tests.signin import sign_in
from tests.universe import Universe

__all__ = ["sign_in"]  # staff sign-in with the second factor, for these tests

ANSWERS = AssessmentAnswers(
    worried_about="Ava is often tired and hungry in the morning.",
    working_well="Ava loves reading and has good friends.",
    needs_to_happen="Breakfast club every day; a check-in with her mum each week.",
    household="Ava lives with her mum and her brother Ben.",
    child_voice="I want to be less tired at school.",
)


@dataclass
class Children:
    ava: Pupil
    ben: Pupil
    cai: Pupil


def add_pupil(school: School, first: str, last: str, serial: int) -> Pupil:
    row = PupilRow(
        upn=make_upn(f"88820260{serial:04d}"),
        legal_first_name=first,
        legal_last_name=last,
        preferred_name="",
        date_of_birth=date(2017, 5, serial % 28 + 1),
        year_group="4",
        admitted_on=date(2021, 9, 1),
        given=frozenset(ROW_FIELDS),
    )
    import_roll(school=school, rows=[row], by=None)
    return Pupil.objects.get(school=school, upn=row.upn)


def build_children(u: Universe) -> Children:
    return Children(
        ava=add_pupil(u.northfield, "Ava", "Stone", 1),
        ben=add_pupil(u.northfield, "Ben", "Stone", 2),
        cai=add_pupil(u.southbank, "Cai", "Rowe", 3),
    )


def open_with_consent(
    pupil: Pupil, by: User, *, scope: str = ConsentScope.BOTH
) -> EarlyHelpEpisode:
    episode = open_episode(pupil=pupil, level=2, reason="Tired and hungry most mornings.", by=by)
    record_consent(
        episode=episode,
        given_by_name="Jo Stone",
        relationship="Mother",
        scope=scope,
        share_with="Testshire Young Carers",
        given_on=date(2026, 11, 2),
        by=by,
    )
    return episode


def assessed(pupil: Pupil, by: User) -> EarlyHelpEpisode:
    episode = open_with_consent(pupil, by)
    complete_assessment(
        episode=episode, answers=ANSWERS, scale=4, completed_on=date(2026, 11, 3), by=by
    )
    return episode


@dataclass(frozen=True)
class StaffUrlIds:
    """One object of each early help kind at Northfield, for tests that visit every URL."""

    consent_id: int
    action_id: int
    referral_id: int
    transfer_id: int  # a file Northfield is sending
    incoming_id: int  # a file sent to Northfield


def early_help_ids(u: Universe, pupil: Pupil, newcomer: Pupil) -> StaffUrlIds:
    """Early help for `pupil` (Northfield), who leaves; `newcomer` moves to Northfield."""
    episode = assessed(pupil, u.dee)
    action = add_plan_action(
        episode=episode,
        need="Food",
        action="Breakfast club",
        who="Dee Lane",
        due_on=date(2026, 12, 1),
        by=u.dee,
    )
    referral = refer_to_service(
        pupil=pupil,
        service=u.young_carers,
        summary="Cares for mum.",
        sent_on=date(2026, 11, 5),
        by=u.dee,
    )
    leaving = start_transfer(pupil=pupil, to_school=u.southbank, by=u.dee)
    arriving = start_transfer(pupil=newcomer, to_school=u.northfield, by=u.sam)
    return StaffUrlIds(
        consent_id=episode.consents.get().pk,
        action_id=action.pk,
        referral_id=referral.pk,
        transfer_id=leaving.pk,
        incoming_id=arriving.pk,
    )
