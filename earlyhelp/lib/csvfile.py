"""Reading small CSV files that people upload or export from another system.

Management information systems export CSV in UTF-8 (often with a byte order mark) or in
Windows-1252; Excel may add blank lines at the end. `read_csv` takes the raw bytes, refuses
anything that is not a text table, and returns the header and each row with the line number
a person sees when they open the file in a text editor or a spreadsheet.
"""

import csv
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import _csv

MAX_BYTES = 5 * 1024 * 1024


class CsvError(ValueError):
    """The file is not a CSV file we can read; the message says why, for a person."""


@dataclass(frozen=True)
class CsvRow:
    line: int
    values: dict[str, str]


@dataclass(frozen=True)
class CsvTable:
    headers: tuple[str, ...]
    rows: tuple[CsvRow, ...]


def read_csv(data: bytes, *, max_bytes: int = MAX_BYTES) -> CsvTable:
    """The table in `data`: headers as written (trimmed) and non-blank rows by line number."""
    if len(data) > max_bytes:
        raise CsvError(f"The file must be smaller than {max_bytes // (1024 * 1024)} MB")
    if not data.strip():
        raise CsvError("The file is empty")
    if b"\x00" in data[:4096]:
        raise CsvError("The file must be a CSV file (save it from your spreadsheet as CSV)")
    reader = csv.reader(io.StringIO(_decode(data), newline=""))
    try:
        headers = tuple(h.strip() for h in next(reader))
        rows = _rows(reader, headers)
    except csv.Error as error:
        raise CsvError(f"Line {reader.line_num}: the file is not a valid CSV file") from error
    if not any(headers):
        raise CsvError("The first line of the file must hold the column names")
    return CsvTable(headers=headers, rows=tuple(rows))


def _rows(reader: "_csv.Reader", headers: tuple[str, ...]) -> list[CsvRow]:
    rows = []
    for values in reader:
        if not any(v.strip() for v in values):
            continue
        padded = [*values, *[""] * (len(headers) - len(values))]
        rows.append(
            CsvRow(
                line=reader.line_num,
                values={h: v.strip() for h, v in zip(headers, padded, strict=False) if h},
            )
        )
    return rows


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
