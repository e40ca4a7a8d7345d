"""School days: terms, the school's closures and England's bank holidays."""

from datetime import date

from earlyhelp.lib.schoolyear import SchoolYear, Term, england_terms


def test_a_typical_year_starts_on_the_first_wednesday_and_has_its_half_terms():
    terms = england_terms(2025)
    assert terms[0].starts_on == date(2025, 9, 3)
    assert [t.ends_on for t in terms] == [
        date(2025, 10, 24),
        date(2025, 12, 19),
        date(2026, 2, 13),
        date(2026, 3, 27),
        date(2026, 5, 22),
        date(2026, 7, 22),
    ]
    assert all(t.starts_on.weekday() == 0 for t in terms[1:])


def test_bank_holidays_half_terms_weekends_and_closures_are_not_school_days():
    closed = date(2026, 3, 2)
    year = SchoolYear(england_terms(2025), closures=frozenset({closed}))
    assert year.is_school_day(date(2026, 5, 5))
    assert not year.is_school_day(date(2026, 5, 4))  # early May bank holiday
    assert not year.is_school_day(date(2026, 2, 18))  # half term
    assert not year.is_school_day(date(2026, 1, 10))  # a Saturday
    assert not year.is_school_day(closed)
    assert not year.is_school_day(date(2025, 9, 2))  # before the first day


def test_school_days_are_listed_in_order_within_a_range():
    year = SchoolYear((Term("Spring 1", date(2026, 1, 5), date(2026, 1, 16)),))
    days = list(year.school_days())
    assert len(days) == 10 and days[0] == date(2026, 1, 5) and days[-1] == date(2026, 1, 16)
    assert list(year.school_days(date(2026, 1, 9), date(2026, 1, 12))) == [
        date(2026, 1, 9),
        date(2026, 1, 12),
    ]


def test_a_year_of_190_odd_school_days():
    assert len(list(SchoolYear(england_terms(2025)).school_days())) == 195
