"""CSV for spreadsheets, safe from formula injection (OWASP "CSV Injection").

A spreadsheet treats a cell that starts with = + - @ (or a tab or carriage return, which
some programs skip before one) as a formula, so a pupil's name or a service's description
typed as `=HYPERLINK(...)` would run when a member of staff opens an export. Every such
cell is written with a single quote in front, which spreadsheets show as text. Numbers
passed as numbers are left alone (a negative number is not a formula); the same text typed
by a person is escaped, since we cannot tell a minus sign from an attack.

    writer = SafeWriter(response)        # any text stream
    writer.writerow(["Name", "Notes"])
"""

import csv
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Protocol

from django.http import HttpResponse

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


class TextStream(Protocol):
    def write(self, text: str, /) -> Any: ...


def escape_cell(value: object) -> str:
    """The cell's text, with a leading quote if a spreadsheet would read it as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int | float | Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    text = str(value)
    return "'" + text if text.startswith(TRIGGERS) else text


class SafeWriter:
    """csv.writer with every cell escaped; rows end in CRLF as spreadsheets expect."""

    def __init__(self, stream: TextStream) -> None:
        self._writer = csv.writer(stream, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([escape_cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_download(
    filename: str, header: list[str], rows: Iterable[Iterable[object]]
) -> HttpResponse:
    """A CSV file for the browser to save as `filename`, every cell escaped."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = SafeWriter(response)
    writer.writerow(header)
    writer.writerows(rows)
    return response
