from datetime import date

from earlyhelp.lib.workdays import add_working_days, is_working_day, next_working_day


def test_friday_is_followed_by_monday() -> None:
    assert next_working_day(date(2026, 11, 20)) == date(2026, 11, 23)


def test_bank_holidays_are_skipped() -> None:
    # Christmas Eve 2026 is a Thursday; Christmas Day and Boxing Day (moved to Monday 28th).
    assert next_working_day(date(2026, 12, 24)) == date(2026, 12, 29)
    assert not is_working_day(date(2026, 12, 28))


def test_five_working_days_span_a_weekend() -> None:
    assert add_working_days(date(2026, 11, 24), 5) == date(2026, 12, 1)
