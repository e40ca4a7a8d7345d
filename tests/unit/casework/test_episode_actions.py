"""Early help episodes: opening, consent, assessment, plan, reviews, levels, closing."""

from datetime import date, timedelta

import pytest
import time_machine

from earlyhelp.audit.models import AuditEvent
from earlyhelp.casework.actions.assessment import (
    add_plan_action,
    complete_action,
    complete_assessment,
)
from earlyhelp.casework.actions.consent import record_consent, withdraw_consent
from earlyhelp.casework.actions.episodes import (
    change_level,
    close_episode,
    open_episode,
    set_lead_practitioner,
    step_down,
    step_up,
)
from earlyhelp.casework.actions.errors import (
    ConsentRequiredError,
    OpenActionsError,
    WrongStateError,
)
from earlyhelp.casework.actions.reviews import record_review
from earlyhelp.casework.models import (
    CaseworkSettings,
    ConsentScope,
    EpisodeStatus,
    ReferralStatus,
    ReviewOutcome,
)
from earlyhelp.records.chronology import list_entries
from earlyhelp.records.models import EntryKind
from tests.early_help_universe import ANSWERS, assessed, open_with_consent

pytestmark = pytest.mark.django_db


def kinds(pupil):
    return [e.kind for e in list_entries(pupil)]


@time_machine.travel("2026-11-02 10:00Z", tick=False)
def test_opening_early_help_records_the_level_audit_and_chronology(universe, children):
    episode = open_episode(pupil=children.ava, level=2, reason="Often hungry.", by=universe.dee)
    assert episode.status == EpisodeStatus.OPEN
    assert episode.next_review_on == date(2026, 12, 14)  # 6 weeks: the default interval
    assert episode.level_changes.get().to_level == 2
    assert AuditEvent.objects.filter(action="early_help.opened").count() == 1
    entry = list_entries(children.ava).get()
    assert entry.kind == EntryKind.LEVEL_CHANGE
    assert "Often hungry." in entry.summary


def test_a_child_has_one_open_episode_at_a_time(universe, children):
    open_episode(pupil=children.ava, level=2, reason="Often hungry.", by=universe.dee)
    with pytest.raises(WrongStateError, match="already has open early help"):
        open_episode(pupil=children.ava, level=3, reason="Again.", by=universe.dee)


def test_no_assessment_without_consent_to_an_assessment(universe, children):
    episode = open_with_consent(children.ava, universe.dee, scope=ConsentScope.SHARING)
    with pytest.raises(ConsentRequiredError):
        complete_assessment(
            episode=episode, answers=ANSWERS, scale=4, completed_on=date(2026, 11, 3), by=None
        )
    assert not episode.assessments.exists()


def test_withdrawn_consent_no_longer_allows_an_assessment(universe, children):
    episode = open_with_consent(children.ava, universe.dee)
    withdraw_consent(
        consent=episode.consents.get(), withdrawn_on=date(2026, 11, 3), by=universe.dee
    )
    with pytest.raises(ConsentRequiredError):
        complete_assessment(
            episode=episode, answers=ANSWERS, scale=4, completed_on=date(2026, 11, 4), by=None
        )


def test_consent_cannot_be_withdrawn_twice(universe, children):
    episode = open_with_consent(children.ava, universe.dee)
    consent = episode.consents.get()
    withdraw_consent(consent=consent, withdrawn_on=date(2026, 11, 3), by=universe.dee)
    with pytest.raises(WrongStateError):
        withdraw_consent(consent=consent, withdrawn_on=date(2026, 11, 4), by=universe.dee)


def test_assessment_with_consent_is_kept_encrypted_and_in_the_chronology(universe, children):
    episode = assessed(children.ava, universe.dee)
    assessment = episode.assessments.get()
    assert assessment.worried_about == ANSWERS.worried_about
    stored = (
        type(assessment).objects.filter(pk=assessment.pk).values_list("worried_about", flat=True)
    )
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT worried_about FROM casework_assessment")
        (raw,) = cursor.fetchone()
    assert "hungry" not in raw and raw.startswith("fernet:")
    assert list(stored) == [ANSWERS.worried_about]
    assert EntryKind.ASSESSMENT in kinds(children.ava)


