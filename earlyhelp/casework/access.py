"""Need to know: the one access check for a child's safeguarding record.

Every page that shows anything from a child's record loads the child through
`get_child_for_user`, which answers 404 for a child who does not exist and for one the person
may not see (the same answer, so nobody learns who is on another school's roll), and writes
exactly one access event to the audit trail for each record it opens. The DSL reads those
events on the child's "Who has looked" page.

Who may see a child's record:
- the safeguarding team (VIEW_CHILD_RECORDS: DSL and deputies) of the child's school;
- nobody else at the school sees the record (a teacher sees only the concerns they logged,
  through the concerns app's own check), and nobody at another school, ever;
- the receiving school's casework team reads a file transfer sent to it
  (`get_incoming_transfer_for_user`), the frozen package only;
- a local authority officer only when a referral about the child was sent to their
  authority (`_referred_to_officer`), never because of their county role alone.
"""

from django.http import Http404

from earlyhelp.accounts.models import User
from earlyhelp.accounts.permissions import has_permission
from earlyhelp.accounts.roles import Permission
from earlyhelp.casework.models import FileTransfer
from earlyhelp.pupils.models import Pupil
from earlyhelp.records.access_events import VIEWED, record_child_viewed
from earlyhelp.schools.access import get_school_for_user
from earlyhelp.schools.models import School

__all__ = [
    "VIEWED",
    "can_view_child",
    "get_casework_child_for_user",
    "get_child_for_user",
    "get_incoming_transfer_for_user",
]


def can_view_child(user: User, pupil: Pupil) -> bool:
    """The rule itself, with no side effect (used by lists and by tests)."""
    if has_permission(user, Permission.VIEW_CHILD_RECORDS, school=pupil.school):
        return True
    return _referred_to_officer(user, pupil)


def get_child_for_user(
    user: User,
    pupil_id: int,
    *,
    page: str,
    school_slug: str | None = None,
    permission: Permission | None = None,
) -> Pupil:
    """The pupil, if `user` may see their record; records one access event naming `page`.

    Under a school's URL (`school_slug`) the child must be on that school's roll; with
    `permission`, the person must also hold it at the child's school. Otherwise it is the same
    404, with nothing recorded."""
    pupil = _find_child(pupil_id, school_slug)
    if pupil is None or not can_view_child(user, pupil):
        raise Http404("No such child")
    if permission is not None and not has_permission(user, permission, school=pupil.school):
        raise Http404("No such child")
    _record_access(user=user, pupil=pupil, page=page)
    return pupil


def get_casework_child_for_user(user: User, school_slug: str, pupil_id: int, *, page: str) -> Pupil:
    """A child's record on a school's casework pages: the school through `get_school_for_user`
    (404 for another school, 403 without casework rights), then the child as above."""
    school = get_school_for_user(user, school_slug, Permission.MANAGE_CASEWORK)
    return get_child_for_user(user, pupil_id, page=page, school_slug=school.slug)


def _find_child(pupil_id: int, school_slug: str | None) -> Pupil | None:
    pupils = Pupil.objects.select_related("school__local_authority")
    if school_slug is not None:
        pupils = pupils.filter(school__slug=school_slug)
    return pupils.filter(pk=pupil_id).first()


def get_incoming_transfer_for_user(
    user: User, school: School, transfer_id: int, *, page: str
) -> FileTransfer:
    """A file transfer sent to `school`, if `user` runs casework there; else 404. The receiving
    school reads the frozen package, never the sending school's live record; each look is
    recorded as one access event naming the child and `page`."""
    found = (
        FileTransfer.objects.select_related("pupil", "from_school")
        .filter(pk=transfer_id, to_school=school)
        .first()
    )
    if found is None or not has_permission(user, Permission.MANAGE_CASEWORK, school=school):
        raise Http404("No such transfer")
    _record_access(user=user, pupil=found.pupil, page=page)
    return found


def _record_access(*, user: User, pupil: Pupil, page: str) -> None:
    """Write the access event for one view of `pupil`'s record (only this module's loaders)."""
    record_child_viewed(user=user, pupil=pupil, page=page)


def _referred_to_officer(user: User, pupil: Pupil) -> bool:
    """True if a referral about this child was sent to the officer's local authority."""
    la = pupil.school.local_authority
    if not has_permission(user, Permission.VIEW_LOCAL_AUTHORITY_OVERVIEW, local_authority=la):
        return False
    from earlyhelp.casework.referrals import referred_to_local_authority

    return referred_to_local_authority(pupil=pupil, local_authority=la)
