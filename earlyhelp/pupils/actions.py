"""Writing the roll: `import_roll`, all or nothing, with one audit event for the import."""

from dataclasses import asdict, dataclass, field

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from earlyhelp.accounts.models import User
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.lib.csvfile import CsvError, read_csv
from earlyhelp.pupils.contacts import ContactRow
from earlyhelp.pupils.models import Pupil, PupilContact, RollImport, RollImportStatus
from earlyhelp.pupils.roll import ROW_FIELDS, PupilRow, RollFileError, read_roll
from earlyhelp.schools.models import School

ROLL_IMPORTED = AuditAction.PUPILS_ROLL_IMPORTED


@dataclass
class ImportResult:
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    # On the roll before, absent from this file: reported, never deleted or marked.
    missing: list[Pupil] = field(default_factory=list)

    def summary(self) -> str:
        return f"{self.added} added, {self.changed} changed, {self.unchanged} unchanged"


@transaction.atomic
def import_roll(*, school: School, rows: list[PupilRow], by: User | None) -> ImportResult:
    """Add new pupils and update changed ones, matched by UPN. Nothing changed: no event."""
    existing = {p.upn: p for p in Pupil.objects.select_for_update().filter(school=school)}
    held = _held_contacts(school)
    result = ImportResult()
    new, updated, recontacted = [], [], []
    for row in rows:
        pupil = existing.pop(row.upn, None)
        if pupil is None:
            new.append(_checked(Pupil(school=school, **row.values())))
            recontacted.append((new[-1], row.contacts or ()))
            continue
        contacts_changed = row.contacts is not None and row.contacts != held.get(pupil.pk, ())
        if contacts_changed:
            recontacted.append((pupil, row.contacts or ()))
        if _apply(pupil, row):
            updated.append(_checked(pupil))
        elif contacts_changed:
            result.changed += 1
        else:
            result.unchanged += 1
    Pupil.objects.bulk_create(new, batch_size=500)
    Pupil.objects.bulk_update(updated, [*ROW_FIELDS, "search_name"], batch_size=500)
    _replace_contacts(recontacted)
    result.added, result.changed = len(new), result.changed + len(updated)
    result.missing = sorted(existing.values(), key=lambda p: (p.legal_last_name, p.upn))
    if new or updated:
        record_event(
            by=by,
            action=ROLL_IMPORTED,
            obj=school,
            school_id=school.pk,
            details={
                "added": result.added,
                "changed": result.changed,
                "unchanged": result.unchanged,
                "not_in_file": len(result.missing),
            },
        )
    return result


def _held_contacts(school: School) -> dict[int, tuple[ContactRow, ...]]:
    held: dict[int, list[ContactRow]] = {}
    for c in PupilContact.objects.filter(pupil__school=school):
        row = ContactRow(c.name, c.relationship, c.phone, c.email, c.priority)
        held.setdefault(c.pupil_id, []).append(row)
    return {pupil_id: tuple(contacts) for pupil_id, contacts in held.items()}


def _replace_contacts(pupils: list[tuple[Pupil, tuple[ContactRow, ...]]]) -> None:
    """Each pupil's contacts become those of the file, validated, in the file's order."""
    PupilContact.objects.filter(pupil__in=[p for p, _ in pupils if p.pk]).delete()
    contacts = []
    for pupil, rows in pupils:
        for row in rows:
            contact = PupilContact(pupil=pupil, **asdict(row))
            contact.full_clean(exclude=["pupil"])  # the pupil was just saved or read
            contacts.append(contact)
    PupilContact.objects.bulk_create(contacts, batch_size=500)


def _apply(pupil: Pupil, row: PupilRow) -> bool:
    changed = False
    for name, value in row.values().items():
        if getattr(pupil, name) != value:
            setattr(pupil, name, value)
            changed = True
    return changed


def _checked(pupil: Pupil) -> Pupil:
    """Validate fields (uniqueness is the database's job: UPNs are unique in the file)."""
    pupil.search_name = pupil.make_search_name()
    pupil.full_clean(validate_unique=False, validate_constraints=False)
    return pupil


ROLL_IMPORT_STARTED = AuditAction.PUPILS_ROLL_IMPORT_STARTED


@transaction.atomic
def start_roll_import(
    *, school: School, by: User | None, data: bytes, file_format: str, encoding: str
) -> RollImport:
    """Keep the uploaded file and queue its import (pupils.tasks). With the database task
    backend the queued task is written in this same transaction: both or neither."""
    from earlyhelp.pupils.tasks import import_roll_file  # the task module imports this one

    roll_import = RollImport.objects.create(
        school=school,
        uploaded_by=by,
        created_at=timezone.now(),
        data=data,
        file_format=file_format,
        encoding=encoding,
    )
    record_event(
        by=by,
        action=ROLL_IMPORT_STARTED,
        obj=school,
        school_id=school.pk,
        details={"import": roll_import.pk, "bytes": len(data)},
    )
    import_roll_file.enqueue(roll_import.pk)
    return roll_import


def run_roll_import(*, roll_import_id: int) -> RollImport:
    """The background part: check every row (with progress), then import all or nothing.
    Ends DONE with the summary, or FAILED with the problems; the file's bytes are dropped."""
    roll_import = RollImport.objects.select_related("school", "uploaded_by").get(pk=roll_import_id)
    if roll_import.finished:
        return roll_import
    rows_of = RollImport.objects.filter(pk=roll_import.pk)
    try:
        table = read_csv(bytes(roll_import.data), encoding=roll_import.encoding)
        total = len(table.rows)
        rows_of.update(status=RollImportStatus.CHECKING, rows_total=total, rows_done=0)
        rows = read_roll(
            table,
            fmt=roll_import.file_format,
            progress=lambda done: rows_of.update(rows_done=done),
        )
        rows_of.update(status=RollImportStatus.SAVING, rows_done=total)
        result = import_roll(school=roll_import.school, rows=rows, by=roll_import.uploaded_by)
    except (CsvError, RollFileError) as error:
        problems = error.messages if isinstance(error, RollFileError) else [str(error)]
        _finish(rows_of, status=RollImportStatus.FAILED, problems=problems)
    except Exception:
        _finish(
            rows_of,
            status=RollImportStatus.FAILED,
            problems=["Something went wrong on our side and nothing was imported. Try again."],
        )
        raise
    else:
        missing = [f"{p.display_name} ({p.upn})" for p in result.missing]
        _finish(rows_of, status=RollImportStatus.DONE, summary=result.summary(), missing=missing)
    roll_import.refresh_from_db()
    return roll_import


def _finish(rows_of: QuerySet[RollImport], **values: object) -> None:
    rows_of.update(finished_at=timezone.now(), data=b"", **values)
