"""Import an Offer document from the editor: upload it, watch its progress, then review it.

The import runs in the background (offers.import_tasks); the progress page works without
JavaScript ("Check again") and leads to the review screen when the document is saved.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from earlyhelp.accounts.roles import Permission
from earlyhelp.accounts.staffviews import StaffRequest, render_page, staff_page, staff_user
from earlyhelp.imports.models import OfferUpload, RunStatus, UploadStatus
from earlyhelp.imports.upload_form import ACCEPT, OfferUploadForm
from earlyhelp.offers.actions.importing.uploading import start_offer_upload
from earlyhelp.offers.views.staff._shared import load_school
from earlyhelp.schools.models import School


@staff_page
def upload(request: StaffRequest, school_slug: str) -> HttpResponse:
    school, _ = load_school(request, school_slug, Permission.EDIT_OFFER)
    posted = request.method == "POST"
    form = OfferUploadForm(request.POST if posted else None, request.FILES if posted else None)
    if posted and form.is_valid():
        document = form.cleaned_data["document"]
        started = start_offer_upload(
            by=staff_user(request),
            school=school,
            document_name=document.name or "offer",
            data=document.read(),
        )
        return redirect(progress_url(school, started))
    return render_page(
        request,
        "offers/staff/import_upload.html",
        school,
        form=form,
        accept=ACCEPT,
        unfinished=_unfinished(school),
    )


@staff_page
def progress(request: StaffRequest, school_slug: str, upload_id: int) -> HttpResponse:
    school, _ = load_school(request, school_slug, Permission.EDIT_OFFER)
    shown = OfferUpload.objects.filter(pk=upload_id, school=school).select_related("run").first()
    if shown is None:
        raise Http404("No such upload")
    run = shown.run
    if shown.status == UploadStatus.DONE and run is not None and run.status == RunStatus.WAITING:
        return redirect(reverse("offers_staff:import-review", args=[school.slug]))
    return render_page(request, "offers/staff/import_progress.html", school, upload=shown)


def progress_url(school: School, shown: OfferUpload) -> str:
    return reverse("offers_staff:import-progress", args=[school.slug, shown.pk])


def _unfinished(school: School) -> OfferUpload | None:
    return (
        OfferUpload.objects.filter(school=school)
        .exclude(status__in=[UploadStatus.DONE, UploadStatus.FAILED])
        .first()
    )
