"""Writing the roll: `import_roll`, all or nothing, with one audit event for the import."""

from dataclasses import dataclass, field

from django.db import transaction

from earlyhelp.accounts.models import User
from earlyhelp.audit.events import record_event
from earlyhelp.pupils.models import Pupil
from earlyhelp.pupils.roll import ROW_FIELDS, PupilRow
from earlyhelp.schools.models import School

ROLL_IMPORTED = "pupils.roll_imported"


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
    result = ImportResult()
    new, updated = [], []
    for row in rows:
        pupil = existing.pop(row.upn, None)
        if pupil is None:
            new.append(_checked(Pupil(school=school, **row.values())))
        elif _apply(pupil, row):
            updated.append(_checked(pupil))
        else:
            result.unchanged += 1
    Pupil.objects.bulk_create(new, batch_size=500)
    Pupil.objects.bulk_update(updated, [*ROW_FIELDS, "search_name"], batch_size=500)
    result.added, result.changed = len(new), len(updated)
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