def test_no_closure_with_open_actions_unless_a_reason_is_given(universe, children):
    episode = assessed(children.ava, universe.dee)
    add_plan_action(
        episode=episode,
        need="Breakfast",
        action="Place at breakfast club",
        who="Dee Lane",
        due_on=date(2026, 11, 20),
        by=universe.dee,
    )
    with pytest.raises(OpenActionsError, match="1 open action"):
        close_episode(episode=episode, reason="Family moved on.", by=universe.dee)
    closed = close_episode(
        episode=episode,
        reason="Family moved on.",
        open_actions_reason="The family declined the club.",
        by=universe.dee,
    )
    assert closed.status == EpisodeStatus.CLOSED
    assert "declined the club" in closed.closure_reason
    with pytest.raises(WrongStateError):
        record_review(
            episode=closed, held_on=date(2026, 12, 1), outcome="positive", scale=8, by=None
        )


def test_closing_with_all_actions_done_needs_only_the_reason(universe, children):
    episode = assessed(children.ava, universe.dee)
    action = add_plan_action(
        episode=episode,
        need="Breakfast",
        action="Place at breakfast club",
        who="Dee Lane",
        due_on=date(2026, 11, 20),
        by=universe.dee,
    )
    complete_action(
        plan_action=action, outcome="Eats every day", done_on=date(2026, 11, 19), by=universe.dee
    )
    with pytest.raises(WrongStateError):
        complete_action(plan_action=action, outcome="Again", done_on=date(2026, 11, 19), by=None)
    with pytest.raises(WrongStateError, match="reason"):
        close_episode(episode=episode, reason="  ", by=universe.dee)
    assert close_episode(episode=episode, reason="Moving on.", by=universe.dee).closed_at


def test_review_sets_the_next_review_from_the_school_setting(universe, children):
    CaseworkSettings.objects.create(school=universe.northfield, review_interval_weeks=8)
    episode = assessed(children.ava, universe.dee)
    review = record_review(
        episode=episode,
        held_on=date(2026, 12, 10),
        outcome=ReviewOutcome.NO_CHANGE,
        scale=5,
        notes="Still tired.",
        by=universe.dee,
    )
    episode.refresh_from_db()
    assert (
        review.next_review_on == episode.next_review_on == date(2026, 12, 10) + timedelta(weeks=8)
    )
    assert EntryKind.REVIEW in kinds(children.ava)


def test_step_up_refers_to_the_front_door_and_step_down_returns(universe, children):
    episode = assessed(children.ava, universe.dee)
    referral = step_up(episode=episode, summary="Injuries seen twice.", by=universe.dee)
    episode.refresh_from_db()
    assert episode.status == EpisodeStatus.STEPPED_UP
    assert episode.level == 4
    assert referral.local_authority == universe.county
    assert referral.status == ReferralStatus.SENT
    assert referral.history.count() == 1
    with pytest.raises(WrongStateError):
        step_up(episode=episode, summary="Again.", by=universe.dee)
    step_down(episode=episode, level=3, reason="Social care closed: TAF.", by=universe.dee)
    episode.refresh_from_db()
    assert (episode.status, episode.level) == (EpisodeStatus.OPEN, 3)
    assert [c.to_level for c in episode.level_changes.all()] == [2, 4, 3]
    assert {EntryKind.STEP_UP, EntryKind.STEP_DOWN} <= set(kinds(children.ava))


def test_change_level_guards(universe, children):
    episode = open_with_consent(children.ava, universe.dee)
    with pytest.raises(WrongStateError, match="already"):
        change_level(episode=episode, level=2, reason="Same", by=universe.dee)
    with pytest.raises(WrongStateError, match="step up"):
        change_level(episode=episode, level=4, reason="Worse", by=universe.dee)
    change_level(episode=episode, level=3, reason="More needs", by=universe.dee)
    episode.refresh_from_db()
    assert episode.level == 3
    with pytest.raises(WrongStateError, match="lower level"):
        step_down(episode=episode, level=3, reason="Same", by=universe.dee)


def test_lead_practitioner_by_name_or_user(universe, children):
    episode = open_with_consent(children.ava, universe.dee)
    set_lead_practitioner(episode=episode, name="", user=universe.dee, by=universe.dee)
    episode.refresh_from_db()
    assert episode.lead_name == "Dee Lane"
    set_lead_practitioner(episode=episode, name="Pat Outreach", by=universe.dee)
    episode.refresh_from_db()
    assert episode.lead_name == "Pat Outreach"


def test_consent_to_both_covers_assessment_and_sharing(universe, children):
    episode = open_episode(pupil=children.ben, level=2, reason="Quiet.", by=universe.dee)
    consent = record_consent(
        episode=episode,
        given_by_name="Jo Stone",
        relationship="Mother",
        scope=ConsentScope.BOTH,
        given_on=date(2026, 11, 2),
        by=universe.dee,
    )
    assert consent.covers(ConsentScope.ASSESSMENT) and consent.covers(ConsentScope.SHARING)
