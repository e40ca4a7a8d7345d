"""The graduated response clock, with frozen time: each due thing becomes one task."""

from datetime import date

import pytest
import time_machine
from django.core.management import call_command

from earlyhelp.casework.actions.assessment import add_plan_action, complete_action
from earlyhelp.casework.actions.referrals import refer_to_service
from earlyhelp.casework.actions.reviews import record_review
from earlyhelp.casework.actions.transfers import acknowledge_transfer, start_transfer
from earlyhelp.casework.clock import run_clock
from earlyhelp.casework.models import SchoolTerm
from earlyhelp.records.models import Task, TaskKind
from tests.early_help_universe import assessed, open_with_consent

pytestmark = pytest.mark.django_db


def open_tasks(kind):
    return list(Task.objects.filter(kind=kind, done_at__isnull=True))


def terms(school):
    for name, start, end in [
        ("Autumn 2026", date(2026, 9, 3), date(2026, 12, 18)),
        ("Spring 2027", date(2027, 1, 5), date(2027, 3, 26)),
        ("Summer 2027", date(2027, 4, 12), date(2027, 7, 21)),
    ]:
        SchoolTerm.objects.create(school=school, name=name, starts_on=start, ends_on=end)


def test_review_due_surfaces_a_week_ahead_once_and_goes_when_held(universe, children):
    with time_machine.travel("2026-11-02 09:00Z", tick=False):
        episode = assessed(children.ava, universe.dee)  # next review 14 December
    assert run_clock(today=date(2026, 12, 6))[TaskKind.REVIEW_DUE] == 0
    assert run_clock(today=date(2026, 12, 7))[TaskKind.REVIEW_DUE] == 1
    assert run_clock(today=date(2026, 12, 8))[TaskKind.REVIEW_DUE] == 0  # idempotent
    (task,) = open_tasks(TaskKind.REVIEW_DUE)
    assert task.due_on == date(2026, 12, 14)
    assert task.title == "Team Around the Family review due: Ava Stone"
    record_review(
        episode=episode, held_on=date(2026, 12, 9), outcome="no_change", scale=5, by=universe.dee
    )
    assert open_tasks(TaskKind.REVIEW_DUE) == []


def test_overdue_plan_action_until_done(universe, children):
    episode = assessed(children.ava, universe.dee)
    action = add_plan_action(
        episode=episode,
        need="Food",
        action="Breakfast club",
        who="Dee",
        due_on=date(2026, 11, 20),
        by=universe.dee,
    )
    assert run_clock(today=date(2026, 11, 20))[TaskKind.ACTION_OVERDUE] == 0
    assert run_clock(today=date(2026, 11, 21))[TaskKind.ACTION_OVERDUE] == 1
    complete_action(
        plan_action=action, outcome="Going daily", done_on=date(2026, 11, 22), by=universe.dee
    )
    assert open_tasks(TaskKind.ACTION_OVERDUE) == []
    assert run_clock(today=date(2026, 11, 23))[TaskKind.ACTION_OVERDUE] == 0


def test_a_term_without_a_plan(universe, children):
    terms(universe.northfield)
    with time_machine.travel("2026-10-01 09:00Z", tick=False):
        open_with_consent(children.ava, universe.dee)
    # Three calendar months have passed by 1 January, but not a term of school days:
    # the Christmas holiday does not count.
    assert run_clock(today=date(2027, 1, 20))[TaskKind.NO_PLAN] == 0
    assert run_clock(today=date(2027, 2, 15))[TaskKind.NO_PLAN] == 1
    (task,) = open_tasks(TaskKind.NO_PLAN)
    assert date(2027, 1, 20) < task.due_on <= date(2027, 2, 15)


def test_two_terms_without_progress_unless_a_review_scales_higher(universe, children):
    terms(universe.northfield)
    with time_machine.travel("2026-10-01 09:00Z", tick=False):
        stuck = assessed(children.ava, universe.dee)  # scale 4
        better = assessed(children.ben, universe.dee)
    for episode, scale in ((stuck, 4), (better, 6)):
        record_review(
            episode=episode,
            held_on=date(2027, 2, 1),
            outcome="no_change",
            scale=scale,
            by=universe.dee,
        )
    made = run_clock(today=date(2027, 7, 1))
    assert made[TaskKind.NO_PROGRESS] == 1
    (task,) = open_tasks(TaskKind.NO_PROGRESS)
    assert task.pupil == children.ava


def test_referral_waiting_past_its_follow_up(universe, children):
    assessed(children.ava, universe.dee)
    refer_to_service(
        pupil=children.ava,
        service=universe.young_carers,
        summary="Cares for her mum.",
        sent_on=date(2026, 11, 5),
        follow_up_on=date(2026, 11, 19),
        by=universe.dee,
    )
    assert run_clock(today=date(2026, 11, 19))[TaskKind.REFERRAL_FOLLOW_UP] == 0
    assert run_clock(today=date(2026, 11, 20))[TaskKind.REFERRAL_FOLLOW_UP] == 1


def test_file_transfer_past_five_school_days(universe, children):
    with time_machine.travel("2026-11-24 09:00Z", tick=False):  # a Tuesday
        transfer = start_transfer(pupil=children.ava, to_school=universe.southbank, by=universe.dee)
    assert transfer.due_by == date(2026, 12, 1)
    assert run_clock(today=date(2026, 12, 1))[TaskKind.FILE_TRANSFER] == 0
    assert run_clock(today=date(2026, 12, 2))[TaskKind.FILE_TRANSFER] == 1
    acknowledge_transfer(transfer=transfer, by=universe.sam)
    assert open_tasks(TaskKind.FILE_TRANSFER) == []


def test_the_command_runs_for_a_date_and_again_makes_nothing(universe, children, capsys):
    with time_machine.travel("2026-11-02 09:00Z", tick=False):
        assessed(children.ava, universe.dee)
    call_command("casework_clock", "--date", "2026-12-10")
    assert "Team Around the Family review due: 1 new" in capsys.readouterr().out
    call_command("casework_clock", "--date", "2026-12-10")
    assert "No new tasks." in capsys.readouterr().out


def test_the_clock_survives_out_of_range_dates_stored_before_validation(universe, children):
    """Rows written before dates were bounded (year 0001 or 9999) must not crash the clock."""
    with time_machine.travel("2026-11-02 09:00Z", tick=False):
        episode = open_with_consent(children.ava, universe.dee)
    SchoolTerm.objects.create(
        school=universe.northfield, name="Typo", starts_on=date(1, 1, 1), ends_on=date(1, 2, 1)
    )
    SchoolTerm.objects.create(
        school=universe.northfield,
        name="Typo too",
        starts_on=date(9999, 1, 1),
        ends_on=date(9999, 12, 31),
    )
    add_plan_action(
        episode=episode, need="Food", action="Club", who="Dee", due_on=date(2027, 1, 1), by=None
    )
    episode.plan_actions.update(due_on=date(1, 1, 1))
    with time_machine.travel("2027-06-01 09:00Z", tick=False):
        call_command("casework_clock")
        assert len(open_tasks(TaskKind.ACTION_OVERDUE)) == 1
