"""The access checks for schools: the only way staff views load a school.

`get_school_for_user` answers 404 both for a school that does not exist and for one the
person has no role at, so that nobody can learn which schools exist by guessing slugs.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from earlyhelp.accounts.models import User
from earlyhelp.accounts.permissions import has_permission
from earlyhelp.accounts.roles import Permission
from earlyhelp.schools.models import School


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
