"""The access checks of staff training: a school's training pages, a record, a document.

Training records are staff's own data, not a child's: a person sees their own, and those
who manage training at the school (DSL, deputies, headteacher) see everyone's there. Another
school's staff get 404, like every school page (`schools.access.get_school_for_user`).
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404

from earlyhelp.accounts.models import User
from earlyhelp.accounts.permissions import has_permission
from earlyhelp.accounts.roles import Permission
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.schools.access import get_school_for_user
from earlyhelp.schools.models import School
from earlyhelp.training.compliance import documents_for
from earlyhelp.training.models import ReadDocument, TrainingRecord


def get_training_school_for_user(user: User, slug: str, *, manage: bool = False) -> School:
    """The school, for anyone with a role there; with `manage`, only for MANAGE_TRAINING."""
    permission = Permission.MANAGE_TRAINING if manage else Permission.VIEW_STAFF_AREA
    return get_school_for_user(user, slug, permission)


def may_manage_training(user: User, school: School) -> bool:
    return has_permission(user, Permission.MANAGE_TRAINING, school=school)


def get_evidence_for_user(user: User, slug: str, record_id: int) -> TrainingRecord:
    """A record with evidence: its owner's or, for a manager, anyone's at the school (404
    otherwise, and for a record of another school); each opening is audited."""
    school = get_training_school_for_user(user, slug)
    record = (
        TrainingRecord.objects.select_related("school", "training_type")
        .filter(pk=record_id, school=school)
        .exclude(evidence="")
        .first()
    )
    if record is None:
        raise Http404("No such record")
    if record.person_id != user.pk and not may_manage_training(user, school):
        raise PermissionDenied("You may see only your own training evidence.")
    with transaction.atomic():
        record_event(
            by=user,
            action=AuditAction.TRAINING_EVIDENCE_DOWNLOADED,
            obj=record,
            school_id=school.pk,
            details={"person": record.person_id},
        )
    return record


def get_document_for_user(user: User, slug: str, document_id: int) -> tuple[School, ReadDocument]:
    """A read-and-sign document of the school (national or its own); 404 for any other."""
    school = get_training_school_for_user(user, slug)
    document = next((d for d in documents_for(school) if d.pk == document_id), None)
    if document is None:
        raise Http404("No such document")
    return school, document
