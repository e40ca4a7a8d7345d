"""Reading small CSV files that people upload or export from another system.

Management information systems export CSV in UTF-8 (often with a byte order mark), in
Windows-1252 (Western European) or, on Central European Windows, in Windows-1250 (Polish,
Czech names); Excel may add blank lines at the end. `read_csv` takes the raw bytes and the
encoding the person chose, or "auto": UTF-8 if the bytes are UTF-8, otherwise whichever of
Windows-1252 and Windows-1250 reads the letters as letters (Zając, not Zaj¹c). A file that
is not in the stated encoding is refused with a clear message, never decoded into U+FFFD.
It refuses anything that is not a text table, and returns the header and each row with the
line number a person sees when they open the file in a text editor or a spreadsheet.
"""

import csv
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import _csv

MAX_BYTES = 5 * 1024 * 1024
ENCODINGS = {
    "utf-8": "UTF-8",
    "cp1252": "Windows-1252 (Western European)",
    "cp1250": "Windows-1250 (Central European, for example Polish names)",
}
_WORD_PUNCTUATION = set("-'’. ")


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


def read_csv(data: bytes, *, max_bytes: int = MAX_BYTES, encoding: str = "auto") -> CsvTable:
    """The table in `data`: headers as written (trimmed) and non-blank rows by line number."""
    if len(data) > max_bytes:
        raise CsvError(f"The file must be smaller than {max_bytes // (1024 * 1024)} MB")
    if not data.strip():
        raise CsvError("The file is empty")
    if _looks_binary(data[:4096]):
        raise CsvError("The file must be a CSV file (save it from your spreadsheet as CSV)")
    reader = csv.reader(io.StringIO(decode(data, encoding), newline=""))
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


def _looks_binary(head: bytes) -> bool:
    """Control bytes (NUL and the like) are many in any binary file, rare in a text table:
    a stray one in a cell is left for the importer to report by line."""
    controls = sum(1 for byte in head if byte < 0x20 and byte not in (0x09, 0x0A, 0x0D))
    return controls >= 2


def decode(data: bytes, encoding: str = "auto") -> str:
    """The text of `data` in `encoding` ("auto" detects it); CsvError if it is not in it."""
    if encoding == "auto":
        return _detect(data)
    if encoding not in ENCODINGS:
        raise CsvError("Choose the file's encoding")
    if encoding != "utf-8" and not data.isascii() and _is_utf8(data):
        raise CsvError(
            f"The file is not in {ENCODINGS[encoding]}: it looks like UTF-8. "
            "Choose UTF-8, or let us work out the encoding"
        )
    try:
        return data.decode("utf-8-sig" if encoding == "utf-8" else encoding)
    except UnicodeDecodeError as error:
        raise CsvError(
            f"The file is not in {ENCODINGS[encoding]} (byte {error.start + 1} cannot be read). "
            "Choose the encoding it was saved in, or save it again as CSV UTF-8"
        ) from error


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True


def _detect(data: bytes) -> str:
    if _is_utf8(data):
        return data.decode("utf-8-sig")
    readings = []
    for encoding in ("cp1252", "cp1250"):
        try:
            readings.append((_odd_characters(text := data.decode(encoding)), encoding, text))
        except UnicodeDecodeError:
            continue
    if not readings:
        raise CsvError(
            "We could not work out the file's encoding. Save it again as CSV UTF-8, "
            "or choose the encoding it was saved in"
        )
    return min(readings, key=lambda r: (r[0], r[1] != "cp1252"))[2]


def _odd_characters(text: str) -> int:
    """Symbols inside words ("Zaj¹c", "Wo³owski"): the sign of a wrong 8-bit encoding."""
    return sum(
        1
        for before, char, after in zip(text, text[1:], text[2:], strict=False)
        if not char.isascii()
        and not char.isalpha()
        and char not in _WORD_PUNCTUATION
        and before.isalpha()
        and after.isalpha()
    )
