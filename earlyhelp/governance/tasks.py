"""Background tasks of the governors' report (Django's Tasks framework; docs/adr/0012)."""

from django.tasks import task

from earlyhelp.governance.actions import make_report


@task
def make_governors_report(report_id: int) -> str:
    """Make the PDF of one GovernorsReport row; safe to run again."""
    return make_report(report_id)
