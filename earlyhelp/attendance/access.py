"""The one access check for a pupil's attendance record: `get_pupil_attendance_for_user`.

Attendance is part of the child's record. The school is loaded through
`get_school_for_user` (404 for another school or none, 403 without MANAGE_ATTENDANCE), the
pupil must be on that school's roll (the same 404 otherwise), and each opening writes one
access event. The event is the child-record access event that the DSL's "Who has looked"
page lists (`child_record.viewed`, written by the kernel below casework:
`records.access_events`), with the page named "attendance".
"""

from django.http import Http404

from earlyhelp.accounts.models import User
from earlyhelp.accounts.roles import Permission
from earlyhelp.pupils.models import Pupil
from earlyhelp.records.access_events import VIEWED, record_child_viewed
from earlyhelp.schools.access import get_school_for_user

__all__ = ["VIEWED", "get_pupil_attendance_for_user"]


def get_pupil_attendance_for_user(
    user: User, school_slug: str, pupil_id: int, *, page: str = "attendance"
) -> Pupil:
    school = get_school_for_user(user, school_slug, Permission.MANAGE_ATTENDANCE)
    pupil = Pupil.objects.select_related("school").filter(pk=pupil_id, school=school).first()
    if pupil is None:
        raise Http404("No such pupil")
    record_child_viewed(user=user, pupil=pupil, page=page)
    return pupil
