"""`{% subject_access_links pupil school user %}`: the subject access export links on a
child's overview, for those who may run the export (the dataprotection app serves it)."""

from typing import Any

from django import template

from earlyhelp.accounts.models import User
from earlyhelp.accounts.permissions import has_permission
from earlyhelp.accounts.roles import Permission
from earlyhelp.pupils.models import Pupil
from earlyhelp.schools.models import School

register = template.Library()


@register.inclusion_tag("casework/child/_subject_access.html")
def subject_access_links(pupil: Pupil, school: School, user: User) -> dict[str, Any]:
    return {
        "pupil": pupil,
        "school": school,
        "may_export": has_permission(user, Permission.MANAGE_CASEWORK, school=school),
    }
