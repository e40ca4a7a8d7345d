"""Child protection file transfer: start it, and record its download or its receipt."""

import json

from django.db import transaction

from earlyhelp.accounts.models import User
from earlyhelp.audit.names import AuditAction
from earlyhelp.casework.actions._common import audit, complete_tasks, now, save
from earlyhelp.casework.actions.errors import WrongStateError
from earlyhelp.casework.calendar import SchoolCalendar
from earlyhelp.casework.models import FileTransfer
from earlyhelp.casework.transfer_package import build_package
from earlyhelp.pupils.models import Pupil
from earlyhelp.records.chronology import add_entry
from earlyhelp.records.models import EntryKind, TaskKind
from earlyhelp.schools.models import School

SCHOOL_DAYS_TO_TRANSFER = 5


@transaction.atomic
def start_transfer(
    *,
    pupil: Pupil,
    to_school: School | None = None,
    receiving_school_name: str = "",
    receiving_school_email: str = "",
    by: User | None,
) -> FileTransfer:
    """The pupil leaves: freeze their file into a package, due within 5 school days."""
    pupil = Pupil.objects.select_for_update(of=("self",)).select_related("school").get(pk=pupil.pk)
    pending = [t for t in FileTransfer.objects.filter(pupil=pupil) if not t.is_complete]
    if pending:
        raise WrongStateError(f"{pupil.display_name}’s file is already being transferred.")
    if to_school is not None and to_school.pk == pupil.school_id:
        raise WrongStateError("Choose the school the pupil is moving to, not this one.")
    started = now()
    today = started.date()
    if pupil.left_on is None:
        pupil.left_on = today
        pupil.full_clean()
        pupil.save(update_fields=["left_on"])
    transfer = FileTransfer(
        pupil=pupil,
        from_school_id=pupil.school_id,
        to_school=to_school,
        receiving_school_name=receiving_school_name,
        receiving_school_email=receiving_school_email,
        created_at=started,
        created_by=by,
        due_by=SchoolCalendar.for_school(pupil.school).add_school_days(
            today, SCHOOL_DAYS_TO_TRANSFER
        ),
        package_json=json.dumps(build_package(pupil, made_at=started)),
        sent_at=started if to_school is not None else None,
    )
    save(transfer)
    audit(by=by, action=AuditAction.TRANSFER_STARTED, obj=transfer, school_id=pupil.school_id)
    add_entry(
        pupil=pupil,
        kind=EntryKind.TRANSFER,
        summary=f"Child protection file transfer to {transfer.receiver_name} started.",
        by=by,
        source=transfer,
    )
    return transfer


@transaction.atomic
def mark_downloaded(*, transfer: FileTransfer, by: User) -> FileTransfer:
    """The sending school downloaded the package to send to a school not on the platform."""
    transfer = _locked(transfer)
    if transfer.downloaded_at is None:
        transfer.downloaded_at = now()
        transfer.downloaded_by = by
        save(transfer)
        if transfer.to_school_id is None:
            complete_tasks(source=transfer, kinds=[TaskKind.FILE_TRANSFER], by=by)
        audit(
            by=by,
            action=AuditAction.TRANSFER_DOWNLOADED,
            obj=transfer,
            school_id=transfer.from_school_id,
        )
        add_entry(
            pupil=transfer.pupil,
            kind=EntryKind.TRANSFER,
            summary=f"Child protection file downloaded to send to {transfer.receiver_name}.",
            by=by,
            source=transfer,
        )
    return transfer


@transaction.atomic
def acknowledge_transfer(*, transfer: FileTransfer, by: User) -> FileTransfer:
    """The receiving school's DSL confirms receipt (the view checks who they are)."""
    transfer = _locked(transfer)
    if transfer.to_school_id is None:
        raise WrongStateError("This file was sent to a school that is not on the platform.")
    if transfer.acknowledged_at is not None:
        raise WrongStateError("Receipt of this file has already been confirmed.")
    transfer.acknowledged_at = now()
    transfer.acknowledged_by = by
    save(transfer)
    complete_tasks(source=transfer, kinds=[TaskKind.FILE_TRANSFER], by=by)
    audit(
        by=by,
        action=AuditAction.TRANSFER_ACKNOWLEDGED,
        obj=transfer,
        school_id=transfer.to_school_id,
    )
    add_entry(
        pupil=transfer.pupil,
        kind=EntryKind.TRANSFER,
        summary=f"{transfer.receiver_name} confirmed receipt of the child protection file.",
        by=by,
        source=transfer,
    )
    return transfer


def _locked(transfer: FileTransfer) -> FileTransfer:
    return (
        FileTransfer.objects.select_for_update(of=("self",))
        .select_related("pupil", "to_school")
        .get(pk=transfer.pk)
    )
