"""The governors' report: the page for a date range, preparing its PDF, downloading it."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header

from earlyhelp.accounts.roles import Permission
from earlyhelp.accounts.staffviews import StaffRequest, render_page, staff_page
from earlyhelp.governance.access import get_report_for_user
from earlyhelp.governance.actions import open_report, request_report
from earlyhelp.governance.forms import PrepareForm, RangeForm
from earlyhelp.governance.models import GovernorsReport, ReportStatus
from earlyhelp.governance.report import build_report, this_half_term
from earlyhelp.lib import formvalues
from earlyhelp.lib.errors import ActionError
from earlyhelp.lib.smallnumbers import SUPPRESSED
from earlyhelp.schools.access import get_school_for_user

RECENT = 10


@staff_page
def report(request: StaffRequest, school_slug: str) -> HttpResponse:
    """The report for the range asked (this half term by default), and the PDFs made."""
    school = get_school_for_user(request.user, school_slug, Permission.VIEW_GOVERNORS_REPORT)
    today = timezone.localdate()
    starts_on, ends_on = this_half_term(today)
    form = RangeForm(request.GET if "starts_on_0" in request.GET else None)
    if form.is_bound and form.is_valid():
        starts_on, ends_on = formvalues.day(form, "starts_on"), formvalues.day(form, "ends_on")
    elif not form.is_bound:
        form = RangeForm(initial={"starts_on": starts_on, "ends_on": ends_on})
    prepared = GovernorsReport.objects.filter(school=school)[:RECENT]
    return render_page(
        request,
        "governance/report.html",
        school,
        form=form,
        report=build_report(school, starts_on, ends_on, today=today),
        prepared=list(prepared),
        statuses=ReportStatus,
        suppressed=SUPPRESSED,
    )


@staff_page
def prepare(request: StaffRequest, school_slug: str) -> HttpResponse:
    school = get_school_for_user(request.user, school_slug, Permission.VIEW_GOVERNORS_REPORT)
    page = reverse("governance:report", args=[school.slug])
    form = PrepareForm(request.POST if request.method == "POST" else None)
    if not form.is_valid():
        return redirect(page)
    try:
        made = request_report(
            school=school,
            starts_on=formvalues.day(form, "starts_on"),
            ends_on=formvalues.day(form, "ends_on"),
            by=request.user,
        )
    except ActionError as refused:
        messages.error(request, str(refused))
        return redirect(page)
    made.refresh_from_db()  # a backend that runs tasks at once has finished it
    if made.status == ReportStatus.READY:
        messages.success(request, "The PDF is ready to download.")
    else:
        messages.success(request, "The PDF is being made. Refresh this page in a minute.")
    return redirect(page)


@staff_page
def download(request: StaffRequest, school_slug: str, report_id: int) -> HttpResponse:
    found = get_report_for_user(request.user, school_slug, report_id)
    if found.status != ReportStatus.READY:
        messages.error(request, "That PDF is not ready yet. Refresh this page in a minute.")
        return redirect(reverse("governance:report", args=[found.school.slug]))
    response = HttpResponse(open_report(found), content_type="application/pdf")
    filename = (
        f"{found.school.slug}-governors-report-{found.starts_on.isoformat()}-to-"
        f"{found.ends_on.isoformat()}.pdf"
    )
    response["Content-Disposition"] = content_disposition_header(True, filename) or ""
    return response
