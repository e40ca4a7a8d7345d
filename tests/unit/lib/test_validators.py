"""The one validator module: ids, NUL, date parts and date windows."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from earlyhelp.lib import validators
from earlyhelp.lib.validators import MAX_ID, parse_date_parts, parse_id, parse_ids

TODAY = date(2026, 12, 6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("42", 42),
        (" 7 ", 7),
        ("²", None),
        ("٣", None),
        ("-1", None),
        ("0", None),
        ("1e3", None),
        ("1" * 23, None),
        (str(MAX_ID), MAX_ID),
        (str(MAX_ID + 1), None),
    ],
)
def test_parse_id_takes_plain_ascii_integers_in_range(text, expected):
    assert parse_id(text) == expected


def test_parse_ids_keeps_the_good_ones_in_order():
    assert parse_ids("3,²,x,1,99999999999999999999999") == [3, 1]


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("27", "3", "2026"), date(2026, 3, 27)),
        (("1", "1", "99999999999999999999"), None),
        (("1", "1", "²026"), None),
        (("31", "2", "2026"), None),
        (("1", "1", "26"), None),
    ],
)
def test_date_parts(parts, expected):
    assert parse_date_parts(*parts) == expected


def test_windows_by_purpose():
    validators.RECENT_PAST.check(date(2024, 1, 1), "date", today=TODAY)
    with pytest.raises(ValidationError, match="today or in the past"):
        validators.RECENT_PAST.check(date(2026, 12, 7), "date", today=TODAY)
    with pytest.raises(ValidationError, match="on or after"):
        validators.RECENT_PAST.check(date(1, 1, 1), "date", today=TODAY)
    with pytest.raises(ValidationError, match="on or before"):
        validators.PLANNED.check(date(9999, 12, 31), "date", today=TODAY)
    assert validators.BIRTH.contains(date(2016, 3, 27), today=TODAY)
    assert not validators.BIRTH.contains(date(1, 1, 1), today=TODAY)


def test_nul_is_refused():
    with pytest.raises(ValidationError):
        validators.reject_nul("a\x00b")
    validators.reject_nul("ab")
