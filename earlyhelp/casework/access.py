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
- a local authority officer only when a referral about the child was sent to their
  authority (`_referred_to_officer`), never because of their county role alone.
"""

from django.db import transaction
from django.http import Http404

from earlyhelp.accounts.models import User
from earlyhelp.accounts.permissions import has_permission
from earlyhelp.accounts.roles import Permission
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.pupils.models import Pupil

VIEWED = AuditAction.CHILD_RECORD_VIEWED


def can_view_child(user: User, pupil: Pupil) -> bool:
    """The rule itself, with no side effect (used by lists and by tests)."""
    if has_permission(user, Permission.VIEW_CHILD_RECORDS, school=pupil.school):
        return True
    return _referred_to_officer(user, pupil)


def get_child_for_user(user: User, pupil_id: int, *, page: str) -> Pupil:
    """The pupil, if `user` may see their record; records one access event naming `page`."""
    pupil = Pupil.objects.select_related("school__local_authority").filter(pk=pupil_id).first()
    if pupil is None or not can_view_child(user, pupil):
        raise Http404("No such child")
    record_access(user=user, pupil=pupil, page=page)
    return pupil


def record_access(*, user: User, pupil: Pupil, page: str) -> None:
    """Write the access event for one view of `pupil`'s record."""
    with transaction.atomic():
        record_event(
            by=user, action=VIEWED, obj=pupil, school_id=pupil.school_id, details={"page": page}
        )


def _referred_to_officer(user: User, pupil: Pupil) -> bool:
    """True if a referral about this child was sent to the officer's local authority."""
    la = pupil.school.local_authority
    if not has_permission(user, Permission.VIEW_LOCAL_AUTHORITY_OVERVIEW, local_authority=la):
        return False
    from earlyhelp.casework.referrals import referred_to_local_authority

    return referred_to_local_authority(pupil=pupil, local_authority=la)
