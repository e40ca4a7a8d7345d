"""Everything held about one child, for a subject access request (UK GDPR Article 15).

`build_export(pupil)` gathers the pupil row, every row that refers to the child (found by
`records.collect_child_rows`, so new models are included), with encrypted text decrypted,
the chronology, and the audit events about the child (who looked, and what was done).
`to_json` and `to_pdf` render it. Call it through `actions.export_subject_access`, which
records the export in the audit trail.
"""

import json
from dataclasses import dataclass
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone

from earlyhelp.audit.models import AuditEvent
from earlyhelp.dataprotection.records import collect_child_rows
from earlyhelp.lib.pdf import html_to_pdf
from earlyhelp.pupils.models import Pupil
from earlyhelp.records.chronology import list_entries


@dataclass(frozen=True)
class Section:
    label: str  # "casework.EarlyHelpEpisode"
    title: str  # "early help episodes"
    rows: list[dict[str, Any]]


@dataclass(frozen=True)
class SubjectAccessExport:
    pupil: Pupil
    created_at: str
    child: dict[str, Any]
    sections: list[Section]
    chronology: list[dict[str, Any]]
    audit_events: list[dict[str, Any]]

    def as_dict(self) -> dict[str, Any]:
        return {
            "created_at": self.created_at,
            "child": self.child,
            "records": {s.label: s.rows for s in self.sections},
            "chronology": self.chronology,
            "audit_events": self.audit_events,
        }


def build_export(pupil: Pupil) -> SubjectAccessExport:
    sections = [
        Section(
            label=model._meta.label,
            title=str(model._meta.verbose_name_plural),
            rows=[row_values(obj) for obj in model._base_manager.filter(pk__in=ids)],
        )
        for model, ids in collect_child_rows(pupil)
    ]
    return SubjectAccessExport(
        pupil=pupil,
        created_at=timezone.now().isoformat(),
        child=row_values(pupil),
        sections=sections,
        chronology=[_entry(e) for e in list_entries(pupil).order_by("occurred_at", "pk")],
        audit_events=[_event(e) for e in _events_about(pupil)],
    )


def row_values(obj: models.Model) -> dict[str, Any]:
    """Every stored field by name (foreign keys as ids, choices with their labels)."""
    values: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        value = getattr(obj, field.attname)
        values[field.attname] = value
        if field.choices and value not in (None, ""):
            values[f"{field.attname}_label"] = str(dict(field.flatchoices).get(value, value))
    return values


def to_json(export: SubjectAccessExport) -> bytes:
    return json.dumps(export.as_dict(), cls=DjangoJSONEncoder, indent=2).encode()


def to_pdf(export: SubjectAccessExport, *, base_url: str) -> bytes:
    html = render_to_string(
        "dataprotection/subject_access_pdf.html",
        {"export": export, "pupil": export.pupil, "school": export.pupil.school},
    )
    return html_to_pdf(html, base_url=base_url)


def _events_about(pupil: Pupil) -> models.QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(
        object_type=Pupil._meta.label_lower, object_id=str(pupil.pk)
    ).order_by("id")


def _entry(entry: Any) -> dict[str, Any]:
    return {
        "occurred_at": entry.occurred_at,
        "kind": entry.get_kind_display(),
        "summary": entry.summary,
        "recorded_by": entry.recorded_by.get_full_name() if entry.recorded_by else "System",
    }


def _event(event: AuditEvent) -> dict[str, Any]:
    return {
        "at": event.created_at,
        "by": event.actor_name,
        "action": event.action,
        "details": event.details,
    }
