"""The demo's governors' reports: one per school for this half term, asked for by its DSL.

The PDF is made by the background worker that `make demo` runs beside the web server.
"""

from datetime import date

from django.utils import timezone

from earlyhelp.accounts.models import Membership
from earlyhelp.accounts.roles import Role
from earlyhelp.governance.actions import request_report
from earlyhelp.governance.models import GovernorsReport
from earlyhelp.governance.report import this_half_term
from earlyhelp.schools.models import School


def load_demo_governors_reports(today: date | None = None) -> None:
    starts_on, ends_on = this_half_term(today or timezone.localdate())
    for school in School.objects.filter(memberships__role=Role.DSL).distinct().order_by("name"):
        dsl = Membership.objects.filter(school=school, role=Role.DSL).first()
        if dsl is not None and not GovernorsReport.objects.filter(school=school).exists():
            request_report(school=school, starts_on=starts_on, ends_on=ends_on, by=dsl.user)
