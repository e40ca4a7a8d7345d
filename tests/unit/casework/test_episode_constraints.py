"""The database itself refuses impossible early help records."""

from datetime import date

import pytest
from django.utils import timezone

from earlyhelp.casework.models import (
    EarlyHelpEpisode,
    EpisodeStatus,
)
from tests.constraints import refused
from tests.early_help_universe import assessed

pytestmark = pytest.mark.django_db


def test_level_is_1_to_4(universe, children):
    base = {"pupil": children.ava, "school": universe.northfield, "opened_at": timezone.now()}
    refused("episode_level_1_to_4", level=5, **base)
    refused("episode_level_1_to_4", level=0, **base)


def test_one_active_episode_per_child_and_closed_means_dated(universe, children):
    base = {"pupil": children.ava, "school": universe.northfield, "opened_at": timezone.now()}
    EarlyHelpEpisode.objects.create(level=2, **base)
    refused("episode_one_active_per_pupil", level=3, **base)
    refused("episode_closed_has_date", level=3, status=EpisodeStatus.CLOSED, **base)  # no closed_at
    EarlyHelpEpisode.objects.create(
        level=3, status=EpisodeStatus.CLOSED, closed_at=timezone.now(), **base
    )


def test_scales_are_0_to_10(universe, children):
    episode = assessed(children.ava, universe.dee)
    refused(
        "assessment_scale_0_to_10",
        episode=episode,
        worried_about="a",
        working_well="b",
        needs_to_happen="c",
        scale=11,
        completed_on=date(2026, 11, 3),
    )
    refused(
        "review_scale_0_to_10",
        episode=episode,
        held_on=date(2026, 12, 1),
        outcome="positive",
        scale=11,
        recorded_at=timezone.now(),
    )


def test_levels_change_within_1_to_4_and_really_change(universe, children):
    episode = assessed(children.ava, universe.dee)
    now = timezone.now()
    refused(
        "level_change_to_1_to_4",
        episode=episode,
        from_level=2,
        to_level=5,
        reason="x",
        changed_at=now,
    )
    refused(
        "level_change_changes",
        episode=episode,
        from_level=2,
        to_level=2,
        reason="x",
        changed_at=now,
    )


def test_consent_is_withdrawn_after_it_is_given(universe, children):
    episode = assessed(children.ava, universe.dee)
    refused(
        "consent_withdrawn_after_given",
        episode=episode,
        given_by_name="Jo",
        relationship="Mother",
        scope="both",
        given_on=date(2026, 11, 5),
        withdrawn_on=date(2026, 11, 4),
        recorded_at=timezone.now(),
    )


def test_a_referral_goes_to_exactly_one_place(universe, children):
    base = {
        "pupil": children.ava,
        "school": universe.northfield,
        "summary": "x",
        "sent_on": date(2026, 11, 5),
        "created_at": timezone.now(),
    }
    refused("referral_to_one_place", **base)
    refused(
        "referral_to_one_place",
        service=universe.young_carers,
        local_authority=universe.county,
        **base,
    )


def test_a_transfer_names_a_receiver_other_than_itself(universe, children):
    base = {
        "pupil": children.ava,
        "from_school": universe.northfield,
        "created_at": timezone.now(),
        "due_by": date(2026, 11, 9),
        "package_json": "{}",
    }
    refused("transfer_has_receiver", **base)
    refused("transfer_not_to_itself", to_school=universe.northfield, **base)


def test_terms_end_after_they_start_and_review_interval_is_6_to_12(universe):
    refused(
        "term_ends_after_start",
        school=universe.northfield,
        name="Backwards",
        starts_on=date(2026, 9, 3),
        ends_on=date(2026, 9, 1),
    )
    refused(
        "settings_review_interval_6_to_12", school=universe.northfield, review_interval_weeks=13
    )
    refused("settings_review_interval_6_to_12", school=universe.southbank, review_interval_weeks=5)
