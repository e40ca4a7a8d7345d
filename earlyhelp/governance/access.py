"""The one check for a governors' report: VIEW_GOVERNORS_REPORT at its school."""

from django.http import Http404

from earlyhelp.accounts.models import User
from earlyhelp.accounts.roles import Permission
from earlyhelp.governance.models import GovernorsReport
from earlyhelp.schools.access import get_school_for_user


def get_report_for_user(user: User, school_slug: str, report_id: int) -> GovernorsReport:
    school = get_school_for_user(user, school_slug, Permission.VIEW_GOVERNORS_REPORT)
    report = GovernorsReport.objects.filter(pk=report_id, school=school).first()
    if report is None:
        raise Http404("No such report")
    report.school = school
    return report
