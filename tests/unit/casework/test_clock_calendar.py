"""School days and terms: weekends, bank holidays and holidays between terms are skipped."""

from datetime import date, timedelta

from earlyhelp.casework.calendar import SchoolCalendar, Term

AUTUMN = Term("Autumn 2026", date(2026, 9, 3), date(2026, 12, 18))
SPRING = Term("Spring 2027", date(2027, 1, 5), date(2027, 3, 26))
SUMMER = Term("Summer 2027", date(2027, 4, 12), date(2027, 7, 21))
CALENDAR = SchoolCalendar([SPRING, AUTUMN, SUMMER])


def test_weekends_bank_holidays_and_holidays_are_not_school_days():
    assert CALENDAR.is_school_day(date(2026, 12, 18))  # last day of autumn, a Friday
    assert not CALENDAR.is_school_day(date(2026, 12, 19))  # Saturday
    assert not CALENDAR.is_school_day(date(2027, 1, 4))  # Monday in the Christmas holiday
    assert not CALENDAR.is_school_day(date(2026, 12, 25))
    assert not CALENDAR.is_school_day(date(2027, 5, 3))  # early May bank holiday, in term


def test_five_school_days_cross_the_christmas_holiday():
    # Wed 16 Dec: Thu 17, Fri 18, then Tue 5, Wed 6, Thu 7 January.
    assert CALENDAR.add_school_days(date(2026, 12, 16), 5) == date(2027, 1, 7)


def test_without_term_dates_every_working_day_counts():
    calendar = SchoolCalendar([])
    assert calendar.add_school_days(date(2026, 12, 23), 2) == date(2026, 12, 29)  # 24, 29
    assert calendar.add_terms(date(2026, 9, 7), 1) == date(2026, 9, 7) + timedelta(weeks=13)


def test_days_after_the_last_known_term_are_working_days():
    assert CALENDAR.is_school_day(date(2027, 9, 1))


def test_a_term_is_as_many_school_days_as_the_term_it_starts_in():
    spring_days = CALENDAR.school_days_between(date(2027, 1, 4), date(2027, 3, 26))
    a_term = CALENDAR.add_terms(date(2027, 1, 5), 1)
    assert CALENDAR.school_days_between(date(2027, 1, 5), a_term) == spring_days
    assert a_term == SUMMER.starts_on  # begun on the first day: done on the next term’s first


def test_two_terms_from_autumn_reach_the_summer_term():
    assert CALENDAR.add_terms(date(2026, 10, 1), 2) in SUMMER
