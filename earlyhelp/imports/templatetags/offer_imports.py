"""`{% waiting_import school as run %}`: the school's import waiting for review, if any."""

from django import template

from earlyhelp.imports.models import ImportRun, RunStatus
from earlyhelp.schools.models import School

register = template.Library()


@register.simple_tag
def waiting_import(school: School) -> ImportRun | None:
    return ImportRun.objects.filter(school=school, status=RunStatus.WAITING).first()
