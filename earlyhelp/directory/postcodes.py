"""Postcode centroids from an ONS Postcode Directory file, for searches by postcode.

The file is CSV with a header row; the columns read are `pcds` (the postcode as written,
"WR9 8AA"), `lat` and `long` (WGS84), and, where present, `doterm` (a terminated postcode is
skipped) and `place` (not an ONS column: a place name for the postcode, as the sample has).
ONS writes 99.999999 for a postcode without a grid reference: kept without a centroid.
"""

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import transaction

from earlyhelp.audit.events import Actor, record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.directory.models import Postcode
from earlyhelp.directory.search.understand import context
from earlyhelp.directory.search.understand.places import FULL, area_of

SAMPLE_FILE = Path(__file__).resolve().parent / "data" / "postcodes_sample.csv"
REQUIRED = ("pcds", "lat", "long")
BATCH = 5_000
NO_GRID = Decimal("99.999999")


class PostcodeFileError(ValueError):
    """The file cannot be loaded; nothing was written."""


@dataclass(frozen=True)
class _Row:
    postcode: str
    latitude: Decimal | None
    longitude: Decimal | None
    place: str


@transaction.atomic
def load_postcode_file(
    path: Path, *, by: Actor | None, progress: Callable[[int], None] | None = None
) -> int:
    """Load (or update) every live postcode in the file; how many were loaded.

    All or nothing: a bad row stops the load with its line number and nothing is kept.
    """
    loaded = 0
    batch: list[Postcode] = []
    for row in _rows(path):
        district = row.postcode.split()[0]
        batch.append(
            Postcode(
                postcode=row.postcode,
                district=district,
                area=area_of(district),
                latitude=row.latitude,
                longitude=row.longitude,
                place=row.place,
            )
        )
        if len(batch) >= BATCH:
            loaded += _save(batch)
            batch = []
            if progress:
                progress(loaded)
    loaded += _save(batch)
    record_event(
        by=by,
        action=AuditAction.DIRECTORY_POSTCODES_LOADED,
        details={"file": path.name, "rows": loaded},
    )
    context.forget()
    transaction.on_commit(context.forget)
    return loaded


def _save(batch: list[Postcode]) -> int:
    Postcode.objects.bulk_create(
        batch,
        update_conflicts=True,
        unique_fields=["postcode"],
        update_fields=["district", "area", "latitude", "longitude", "place"],
    )
    return len(batch)


def _rows(path: Path) -> Iterator[_Row]:
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as error:
        raise PostcodeFileError(f"Cannot read {path}: {error.strerror}") from error
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
        if missing:
            raise PostcodeFileError(
                f"{path.name} has no column {', '.join(missing)}: an ONS Postcode Directory "
                "file has a header row with pcds, lat and long."
            )
        for line, record in enumerate(reader, start=2):
            if (record.get("doterm") or "").strip():
                continue
            yield _row(record, line)


def _row(record: dict[str, str], line: int) -> _Row:
    postcode = " ".join((record["pcds"] or "").upper().split())
    found = FULL.fullmatch(postcode)
    if not found:
        raise PostcodeFileError(f"Line {line}: {record['pcds']!r} is not a postcode.")
    latitude, longitude = _degrees(record["lat"], line), _degrees(record["long"], line)
    if latitude == NO_GRID or latitude is None or longitude is None:
        latitude = longitude = None
    elif not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise PostcodeFileError(f"Line {line}: {latitude}, {longitude} is not a place on Earth.")
    place = (record.get("place") or "").strip()[:100]
    return _Row(f"{found.group(1)} {found.group(2)}", latitude, longitude, place)


def _degrees(value: str | None, line: int) -> Decimal | None:
    text = (value or "").strip()
    if not text:
        return None
    try:
        return Decimal(text).quantize(Decimal("0.000001"))
    except InvalidOperation:
        raise PostcodeFileError(f"Line {line}: {text!r} is not a number of degrees.") from None
