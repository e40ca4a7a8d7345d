"""Every write of the training app, each with its audit event in the same transaction.

- `record_training`: one course completed, entered by the person themself or by someone
  who manages training at the school; its expiry computed from the school's rule.
- `import_records`: a CSV of existing records (checked by `csvimport.read_records`), all
  or nothing.
- `sign_document`: a signature of a document's current edition.
- `publish_policy`: a school's own read-and-sign policy, new or a new edition of it (a new
  edition reopens it for everyone).
"""

from collections.abc import Sequence
from datetime import date
from typing import IO, TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from earlyhelp.accounts.models import Membership, User
from earlyhelp.accounts.permissions import has_permission
from earlyhelp.accounts.roles import Permission
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.lib.errors import ActionError
from earlyhelp.lib.uploads import DOCUMENTS, MB, UploadError, check_upload
from earlyhelp.lib.validation import validated_save
from earlyhelp.schools.models import School
from earlyhelp.training.compliance import documents_for, renewal_months
from earlyhelp.training.csvimport import RecordRow
from earlyhelp.training.models import (
    DocumentKind,
    ReadDocument,
    Signature,
    TrainingRecord,
    TrainingType,
)
from earlyhelp.training.rules import expiry

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    Upload = UploadedFile[bytes]
else:
    Upload = object

EVIDENCE_MAX_BYTES = 10 * MB
POLICY_KINDS = (
    DocumentKind.CHILD_PROTECTION,
    DocumentKind.BEHAVIOUR,
    DocumentKind.ONLINE_SAFETY,
    DocumentKind.OTHER,
)


class TrainingRefused(ActionError):
    """The person may not do this (the message says why)."""


def may_record_for(by: User, person: User, school: School) -> bool:
    """Anyone at the school for themself; someone who manages training for anyone there."""
    if not Membership.objects.filter(user=person, school=school).exists():
        return False
    return by.pk == person.pk or has_permission(by, Permission.MANAGE_TRAINING, school=school)


def check_evidence(upload: IO[bytes]) -> str:
    """The evidence's content type (PDF, image or Word), judged by content; `UploadError`."""
    return check_upload(upload, allowed=DOCUMENTS, max_bytes=EVIDENCE_MAX_BYTES).content_type


@transaction.atomic
def record_training(
    *,
    school: School,
    person: User,
    training_type: TrainingType,
    completed_on: date,
    provider: str,
    evidence: "Upload | None" = None,
    by: User,
) -> TrainingRecord:
    if not may_record_for(by, person, school):
        raise TrainingRefused("You may record only your own training at this school")
    if completed_on > timezone.localdate():
        raise TrainingRefused("The date completed must be today or in the past")
    record = TrainingRecord(
        person=person,
        school=school,
        training_type=training_type,
        completed_on=completed_on,
        provider=provider,
        expires_on=expiry(completed_on, renewal_months(school, [training_type])[training_type.pk]),
        entered_by=by,
        entered_at=timezone.now(),
    )
    if evidence is not None:
        _attach(record, evidence)
    validated_save(record)
    record_event(
        by=by,
        action=AuditAction.TRAINING_RECORDED,
        obj=record,
        school_id=school.pk,
        details={
            "person": person.pk,
            "type": training_type.code,
            "completed_on": completed_on.isoformat(),
            "evidence": bool(record.evidence),
        },
    )
    return record


def _attach(record: TrainingRecord, upload: "Upload") -> None:
    try:
        record.evidence_type = check_evidence(upload)
    except UploadError as error:
        raise TrainingRefused(str(error)) from error
    record.evidence_name = (upload.name or "file")[-200:]
    record.evidence.save(upload.name or "file", upload, save=False)


@transaction.atomic
def import_records(*, school: School, rows: Sequence[RecordRow], by: User) -> int:
    """Records from a checked file (`csvimport.read_records`): all or nothing."""
    if not has_permission(by, Permission.MANAGE_TRAINING, school=school):
        raise TrainingRefused("You do not have permission to import training records")
    months = renewal_months(school, {r.training_type.pk: r.training_type for r in rows}.values())
    now = timezone.now()
    records = [
        TrainingRecord(
            person=r.person, school=school, training_type=r.training_type,
            completed_on=r.completed_on, provider=r.provider,
            expires_on=expiry(r.completed_on, months[r.training_type.pk]), entered_by=by,
            entered_at=now,
        )
        for r in rows
    ]  # fmt: skip
    for record in records:
        record.full_clean()
    TrainingRecord.objects.bulk_create(records)
    record_event(
        by=by,
        action=AuditAction.TRAINING_RECORDS_IMPORTED,
        obj=school,
        school_id=school.pk,
        details={"records": len(records)},
    )
    return len(records)


@transaction.atomic
def sign_document(*, school: School, document: ReadDocument, by: User) -> Signature:
    """`by` has read the document's current edition and signs it."""
    if document.pk not in {d.pk for d in documents_for(school)}:
        raise TrainingRefused("This document is not one of this school's")
    if not Membership.objects.filter(user=by, school=school).exists():
        raise TrainingRefused("You do not work at this school")
    signature = validated_save(
        Signature(
            person=by,
            school=school,
            document=document,
            edition=document.edition,
            signed_at=timezone.now(),
        )
    )
    record_event(
        by=by,
        action=AuditAction.TRAINING_DOCUMENT_SIGNED,
        obj=document,
        school_id=school.pk,
        details={"document": document.kind, "edition": document.edition},
    )
    return signature


@transaction.atomic
def publish_policy(
    *,
    school: School,
    kind: DocumentKind,
    title: str,
    edition: str,
    url: str,
    by: User,
) -> ReadDocument:
    """The school's policy of `kind` (one per kind but "other", matched by title), new or in
    a new edition: everyone's earlier signatures stop counting for it."""
    if not has_permission(by, Permission.MANAGE_TRAINING, school=school):
        raise TrainingRefused("You do not have permission to publish the school's policies")
    if kind not in POLICY_KINDS:
        raise TrainingRefused("Choose one of the school's own policies")
    found = ReadDocument.objects.filter(school=school, kind=kind)
    if kind == DocumentKind.OTHER:
        found = found.filter(title=title)
    document = found.first() or ReadDocument(school=school, kind=kind, renewal_months=12)
    if document.pk is not None and document.edition == edition:
        raise TrainingRefused(f"Edition {edition} is already published: give the new edition")
    document.title, document.edition, document.url = title, edition, url
    document.published_on = timezone.localdate()
    document.position = 100 + POLICY_KINDS.index(kind)
    validated_save(document)
    record_event(
        by=by,
        action=AuditAction.TRAINING_DOCUMENT_EDITION_PUBLISHED,
        obj=document,
        school_id=school.pk,
        details={"document": str(kind), "title": title, "edition": edition},
    )
    return document
