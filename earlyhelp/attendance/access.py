"""The one access check for a pupil's attendance record: `get_pupil_attendance_for_user`.

Attendance is part of the child's record. The school is loaded through
`get_school_for_user` (404 for another school or none, 403 without MANAGE_ATTENDANCE), the
pupil must be on that school's roll (the same 404 otherwise), and each opening writes one
access event. The event uses the child-record access action that the DSL's "Who has looked"
page lists (casework's `child_record.viewed`, named here as text because attendance sits
below casework and may not import it), with the page named "attendance".
"""

from django.db import transaction
from django.http import Http404

from earlyhelp.accounts.models import User
from earlyhelp.accounts.roles import Permission
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.pupils.models import Pupil
from earlyhelp.schools.access import get_school_for_user

VIEWED = AuditAction.CHILD_RECORD_VIEWED


def get_pupil_attendance_for_user(
    user: User, school_slug: str, pupil_id: int, *, page: str = "attendance"
) -> Pupil:
    school = get_school_for_user(user, school_slug, Permission.MANAGE_ATTENDANCE)
    pupil = Pupil.objects.select_related("school").filter(pk=pupil_id, school=school).first()
    if pupil is None:
        raise Http404("No such pupil")
    with transaction.atomic():
        record_event(
            by=user,
            action=VIEWED,
            obj=pupil,
            school_id=school.pk,
            details={"page": page},
        )
    return pupil
