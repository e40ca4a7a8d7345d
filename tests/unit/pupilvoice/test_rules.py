"""Pupil voice's rules that need no database: harm in a comment, the term, suppression."""

from datetime import date

import pytest

from earlyhelp.governance.report import this_half_term
from earlyhelp.lib.smallnumbers import rate, suppress
from earlyhelp.pupilvoice.harm import suggests_harm
from earlyhelp.pupilvoice.models import Scale
from earlyhelp.pupilvoice.results import cell
from earlyhelp.pupilvoice.terms import term_name

YES, SOMETIMES, NO = Scale.YES, Scale.SOMETIMES, Scale.NO


@pytest.mark.parametrize(
    "comment",
    [
        "Someone hurted me",
        "my dad hits me",
        "I am SCARED at home",
        "it is a secret",
        "he touched me",
    ],
)
def test_words_of_harm_are_sent_whatever_the_answers(comment):
    assert suggests_harm(comment, [YES, YES])


def test_any_comment_from_a_pupil_who_answered_no_is_sent():
    assert suggests_harm("I don't like lunch", [YES, NO])


def test_a_happy_comment_with_happy_answers_stays_in_the_results():
    assert not suggests_harm("I like playtime and my teacher", [YES, SOMETIMES])


def test_no_comment_is_never_sent():
    assert not suggests_harm("   ", [NO, NO])


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2026, 9, 1), "Autumn 2026"),  # before the first Wednesday: still autumn
        (date(2026, 12, 7), "Autumn 2026"),
        (date(2026, 12, 28), "Autumn 2026"),  # the Christmas holiday
        (date(2027, 1, 5), "Spring 2027"),
        (date(2027, 4, 13), "Summer 2027"),
        (date(2027, 8, 20), "Summer 2027"),
    ],
)
def test_a_day_belongs_to_a_term(day, name):
    assert term_name(day) == name


def test_this_half_term_runs_from_its_first_day_to_today():
    assert this_half_term(date(2026, 12, 7)) == (date(2026, 11, 2), date(2026, 12, 7))
    assert this_half_term(date(2026, 10, 28)) == (date(2026, 9, 2), date(2026, 10, 28))


def test_counts_under_5_and_their_rates_are_suppressed():
    assert suppress(4) is None and suppress(5) == 5
    assert rate(4, 20) is None and rate(5, 4) is None and rate(5, 20) == 25.0


def test_a_group_under_5_shows_nothing_and_a_small_count_inside_a_big_one_is_hidden():
    assert cell({YES: 2, NO: 2}) == cell({})
    big = cell({YES: 10, SOMETIMES: 3, NO: 7})
    assert (big.answered, big.yes, big.sometimes, big.no, big.yes_rate) == (20, 10, None, 7, 50.0)
