"""Writing and reading the chronology: the public way for any app to add a line to a child's
record (concerns, casework, attendance, training all call `add_entry`)."""

from datetime import datetime
from typing import Any

from django.db import models, transaction
from django.db.models import QuerySet
from django.utils import timezone

from earlyhelp.accounts.models import User
from earlyhelp.pupils.models import Pupil
from earlyhelp.records.models import ChronologyEntry, EntryKind


def add_entry(
    *,
    pupil: Pupil,
    kind: EntryKind,
    summary: str,
    by: User | None,
    occurred_at: datetime | None = None,
    source: models.Model | None = None,
) -> ChronologyEntry:
    """Add one line to a child's chronology. Call it inside the action that did the thing."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("add_entry must run inside the action's transaction")
    now = timezone.now()
    entry = ChronologyEntry(
        pupil=pupil,
        school_id=pupil.school_id,
        occurred_at=occurred_at or now,
        kind=kind,
        summary=summary,
        recorded_by=by,
        recorded_at=now,
        source_type=source._meta.label_lower if source is not None else "",
        source_id=str(source.pk) if source is not None else "",
    )
    entry.full_clean()
    entry.save()
    return entry


def list_entries(pupil: Pupil, *, kinds: list[str] | None = None) -> QuerySet[ChronologyEntry]:
    """The child's chronology, newest first, optionally only some kinds."""
    entries = ChronologyEntry.objects.filter(pupil=pupil).select_related("recorded_by")
    if kinds:
        entries = entries.filter(kind__in=kinds)
    return entries


def source_filter(source: models.Model) -> dict[str, Any]:
    return {"source_type": source._meta.label_lower, "source_id": str(source.pk)}
