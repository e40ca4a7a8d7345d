"""The DSL's subject access export of one child, as JSON or PDF (staff area).

Making an export is an action (it is audited), so it is a POST with the CSRF token; a GET
shows a page with the button, so a link or a prefetch never makes one."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_http_methods

from earlyhelp.accounts.staffviews import StaffRequest, staff_page
from earlyhelp.casework.access import get_casework_child_for_user
from earlyhelp.dataprotection.actions import export_subject_access
from earlyhelp.dataprotection.subject_access import to_json, to_pdf

TYPES = {"json": "application/json", "pdf": "application/pdf"}


@staff_page
@require_http_methods(["GET", "POST"])
def download(request: StaffRequest, school_slug: str, pupil_id: int, kind: str) -> HttpResponse:
    if kind not in TYPES:
        raise Http404("No such format")
    user = request.user
    if request.method != "POST":
        pupil = get_casework_child_for_user(
            user, school_slug, pupil_id, page="subject access export page"
        )
        context = {"pupil": pupil, "school": pupil.school, "kind": kind}
        return render(request, "dataprotection/subject_access.html", context)
    pupil = get_casework_child_for_user(
        user, school_slug, pupil_id, page=f"subject access export ({kind})"
    )
    export = export_subject_access(pupil=pupil, by=user)
    if kind == "json":
        data = to_json(export)
    else:
        data = to_pdf(export, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(data, content_type=TYPES[kind])
    name = f"subject-access-{pupil.upn}-{timezone.localdate().isoformat()}.{kind}"
    response["Content-Disposition"] = content_disposition_header(True, name) or ""
    return response
