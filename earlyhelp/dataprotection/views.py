"""The DSL's subject access export of one child, as JSON or PDF (staff area).

Making an export is an action (it is audited), so it is a POST with the CSRF token; a GET
shows a page with the button, so a link or a prefetch never makes one."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from earlyhelp.accounts.models import User
from earlyhelp.accounts.roles import Permission
from earlyhelp.casework.access import get_child_for_user
from earlyhelp.dataprotection.actions import export_subject_access
from earlyhelp.dataprotection.subject_access import to_json, to_pdf
from earlyhelp.pupils.models import Pupil
from earlyhelp.schools.access import get_school_for_user

TYPES = {"json": "application/json", "pdf": "application/pdf"}


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def download(request: HttpRequest, school_slug: str, pupil_id: int, kind: str) -> HttpResponse:
    if kind not in TYPES:
        raise Http404("No such format")
    user = request.user
    assert isinstance(user, User)
    school = get_school_for_user(user, school_slug, Permission.MANAGE_CASEWORK)
    if not Pupil.objects.filter(pk=pupil_id, school=school).exists():
        raise Http404("No such child")
    if request.method != "POST":
        pupil = get_child_for_user(user, pupil_id, page="subject access export page")
        context = {"pupil": pupil, "school": school, "kind": kind}
        return render(request, "dataprotection/subject_access.html", context)
    pupil = get_child_for_user(user, pupil_id, page=f"subject access export ({kind})")
    export = export_subject_access(pupil=pupil, by=user)
    if kind == "json":
        data = to_json(export)
    else:
        data = to_pdf(export, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(data, content_type=TYPES[kind])
    name = f"subject-access-{pupil.upn}-{timezone.localdate().isoformat()}.{kind}"
    response["Content-Disposition"] = content_disposition_header(True, name) or ""
    return response
