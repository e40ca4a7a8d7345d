"""One concern: its page, its attachments, and the team's decision on it (triage)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse

from earlyhelp.accounts.permissions import has_permission
from earlyhelp.accounts.roles import Permission
from earlyhelp.accounts.staffviews import StaffRequest, posted, render_page, staff_page, staff_user
from earlyhelp.concerns.access import get_concern_for_user
from earlyhelp.concerns.actions import Involved, triage_concern
from earlyhelp.concerns.forms import TriageForm
from earlyhelp.concerns.models import Concern, Outcome
from earlyhelp.lib.errors import ActionError
from earlyhelp.pupils.search import parse_ids, pupils_by_ids, search_pupils


@staff_page
def detail(request: StaffRequest, school_slug: str, concern_id: int) -> HttpResponse:
    user = staff_user(request)
    concern = get_concern_for_user(user, concern_id, page="concern", school_slug=school_slug)
    team = has_permission(user, Permission.MANAGE_CASEWORK, school=concern.school)
    return render_page(
        request,
        "concerns/staff/concern.html",
        concern.school,
        concern=concern,
        links=list(concern.links.select_related("pupil")),
        attachments=list(concern.attachments.all()),
        decision=getattr(concern, "decision", None),
        may_triage=team and concern.is_new,
        team=team,
    )


@staff_page
def attachment(
    request: StaffRequest, school_slug: str, concern_id: int, attachment_id: int
) -> HttpResponseBase:
    user = staff_user(request)
    concern = get_concern_for_user(user, concern_id, page="attachment", school_slug=school_slug)
    found = concern.attachments.filter(pk=attachment_id).first()
    if found is None:
        raise Http404("No such attachment")
    response = FileResponse(
        found.file.open("rb"),
        as_attachment=True,
        filename=found.original_name,
        content_type=found.content_type,
    )
    response["Content-Security-Policy"] = "sandbox"
    return response


@staff_page
def triage(request: StaffRequest, school_slug: str, concern_id: int) -> HttpResponse:
    user = staff_user(request)
    concern = get_concern_for_user(user, concern_id, page="triage", school_slug=school_slug)
    if not has_permission(user, Permission.MANAGE_CASEWORK, school=concern.school):
        raise PermissionDenied("Decisions are for the safeguarding team.")
    query = request.GET.get("q", "").strip()[:100]
    candidates = search_pupils(concern.school, query) if query else []
    if request.method == "POST":
        candidates += pupils_by_ids(concern.school, parse_ids(request.POST.get("link_pupil", "")))
    form = TriageForm(posted(request), candidates=candidates)
    if request.method == "POST" and form.is_valid() and concern.is_new:
        data = form.cleaned_data
        link = form.candidates.get(data["link_pupil"]) if data["link_pupil"] else None
        try:
            triage_concern(
                concern=concern,
                outcome=data["outcome"],
                reason=data["reason"],
                service_name=data["service_name"],
                link_pupils=[Involved(link, data["link_part"] or "subject")] if link else [],
                by=user,
            )
        except ActionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _confirmation(concern, data["outcome"]))
            return redirect(reverse("concerns:inbox", args=[concern.school.slug]))
    return render_page(
        request,
        "concerns/staff/triage.html",
        concern.school,
        concern=concern,
        form=form,
        links=list(concern.links.select_related("pupil")),
        query=query,
        decided=not concern.is_new,
    )


def _confirmation(concern: Concern, outcome: str) -> str:
    return f"Decision on concern {concern.pk} recorded: {Outcome(outcome).label}."
