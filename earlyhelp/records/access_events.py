"""The access event written for each view of a child's record.

Only the access modules (`casework.access`, `concerns.access`) write it, as part of their one
check: an import-linter contract in pyproject.toml refuses any other importer, so no view can
load a child and "audit it by hand".
"""

from django.db import transaction

from earlyhelp.accounts.models import User
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.pupils.models import Pupil

VIEWED = AuditAction.CHILD_RECORD_VIEWED


def record_child_viewed(*, user: User, pupil: Pupil, page: str) -> None:
    """Write the access event for one view of `pupil`'s record, naming `page`."""
    with transaction.atomic():
        record_event(
            by=user, action=VIEWED, obj=pupil, school_id=pupil.school_id, details={"page": page}
        )
