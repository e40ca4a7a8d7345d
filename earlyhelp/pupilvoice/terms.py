"""Which term a day falls in, named as schools say it: "Autumn 2026", "Spring 2027".

A day in a holiday belongs to the term that ended before it (results are read per term).
"""

from datetime import date

from earlyhelp.lib.schoolyear import england_terms


def school_year_start(day: date) -> int:
    return day.year if day.month >= 9 else day.year - 1


def term_name(day: date) -> str:
    half_terms = england_terms(school_year_start(day))
    started = [t for t in half_terms if t.starts_on <= day] or [half_terms[0]]
    current = started[-1]
    return f"{current.name.split()[0]} {current.starts_on.year}"
