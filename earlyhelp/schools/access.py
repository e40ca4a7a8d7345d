"""The access checks for schools: the only way staff views load a school.

`get_school_for_user` answers 404 both for a school that does not exist and for one the
person has no role at, so that nobody can learn which schools exist by guessing slugs.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404

from earlyhelp.accounts.models import User
from earlyhelp.accounts.permissions import has_permission
from earlyhelp.accounts.roles import Permission, permissions_for
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.schools.models import LocalAuthority, School


def get_school_for_user(user: User, slug: str, permission: Permission) -> School:
    """The school with this slug, if the user works there and holds `permission` there.

    Missing school, or no role at it: 404. A role at it that lacks the permission: 403.
    """
    school = School.objects.select_related("local_authority").filter(slug=slug).first()
    if school is None or not has_permission(user, Permission.VIEW_STAFF_AREA, school=school):
        raise Http404("No such school")
    if not has_permission(user, permission, school=school):
        raise PermissionDenied("You do not have permission to do this at this school.")
    return school


def list_schools_for_user(user: User) -> QuerySet[School]:
    return School.objects.filter(memberships__user=user).distinct().order_by("name")


LA_VIEWED = AuditAction.LOCAL_AUTHORITY_VIEWED


def get_local_authority_for_user(
    user: User, slug: str, permission: Permission, *, page: str
) -> LocalAuthority:
    """The local authority with this slug, if the user holds `permission` there (404 for a
    missing authority and for anyone else, so that nobody learns which exist). Each opening
    writes one audit event naming the page."""
    la = LocalAuthority.objects.filter(slug=slug).first()
    if la is None or not has_permission(user, permission, local_authority=la):
        raise Http404("No such local authority")
    with transaction.atomic():
        record_event(by=user, action=LA_VIEWED, obj=la, details={"page": page})
    return la


def list_local_authorities_for_user(user: User) -> QuerySet[LocalAuthority]:
    """The authorities where the user holds a role that shows the LA home."""
    ids = [
        m.local_authority_id
        for m in user.memberships.filter(local_authority__isnull=False)
        if m.local_authority_id is not None
        and Permission.VIEW_LOCAL_AUTHORITY_OVERVIEW in permissions_for(m.role)
    ]
    return LocalAuthority.objects.filter(pk__in=ids).order_by("name")
