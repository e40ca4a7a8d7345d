"""An Offer document uploaded in the editor, imported in the background (docs/adr/0012).

`start_offer_upload` keeps the file and queues its import in one transaction (both or
neither); `run_offer_upload` is the background part: read the document in the importer's
worker process, then save it into the school's draft for review (`save_import`). Progress
is the upload's status, written outside the save's transaction so the page can read it.
"""

import tempfile
from pathlib import Path

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from earlyhelp.accounts.models import User
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.imports.models import OfferUpload, UploadStatus
from earlyhelp.imports.pipeline import import_offer
from earlyhelp.imports.readers import UnreadableDocument
from earlyhelp.offers.actions.importing.saving import document_hash, save_import
from earlyhelp.schools.models import School

# Audit events of uploads, named once here.

SOMETHING_WENT_WRONG = "Something went wrong on our side and nothing was imported. Try again."


@transaction.atomic
def start_offer_upload(
    *, by: User | None, school: School, document_name: str, data: bytes
) -> OfferUpload:
    """Keep the checked file and queue its import (offers.import_tasks)."""
    from earlyhelp.offers.import_tasks import (
        import_offer_upload,  # the task module imports this one
    )

    upload = OfferUpload.objects.create(
        school=school,
        uploaded_by=by,
        document_name=Path(document_name).name[:300],
        data=data,
        created_at=timezone.now(),
    )
    record_event(
        by=by,
        action=AuditAction.IMPORT_UPLOAD_STARTED,
        obj=upload,
        school_id=school.pk,
        details={"document": upload.document_name, "bytes": len(data)},
    )
    import_offer_upload.enqueue(upload.pk)
    return upload


def run_offer_upload(*, upload_id: int) -> OfferUpload:
    """Read and save the document; ends DONE with its run, or FAILED with the reason why.
    The file's bytes are dropped either way."""
    upload = OfferUpload.objects.select_related("school", "uploaded_by").get(pk=upload_id)
    if upload.finished:
        return upload
    rows = OfferUpload.objects.filter(pk=upload.pk)
    rows.update(status=UploadStatus.READING)
    data = bytes(upload.data)
    try:
        with tempfile.TemporaryDirectory(prefix="offer-upload-") as folder:
            path = Path(folder) / upload.document_name
            path.write_bytes(data)
            result = import_offer(path, today=timezone.localdate())
        rows.update(status=UploadStatus.SAVING)
        run = save_import(
            by=upload.uploaded_by,
            school=upload.school,
            result=result,
            document_name=upload.document_name,
            document_sha256=document_hash(data),
        )
    except UnreadableDocument as error:
        _fail(upload, rows, _reason(str(error), upload.document_name))
    except Exception:
        _fail(upload, rows, SOMETHING_WENT_WRONG)
        raise
    else:
        _finish(rows, status=UploadStatus.DONE, run=run)
    upload.refresh_from_db()
    return upload


def _reason(message: str, name: str) -> str:
    """The reader's reason, for the person: "Cannot read x.pdf: the file is empty." →
    "The file is empty." (the page names the file already)."""
    reason = message.split(f"{name}: ", 1)[-1].strip()
    return (reason[:1].upper() + reason[1:])[:500] if reason else SOMETHING_WENT_WRONG


def _fail(upload: OfferUpload, rows: QuerySet[OfferUpload], problem: str) -> None:
    _finish(rows, status=UploadStatus.FAILED, problem=problem)
    record_event(
        by=upload.uploaded_by,
        action=AuditAction.IMPORT_UPLOAD_FAILED,
        obj=upload,
        school_id=upload.school_id,
        details={"document": upload.document_name, "problem": problem},
    )


def _finish(rows: QuerySet[OfferUpload], **values: object) -> None:
    rows.update(finished_at=timezone.now(), data=b"", **values)
