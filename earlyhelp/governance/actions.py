"""Asking for the governors' report's PDF, and making it (the background task's part)."""

from datetime import date

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from earlyhelp.accounts.models import User
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.governance.models import GovernorsReport, ReportStatus
from earlyhelp.governance.pdf import render_report_pdf
from earlyhelp.governance.report import build_report
from earlyhelp.lib.errors import ActionError
from earlyhelp.lib.validation import validated_save
from earlyhelp.schools.models import School

STORAGE_FOLDER = "governors-reports"


class ReportDatesError(ActionError):
    """The range ends before it starts, or ends in the future."""


@transaction.atomic
def request_report(*, school: School, starts_on: date, ends_on: date, by: User) -> GovernorsReport:
    """A new report for the range, queued for the background worker in this transaction."""
    from earlyhelp.governance import tasks

    if ends_on < starts_on:
        raise ReportDatesError("The end date must be the same as or after the start date")
    if ends_on > timezone.localdate():
        raise ReportDatesError("The end date must be today or in the past")
    report = validated_save(
        GovernorsReport(
            school=school,
            starts_on=starts_on,
            ends_on=ends_on,
            requested_by=by,
            requested_at=timezone.now(),
        )
    )
    record_event(
        by=by,
        action=AuditAction.GOVERNORS_REPORT_REQUESTED,
        obj=report,
        school_id=school.pk,
        details={"starts_on": starts_on.isoformat(), "ends_on": ends_on.isoformat()},
    )
    tasks.make_governors_report.enqueue(report.pk)
    return report


def make_report(report_id: int) -> str:
    """Render one queued report's PDF into storage; safe to run again."""
    now = timezone.now()
    taken = GovernorsReport.objects.filter(
        pk=report_id, status__in=[ReportStatus.QUEUED, ReportStatus.FAILED]
    ).update(status=ReportStatus.RENDERING, started_at=now, error="")
    if not taken:
        return "nothing to do"
    report = GovernorsReport.objects.select_related(
        "school__offer__published_version", "school__local_authority"
    ).get(pk=report_id)
    try:
        content = render_report_pdf(
            build_report(
                report.school, report.starts_on, report.ends_on, today=timezone.localdate()
            )
        )
        name = default_storage.save(
            f"{STORAGE_FOLDER}/{report.school.slug}/{report.pk}.pdf", ContentFile(content)
        )
    except Exception as error:
        _set(report, status=ReportStatus.FAILED, error=f"{type(error).__name__}: {error}"[:2000])
        raise
    _set(report, status=ReportStatus.READY, file_name=name, size=len(content))
    return f"made {len(content)} bytes"


def _set(report: GovernorsReport, **fields: object) -> None:
    GovernorsReport.objects.filter(pk=report.pk).update(finished_at=timezone.now(), **fields)


def open_report(report: GovernorsReport) -> bytes:
    with default_storage.open(report.file_name, "rb") as stored:
        content: bytes = stored.read()
    return content
