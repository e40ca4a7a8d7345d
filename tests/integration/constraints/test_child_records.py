"""The database refuses impossible child records: tasks, early help, meetings, referrals,
terms, transfers, concerns, retention holds and attendance (tests/constraints.py). The
episode, scale, consent and referral-target rules are in tests/unit/casework/
test_episode_constraints.py."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from earlyhelp.attendance.models import (
    AlertKind,
    AttendanceAlert,
    DayMarks,
    MissingEducationNotice,
)
from earlyhelp.casework.models import Meeting, Review, SchoolTerm
from earlyhelp.concerns.models import ConcernPupil
from tests.concerns_universe import add_roll, log
from tests.constraints import copy_of, refused
from tests.early_help_universe import assessed, build_children

pytestmark = pytest.mark.django_db

DAY = date(2026, 11, 2)


def test_a_done_task_says_who_did_it(universe):
    refused(
        "task_done_has_who",
        school=universe.northfield,
        kind="review_due",
        title="Review Ava's plan",
        due_on=DAY,
        created_at=timezone.now(),
        done_at=timezone.now(),
        done_by=None,
    )


def test_a_level_change_comes_from_a_level_1_to_4(universe):
    episode = assessed(build_children(universe).ava, universe.dee)
    refused(
        "level_change_from_1_to_4",
        episode=episode,
        from_level=0,
        to_level=2,
        reason="x",
        changed_at=timezone.now(),
    )


def test_the_next_review_is_after_this_one(universe):
    episode = assessed(build_children(universe).ava, universe.dee)
    review = Review(episode=episode, held_on=DAY, outcome="positive", scale=5)
    refused(
        "review_next_after_held",
        **copy_of(review, recorded_at=timezone.now(), next_review_on=DAY),
    )


def test_a_school_holds_one_meeting_a_day(universe):
    meeting = Meeting.objects.create(
        school=universe.northfield, held_on=DAY, created_at=timezone.now()
    )
    refused("meeting_one_per_day", **copy_of(meeting, attendees="Someone else"))


def test_a_referrals_follow_up_is_on_or_after_it_was_sent(universe):
    refused(
        "referral_follow_up_after_sent",
        pupil=build_children(universe).ava,
        school=universe.northfield,
        service=universe.young_carers,
        summary="x",
        sent_on=DAY,
        follow_up_on=DAY - timedelta(days=1),
        created_at=timezone.now(),
    )


def test_two_terms_of_a_school_cannot_start_on_the_same_day(universe):
    term = SchoolTerm.objects.create(
        school=universe.northfield, name="Autumn", starts_on=date(2026, 9, 3), ends_on=DAY
    )
    refused("term_unique_start", **copy_of(term, name="Autumn again"))


def test_an_acknowledged_transfer_says_who_acknowledged_it(universe):
    children = build_children(universe)
    refused(
        "transfer_acknowledged_by_someone",
        pupil=children.ava,
        from_school=universe.northfield,
        to_school=universe.southbank,
        created_at=timezone.now(),
        due_by=DAY,
        package_json="{}",
        acknowledged_at=timezone.now(),
        acknowledged_by=None,
    )


def test_a_staff_concern_has_no_public_message_kind(universe):
    roll = add_roll(universe)
    concern = log(universe.tom, roll.amy)
    refused(
        "concern_message_kind_only_on_public_messages",
        **copy_of(concern, source="staff", message_kind="bullying"),
    )


def test_a_child_is_in_a_concern_once(universe):
    roll = add_roll(universe)
    part = ConcernPupil.objects.get(concern=log(universe.tom, roll.amy), pupil=roll.amy)
    refused("concern_pupil_once", **copy_of(part))


def test_a_triage_decision_gives_its_reason(universe):
    roll = add_roll(universe)
    refused(
        "triage_reason_given",
        concern=log(universe.tom, roll.amy),
        outcome="monitor",
        reason="",
        decided_by=universe.dee,
        decided_at=timezone.now(),
    )


def test_a_lifted_retention_hold_says_why(universe):
    refused(
        "hold_lifted_has_reason",
        pupil=build_children(universe).ava,
        reason="Court order",
        placed_at=timezone.now(),
        lifted_at=timezone.now(),
        lift_reason="",
    )


def test_a_register_has_one_row_per_pupil_and_day(universe):
    ava = build_children(universe).ava
    marks = DayMarks.objects.create(
        pupil=ava, school=universe.northfield, date=DAY, am="/", pm="\\"
    )
    refused("attendance_one_row_per_day", **copy_of(marks, pm="/"))


def test_a_register_row_has_at_least_one_mark(universe):
    ava = build_children(universe).ava
    refused(
        "attendance_day_has_a_mark", pupil=ava, school=universe.northfield, date=DAY, am="", pm=""
    )


def test_an_amendment_changes_the_code(universe):
    refused(
        "attendance_amendment_changes_code",
        pupil=build_children(universe).ava,
        school=universe.northfield,
        date=DAY,
        session="AM",
        original_code="N",
        new_code="N",
        amended_at=timezone.now(),
        amended_by_id=str(universe.dee.pk),
        amended_by_name="Dee Lane",
    )


def test_an_attendance_threshold_is_crossed_once_a_period(universe):
    ava = build_children(universe).ava
    alert = AttendanceAlert.objects.create(
        pupil=ava,
        school=universe.northfield,
        kind=AlertKind.PERSISTENT,
        period_start=date(2026, 9, 1),
        crossed_on=DAY,
        raised_at=timezone.now(),
    )
    refused("attendance_alert_once", **copy_of(alert, crossed_on=DAY + timedelta(days=7)))


def test_a_missing_education_run_is_notified_once(universe):
    notice = MissingEducationNotice.objects.create(
        pupil=build_children(universe).ava,
        school=universe.northfield,
        local_authority=universe.county,
        first_day=DAY,
        notified_at=timezone.now(),
        notified_by_id=str(universe.dee.pk),
        notified_by_name="Dee Lane",
    )
    refused(
        "attendance_missing_education_told_once",
        **copy_of(notice, notified_at=timezone.now() + timedelta(hours=1)),
    )
