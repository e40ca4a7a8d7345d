"""The renewal rules at each edge, with frozen dates (issue 15's acceptance)."""

from datetime import date

import time_machine
from django.utils import timezone

from earlyhelp.training.rules import (
    Status,
    add_months,
    applies,
    signature_state,
    status_of,
    training_state,
)

ANNUAL = {"renewal_months": 12, "due_soon_days": 30}


def state_on(today: date, *done: date, months: int | None = 12) -> Status:
    return training_state(done, renewal_months=months, today=today, due_soon_days=30).status


def test_due_today_is_due_not_overdue() -> None:
    with time_machine.travel(date(2026, 9, 1)):
        today = timezone.localdate()
        state = training_state([date(2025, 9, 1)], today=today, **ANNUAL)
    assert state.status == Status.DUE_SOON
    assert state.due_on == date(2026, 9, 1)


def test_overdue_by_one_day() -> None:
    assert state_on(date(2026, 9, 2), date(2025, 9, 1)) == Status.OVERDUE
    assert state_on(date(2026, 9, 1), date(2025, 9, 1)) == Status.DUE_SOON


def test_due_soon_window_opens_on_its_first_day() -> None:
    assert state_on(date(2026, 8, 1), date(2025, 9, 1)) == Status.CURRENT
    assert state_on(date(2026, 8, 2), date(2025, 9, 1)) == Status.DUE_SOON  # 30 days before


def test_the_latest_completion_counts_and_a_future_one_does_not() -> None:
    assert state_on(date(2026, 9, 2), date(2025, 9, 1), date(2026, 6, 1)) == Status.CURRENT
    assert state_on(date(2026, 9, 2), date(2025, 9, 1), date(2026, 9, 3)) == Status.OVERDUE


def test_nothing_held_is_missing_and_a_once_only_course_never_falls_due() -> None:
    assert state_on(date(2026, 9, 1)) == Status.MISSING
    assert state_on(date(2040, 1, 1), date(2020, 1, 1), months=None) == Status.CURRENT


def test_annual_refresh_inside_a_two_year_cycle() -> None:
    """Formal DSL training on 1 September 2025 renews the refresh (12 months) and itself
    (24 months); a refresh in August 2026 carries the refresh, not the formal training."""
    formal = date(2025, 9, 1)
    assert state_on(date(2026, 9, 2), formal, months=12) == Status.OVERDUE  # refresh
    assert state_on(date(2026, 9, 2), formal, months=24) == Status.CURRENT  # formal
    refresh = date(2026, 8, 20)
    assert state_on(date(2026, 9, 2), formal, refresh, months=12) == Status.CURRENT
    assert state_on(date(2027, 8, 20), formal, refresh, months=12) == Status.DUE_SOON
    assert state_on(date(2027, 9, 2), formal, months=24) == Status.OVERDUE
    assert state_on(date(2027, 8, 21), formal, refresh, months=12) == Status.OVERDUE


def test_a_new_kcsie_edition_reopens_read_and_sign() -> None:
    signed = [("2025", date(2025, 9, 10))]
    today = date(2026, 3, 1)
    kept = signature_state(signed, edition="2025", today=today, **ANNUAL)
    assert kept.status == Status.CURRENT and kept.due_on == date(2026, 9, 10)
    reopened = signature_state(signed, edition="2026", today=today, **ANNUAL)
    assert reopened.status == Status.MISSING and reopened.due_on is None
    signed.append(("2026", date(2026, 3, 1)))
    assert signature_state(signed, edition="2026", today=today, **ANNUAL).status == Status.CURRENT


def test_a_signature_of_the_same_edition_is_renewed_yearly() -> None:
    signed = [("2025", date(2025, 9, 10))]
    late = signature_state(signed, edition="2025", today=date(2026, 9, 11), **ANNUAL)
    assert late.status == Status.OVERDUE


def test_months_are_added_to_the_months_last_day() -> None:
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2025, 8, 31), 6) == date(2026, 2, 28)
    assert add_months(date(2025, 11, 15), 2) == date(2026, 1, 15)


def test_status_of_never_expiring_is_current() -> None:
    assert status_of(None, today=date(2030, 1, 1), due_soon_days=30) == Status.CURRENT


def test_empty_roles_mean_every_staff_role() -> None:
    staff = {"staff", "dsl"}
    assert applies([], {"staff"}, staff_roles=staff)
    assert not applies([], {"governor"}, staff_roles=staff)
    assert applies(["governor"], {"governor", "staff"}, staff_roles=staff)
    assert not applies(["dsl"], {"staff"}, staff_roles=staff)
