"""`{% early_help_summary pupil school user %}`: the early help panel on a child's overview."""

from typing import Any

from django import template

from earlyhelp.accounts.models import User
from earlyhelp.accounts.permissions import has_permission
from earlyhelp.accounts.roles import Permission
from earlyhelp.casework.models import ACTIVE_STATUSES, EarlyHelpEpisode
from earlyhelp.pupils.models import Pupil
from earlyhelp.schools.models import School

register = template.Library()


@register.inclusion_tag("casework/early_help/_summary.html")
def early_help_summary(pupil: Pupil, school: School, user: User) -> dict[str, Any]:
    episode = (
        EarlyHelpEpisode.objects.filter(pupil=pupil, status__in=ACTIVE_STATUSES)
        .select_related("lead_practitioner")
        .first()
    )
    return {
        "pupil": pupil,
        "school": school,
        "episode": episode,
        "may_manage": has_permission(user, Permission.MANAGE_CASEWORK, school=school),
    }
