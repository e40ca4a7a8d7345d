"""The casework settings actions: terms that end after they start and never overlap, and a
review interval of 6 to 12 weeks, each change audited."""

from datetime import date

import pytest

from earlyhelp.audit.models import AuditEvent
from earlyhelp.casework.actions.errors import (
    OverlappingTermError,
    ReviewIntervalError,
    TermDatesError,
)
from earlyhelp.casework.actions.terms import remove_term, set_review_interval, set_term
from earlyhelp.casework.calendar import SchoolCalendar
from earlyhelp.casework.models import CaseworkSettings, SchoolTerm

pytestmark = pytest.mark.django_db
AUTUMN = ("Autumn 2026", date(2026, 9, 3), date(2026, 12, 18))


def autumn(universe):
    name, starts, ends = AUTUMN
    return set_term(
        school=universe.northfield, name=name, starts_on=starts, ends_on=ends, by=universe.dee
    )


def test_a_term_is_added_and_audited(universe):
    term = autumn(universe)
    assert SchoolTerm.objects.get(school=universe.northfield).name == "Autumn 2026"
    event = AuditEvent.objects.get(action="casework.term_set", object_id=str(term.pk))
    assert event.actor_name and event.details["ends_on"] == "2026-12-18"


def test_a_term_ending_on_or_before_its_start_is_refused(universe):
    with pytest.raises(TermDatesError):
        set_term(
            school=universe.northfield,
            name="Back to front",
            starts_on=date(2026, 9, 3),
            ends_on=date(2026, 9, 3),
            by=universe.dee,
        )
    assert not SchoolTerm.objects.exists()


def test_overlapping_terms_are_refused_naming_the_other_term(universe):
    autumn(universe)
    with pytest.raises(OverlappingTermError, match="Autumn 2026"):
        set_term(
            school=universe.northfield,
            name="Spring 2027",
            starts_on=date(2026, 12, 18),
            ends_on=date(2027, 3, 26),
            by=universe.dee,
        )
    assert SchoolTerm.objects.count() == 1


def test_another_schools_terms_do_not_overlap(universe):
    autumn(universe)
    set_term(
        school=universe.southbank,
        name="Autumn 2026",
        starts_on=date(2026, 9, 1),
        ends_on=date(2026, 12, 20),
        by=universe.sam,
    )
    assert SchoolTerm.objects.count() == 2


def test_changing_a_term_moves_its_start_without_clashing_with_itself(universe):
    term = autumn(universe)
    set_term(
        school=universe.northfield,
        term=term,
        name="Autumn 2026",
        starts_on=date(2026, 9, 2),
        ends_on=date(2026, 12, 17),
        by=universe.dee,
    )
    term.refresh_from_db()
    assert (term.starts_on, term.ends_on) == (date(2026, 9, 2), date(2026, 12, 17))
    assert SchoolTerm.objects.count() == 1


def test_removing_a_term_is_audited_and_changes_the_calendar(universe):
    term = autumn(universe)
    spring = set_term(
        school=universe.northfield,
        name="Spring 2027",
        starts_on=date(2027, 1, 5),
        ends_on=date(2027, 3, 26),
        by=universe.dee,
    )
    christmas_eve_eve = date(2026, 12, 22)
    assert not SchoolCalendar.for_school(universe.northfield).is_school_day(christmas_eve_eve)
    remove_term(term=spring, by=universe.dee)
    assert SchoolCalendar.for_school(universe.northfield).is_school_day(christmas_eve_eve)
    event = AuditEvent.objects.get(action="casework.term_removed")
    assert event.details["name"] == "Spring 2027"
    assert list(SchoolTerm.objects.all()) == [term]


@pytest.mark.parametrize("weeks", [6, 9, 12])
def test_the_review_interval_is_saved_and_audited(universe, weeks):
    set_review_interval(school=universe.northfield, weeks=weeks, by=universe.dee)
    assert CaseworkSettings.objects.get(school=universe.northfield).review_interval_weeks == weeks
    assert AuditEvent.objects.get(action="casework.review_interval_set").details["weeks"] == weeks


@pytest.mark.parametrize("weeks", [0, 5, 13])
def test_a_review_interval_outside_6_to_12_weeks_is_refused(universe, weeks):
    with pytest.raises(ReviewIntervalError):
        set_review_interval(school=universe.northfield, weeks=weeks, by=universe.dee)
    assert not CaseworkSettings.objects.exists()
    assert not AuditEvent.objects.filter(action="casework.review_interval_set").exists()
