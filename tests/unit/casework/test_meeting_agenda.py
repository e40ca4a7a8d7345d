"""The weekly meeting: an agenda from the records, and decisions into each chronology."""

from datetime import date, datetime

import pytest
import time_machine

from earlyhelp.casework.actions.assessment import add_plan_action
from earlyhelp.casework.actions.errors import WrongStateError
from earlyhelp.casework.actions.meetings import hold_meeting, record_decision
from earlyhelp.casework.actions.referrals import refer_to_service
from earlyhelp.casework.agenda import build_agenda
from earlyhelp.casework.models import AgendaItemKind
from earlyhelp.concerns.actions import ConcernDetails, Involved, log_concern
from earlyhelp.records.models import EntryKind
from tests.early_help_universe import assessed

pytestmark = pytest.mark.django_db


def concern(universe, by, *pupils, at):
    with time_machine.travel(at, tick=False):
        return log_concern(
            school=universe.northfield,
            details=ConcernDetails(
                account="Said she had no tea last night.", occurred_at=datetime.fromisoformat(at)
            ),
            pupils=[Involved(p) for p in pupils],
            by=by,
        ).concern


@pytest.fixture
def busy_week(universe, children):
    with time_machine.travel("2026-10-01 09:00Z", tick=False):
        episode = assessed(children.ava, universe.dee)  # review due 12 November
    add_plan_action(
        episode=episode,
        need="Food",
        action="Breakfast club",
        who="Dee Lane",
        due_on=date(2026, 11, 6),
        by=universe.dee,
    )
    refer_to_service(
        pupil=children.ava,
        service=universe.young_carers,
        summary="Cares for mum.",
        sent_on=date(2026, 10, 20),
        follow_up_on=date(2026, 11, 3),
        by=universe.dee,
    )
    concern(universe, universe.tom, children.ava, children.ben, at="2026-11-05T10:00+00:00")
    concern(universe, universe.ed, children.ben, at="2026-11-06T10:00+00:00")
    concern(universe, universe.tom, children.ben, at="2026-10-20T10:00+00:00")  # old


def test_the_agenda_for_a_date(universe, children, busy_week):
    agenda = build_agenda(universe.northfield, date(2026, 11, 9))
    sections = {k: [i.pupil.first_name for i in v] for k, v in agenda.sections.items()}
    assert sections[AgendaItemKind.NEW_CONCERN] == ["Ava", "Ben", "Ben"]
    assert sections[AgendaItemKind.REVIEW_DUE] == ["Ava"]
    assert sections[AgendaItemKind.ACTION_OVERDUE] == ["Ava"]
    assert sections[AgendaItemKind.PATTERN] == ["Ben"]  # Tom and Ed within 7 days
    assert sections[AgendaItemKind.REFERRAL_WAITING] == ["Ava"]


def test_new_concerns_start_after_the_last_meeting(universe, children, busy_week):
    hold_meeting(school=universe.northfield, held_on=date(2026, 11, 5), attendees="Dee", by=None)
    agenda = build_agenda(universe.northfield, date(2026, 11, 9))
    assert [i.pupil.first_name for i in agenda.sections[AgendaItemKind.NEW_CONCERN]] == ["Ben"]


def test_a_decision_goes_into_the_childs_chronology(universe, children, busy_week):
    meeting = hold_meeting(
        school=universe.northfield, held_on=date(2026, 11, 9), attendees="Dee Lane", by=None
    )
    item = build_agenda(universe.northfield, date(2026, 11, 9)).sections[AgendaItemKind.PATTERN][0]
    record_decision(
        meeting=meeting,
        pupil=item.pupil,
        item_kind=item.kind,
        item_key=item.key,
        decision="Talk to Ben's dad this week.",
        by=universe.dee,
    )
    entry = children.ben.chronology_entries.filter(kind=EntryKind.MEETING).get()
    assert "Talk to Ben's dad" in entry.summary
    again = build_agenda(universe.northfield, date(2026, 11, 9)).find(item.key)
    assert again is not None and [d.decision for d in again.decisions] == [
        "Talk to Ben's dad this week."
    ]


def test_a_decision_about_another_schools_child_is_refused(universe, children):
    meeting = hold_meeting(
        school=universe.northfield, held_on=date(2026, 11, 9), attendees="", by=None
    )
    with pytest.raises(WrongStateError):
        record_decision(
            meeting=meeting,
            pupil=children.cai,
            item_kind=AgendaItemKind.OTHER,
            item_key="other",
            decision="No.",
            by=universe.dee,
        )
