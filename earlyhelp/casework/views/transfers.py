"""Child protection file transfer: the sending school starts it and downloads the package;
the receiving school, if on the platform, reads it and confirms receipt.

The receiving school sees the frozen package only, never the sending school's live record:
its pages load the transfer through `casework.access.get_incoming_transfer_for_user`, which
answers 404 unless the transfer was sent to that school, and writes an access event naming
the child.
"""

import json

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import content_disposition_header

from earlyhelp.accounts.staffviews import StaffRequest, posted, render_page, staff_page, staff_user
from earlyhelp.casework.access import get_casework_child_for_user, get_incoming_transfer_for_user
from earlyhelp.casework.actions.transfers import (
    acknowledge_transfer,
    mark_downloaded,
    start_transfer,
)
from earlyhelp.casework.forms import TransferForm
from earlyhelp.casework.models import FileTransfer
from earlyhelp.casework.transfer_package import render_pdf
from earlyhelp.casework.views._common import load_school
from earlyhelp.lib.errors import ActionError
from earlyhelp.lib.formvalues import optional, text
from earlyhelp.schools.models import School


@staff_page
def transfer(request: StaffRequest, school_slug: str, pupil_id: int) -> HttpResponse:
    pupil = get_casework_child_for_user(
        staff_user(request), school_slug, pupil_id, page="file transfer"
    )
    transfers = list(FileTransfer.objects.filter(pupil=pupil).select_related("to_school"))
    form = TransferForm(posted(request), school=pupil.school)
    if request.method == "POST" and form.is_valid():
        try:
            start_transfer(
                pupil=pupil,
                to_school=optional(form, "to_school", School),
                receiving_school_name=text(form, "receiving_school_name"),
                receiving_school_email=text(form, "receiving_school_email"),
                by=staff_user(request),
            )
        except ActionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The child protection file transfer has started.")
            return redirect(reverse("children:transfer", args=[school_slug, pupil.pk]))
    return render_page(
        request,
        "casework/transfer/child.html",
        pupil.school,
        pupil=pupil,
        transfers=transfers,
        pending=any(not t.is_complete for t in transfers),
        form=form,
    )


@staff_page
def download(
    request: StaffRequest, school_slug: str, pupil_id: int, transfer_id: int, kind: str
) -> HttpResponse:
    """The sending school downloads the package (recorded: it is how an off-platform
    school is sent the file)."""
    if request.method != "POST":
        load_school(request, school_slug)  # another school's people get 404, as elsewhere
        return HttpResponseNotAllowed(["POST"])
    pupil = get_casework_child_for_user(
        staff_user(request), school_slug, pupil_id, page="file transfer: download"
    )
    found = get_object_or_404(FileTransfer, pk=transfer_id, pupil=pupil)
    found = mark_downloaded(transfer=found, by=staff_user(request))
    return _package_response(found, kind)


def _package_response(found: FileTransfer, kind: str) -> HttpResponse:
    name = f"cp-file-{found.package['pupil']['upn']}"
    if kind == "json":
        response = HttpResponse(
            json.dumps(found.package, indent=2), content_type="application/json"
        )
        response["Content-Disposition"] = content_disposition_header(True, f"{name}.json")
    else:
        response = HttpResponse(render_pdf(found), content_type="application/pdf")
        response["Content-Disposition"] = content_disposition_header(True, f"{name}.pdf")
    return response


def _incoming(request: HttpRequest, school: School, incoming_id: int, page: str) -> FileTransfer:
    return get_incoming_transfer_for_user(staff_user(request), school, incoming_id, page=page)


@staff_page
def incoming(request: StaffRequest, school_slug: str) -> HttpResponse:
    school = load_school(request, school_slug)
    transfers = FileTransfer.objects.filter(to_school=school).select_related(
        "pupil", "from_school", "acknowledged_by"
    )
    return render_page(
        request, "casework/transfer/incoming.html", school, transfers=list(transfers)
    )


@staff_page
def incoming_file(request: StaffRequest, school_slug: str, incoming_id: int) -> HttpResponse:
    school = load_school(request, school_slug)
    if request.method == "POST":
        found = _incoming(request, school, incoming_id, "incoming file: acknowledge")
        try:
            acknowledge_transfer(transfer=found, by=staff_user(request))
        except ActionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Receipt confirmed. The sending school can see this.")
        return redirect(reverse("casework:incoming-file", args=[school.slug, found.pk]))
    found = _incoming(request, school, incoming_id, "incoming file")
    return render_page(
        request,
        "casework/transfer/incoming_file.html",
        school,
        transfer=found,
        package=found.package,
    )


@staff_page
def incoming_download(
    request: StaffRequest, school_slug: str, incoming_id: int, kind: str
) -> HttpResponse:
    school = load_school(request, school_slug)
    found = _incoming(request, school, incoming_id, f"incoming file: {kind}")
    return _package_response(found, kind)
