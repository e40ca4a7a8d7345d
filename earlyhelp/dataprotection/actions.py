"""Writes of the data protection app: legal holds and deleting a child's record."""

from django.db import router, transaction
from django.db.models.deletion import Collector
from django.utils import timezone

from earlyhelp.accounts.models import User
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.dataprotection.models import RetentionHold
from earlyhelp.dataprotection.records import collect_child_rows
from earlyhelp.dataprotection.subject_access import SubjectAccessExport, build_export
from earlyhelp.lib.errors import ActionError, WrongStateError
from earlyhelp.pupils.models import Pupil

HOLD_PLACED = AuditAction.RETENTION_HOLD_PLACED
HOLD_LIFTED = AuditAction.RETENTION_HOLD_LIFTED
RECORD_DELETED = AuditAction.RETENTION_CHILD_RECORD_DELETED
EXPORTED = AuditAction.CHILD_RECORD_SUBJECT_ACCESS_EXPORTED


class LegalHoldError(ActionError):
    """The child's record is under legal hold and cannot be deleted."""


class StillOnRollError(ActionError):
    """A child still on the school's roll cannot have their record deleted."""


@transaction.atomic
def place_hold(*, pupil: Pupil, reason: str, by: User) -> RetentionHold:
    hold = RetentionHold(pupil=pupil, reason=reason, placed_by=by, placed_at=timezone.now())
    hold.full_clean()
    hold.save()
    record_event(
        by=by,
        action=HOLD_PLACED,
        obj=hold,
        school_id=pupil.school_id,
        details={"pupil_id": pupil.pk, "reason": reason},
    )
    return hold


@transaction.atomic
def lift_hold(*, hold: RetentionHold, reason: str, by: User) -> RetentionHold:
    hold = RetentionHold.objects.select_for_update().select_related("pupil").get(pk=hold.pk)
    if not hold.is_active:
        raise WrongStateError("This legal hold has already been lifted.")
    hold.lifted_at, hold.lifted_by, hold.lift_reason = timezone.now(), by, reason
    hold.full_clean()
    hold.save()
    record_event(
        by=by,
        action=HOLD_LIFTED,
        obj=hold,
        school_id=hold.pupil.school_id,
        details={"pupil_id": hold.pupil_id, "reason": reason},
    )
    return hold


@transaction.atomic
def delete_child_record(*, pupil: Pupil, by: User | None, reason: str) -> dict[str, int]:
    """Delete the pupil and every row that refers to them, directly or through another row.

    Refused under an active legal hold and for a child still on the roll. The audit event
    names the pupil by id only and counts what went, per model: the trail keeps no content.
    """
    pupil = Pupil.objects.select_for_update().get(pk=pupil.pk)
    if RetentionHold.objects.filter(pupil=pupil, lifted_at__isnull=True).exists():
        raise LegalHoldError("This child's record is under legal hold and cannot be deleted.")
    if pupil.left_on is None:
        raise StillOnRollError("This child is still on the roll: record a leaving date first.")
    pupil_id, school_id = pupil.pk, pupil.school_id
    # Django's collector orders the deletes by the foreign keys between the rows.
    collector = Collector(using=router.db_for_write(Pupil), origin=pupil)
    for model, ids in collect_child_rows(pupil):
        collector.collect(list(model._base_manager.filter(pk__in=ids)))
    collector.collect([pupil])
    counts = collector.delete()[1]
    deleted = {label: n for label, n in sorted(counts.items()) if n}
    record_event(
        by=by,
        action=RECORD_DELETED,
        school_id=school_id,
        details={"pupil_id": pupil_id, "reason": reason, "deleted": deleted},
    )
    return deleted


@transaction.atomic
def export_subject_access(*, pupil: Pupil, by: User | None) -> SubjectAccessExport:
    """Everything held about the child, with the export itself recorded in the audit trail."""
    export = build_export(pupil)
    record_event(
        by=by,
        action=EXPORTED,
        obj=pupil,
        school_id=pupil.school_id,
        details={"records": {s.label: len(s.rows) for s in export.sections}},
    )
    return export
