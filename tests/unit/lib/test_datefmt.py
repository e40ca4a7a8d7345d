"""Dates the GOV.UK way: one formatter, and its fast twin for long lists says the same."""

from datetime import UTC, date, datetime, time

import pytest
from django.template import Context, Template

from earlyhelp.lib.datefmt import checked_words, govuk_date, govuk_datetimes, govuk_time


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2026, 3, 4), "4 March 2026"),
        (date(2026, 12, 31), "31 December 2026"),
        ("2026-11-24", "24 November 2026"),
        (None, ""),
        (datetime(2026, 7, 1, 9, 5, tzinfo=UTC), "1 July 2026"),
    ],
)
def test_a_date_has_no_leading_zero_and_the_month_in_full(value, expected):
    assert govuk_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (time(14, 15), "2:15pm"),
        (time(10, 0), "10am"),
        (time(9, 5), "9:05am"),
        (time(12, 0), "midday"),
        (time(0, 0), "midnight"),
        (time(12, 30), "12:30pm"),
        (time(0, 30), "12:30am"),
    ],
)
def test_times_the_gov_uk_way(value, expected):
    assert govuk_time(value) == expected


def test_a_datetime_with_its_time_is_in_the_uk_time_zone():
    summer = datetime(2026, 7, 1, 13, 15, tzinfo=UTC)  # British Summer Time: 2:15pm
    assert govuk_date(summer, with_time=True) == "1 July 2026 at 2:15pm"


@pytest.mark.parametrize(
    "value",
    [
        datetime(2026, 7, 1, 9, 5, tzinfo=UTC),  # British Summer Time
        datetime(2026, 12, 31, 23, 59, tzinfo=UTC),
        datetime(2027, 3, 28, 0, 30, tzinfo=UTC),  # the night the clocks go forward
        datetime(2026, 9, 9, 12, 0, tzinfo=UTC),
    ],
)
def test_the_fast_list_formatter_says_the_same(value):
    assert govuk_datetimes()(value) == govuk_date(value, with_time=True)


def test_templates_use_the_same_formatter():
    page = Template("{{ day|govuk_date }}; {{ at|govuk_datetime }}")
    text = page.render(Context({"day": date(2026, 3, 4), "at": datetime(2026, 3, 4, 14, 15)}))
    assert text == "4 March 2026; 4 March 2026 at 2:15pm"


def test_checked_words_count_days_then_give_the_date() -> None:
    today = date(2026, 3, 20)
    assert checked_words(date(2026, 3, 20), today=today) == "Checked today"
    assert checked_words(date(2026, 3, 19), today=today) == "Checked yesterday"
    assert checked_words("2026-03-08", today=today) == "Checked 12 days ago"
    assert checked_words(date(2025, 12, 1), today=today) == "Checked on 1 December 2025"
    assert checked_words(None, today=today) == ""
