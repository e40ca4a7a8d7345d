"""Reading a register file: the contract's codes, dates and sessions, and every bad line named."""

from datetime import date

import pytest

from earlyhelp.attendance.codes import Kind, kind_of, normalise_code
from earlyhelp.attendance.register import RegisterFileError, read_register
from earlyhelp.lib.csvfile import read_csv

ROLL = {"H820200100001", "H820200100002"}


def marks(text):
    return read_register(read_csv(text.encode()), roll=ROLL)


def test_iso_and_uk_dates_am_pm_and_codes_any_case_with_spaces():
    got = marks(
        "upn,date,session,code\n"
        "H820200100001,2025-09-03,AM, / \n"
        "H820200100001,03/09/2025,pm,c1\n"
        "h820200100002,2025-09-04,Am,y7\n"
    )
    assert [(m.upn, m.date, m.session, m.code) for m in got] == [
        ("H820200100001", date(2025, 9, 3), "AM", "/"),
        ("H820200100001", date(2025, 9, 3), "PM", "C1"),
        ("H820200100002", date(2025, 9, 4), "AM", "Y7"),
    ]


def test_either_slash_means_present_in_either_session():
    got = marks(
        "upn,date,session,code\nH820200100001,2025-09-03,AM,\\\nH820200100001,2025-09-03,PM,/\n"
    )
    assert [m.code for m in got] == ["/", "\\"]
    assert {kind_of(m.code) for m in got} == {Kind.ATTENDED}


@pytest.mark.parametrize("code", ["Z", "X", "#", "D", "Q", "Y1", "Y4", "Y7"])
def test_codes_that_are_not_possible_sessions(code):
    stored = normalise_code(code, session="AM")
    assert stored is not None
    assert kind_of(stored) is Kind.NOT_POSSIBLE


@pytest.mark.parametrize("code", ["H", "F", "J", "Y", "Y8", "C3", "", "//", "P1"])
def test_retired_and_unknown_codes_are_refused(code):
    assert normalise_code(code, session="AM") is None


def test_every_bad_line_is_named_in_line_order():
    with pytest.raises(RegisterFileError) as caught:
        marks(
            "upn,date,session,code\n"
            "H820200100001,2025-09-03,AM,H\n"
            "H820200100001,2025-09-03,PM,/\n"
            "H820200100009,2025-09-03,AM,/\n"
            "H820200100002,2025-02-30,AM,/\n"
            "H820200100002,2025-09-03,EVE,/\n"
            "H820200100002,2025-09-04,AM,QQ\n"
            "H820200100001,2025-09-03,PM,N\n"
        )
    text = "\n".join(caught.value.messages)
    assert caught.value.messages[0].startswith("Line 2: the code 'H' was retired")
    assert "Line 4: the UPN H820200100009 is not on the school's roll" in text
    assert "Line 5: the date '2025-02-30'" in text
    assert "Line 6: the session 'EVE' must be AM or PM" in text
    assert "Line 7: 'QQ' is not an attendance code" in text
    assert "Line 8: the code 'N' contradicts line 3" in text
    assert len(caught.value.messages) == 6


def test_missing_columns_are_named():
    with pytest.raises(RegisterFileError, match="missing: session, code"):
        marks("upn,date\nH820200100001,2025-09-03\n")
