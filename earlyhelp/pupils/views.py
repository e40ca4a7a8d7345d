"""The roll import pages: /staff/schools/<slug>/pupils/import/ (MANAGE_ROLL).

The upload is kept and imported in the background (pupils.tasks): a 100,000-row roll does
not have to fit in one web request. The progress page refreshes itself every few seconds
without JavaScript (a meta refresh, and a "Check again" link) until the import ends."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from earlyhelp.accounts.models import User
from earlyhelp.accounts.roles import Permission
from earlyhelp.accounts.staffviews import StaffRequest, posted, staff_page, staff_user
from earlyhelp.pupils.actions import start_roll_import
from earlyhelp.pupils.forms import RollUploadForm
from earlyhelp.pupils.models import Pupil, RollImport
from earlyhelp.pupils.roll import FIELD_LABELS, mappings
from earlyhelp.schools.access import get_school_for_user
from earlyhelp.schools.models import School


def _school(request: HttpRequest, school_slug: str) -> tuple[User, School]:
    user = staff_user(request)
    return user, get_school_for_user(user, school_slug, Permission.MANAGE_ROLL)


@staff_page
def import_roll_page(request: StaffRequest, school_slug: str) -> HttpResponse:
    user, school = _school(request, school_slug)
    form = RollUploadForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        roll_import = start_roll_import(
            school=school,
            by=user,
            data=form.cleaned_data["file"].read(),
            file_format=form.cleaned_data["format"],
            encoding=form.cleaned_data["encoding"],
        )
        return redirect(reverse("pupils:import-progress", args=[school.slug, roll_import.pk]))
    context: dict[str, object] = {
        "school": school,
        "local_authority": school.local_authority,
        "form": form,
        "on_roll": Pupil.objects.filter(school=school, left_on__isnull=True).count(),
        "mappings": [
            (fmt, [(FIELD_LABELS[f], names) for f, names in columns.items()])
            for fmt, columns in mappings().items()
        ],
    }
    return render(request, "pupils/import.html", context)


@staff_page
def import_progress(request: StaffRequest, school_slug: str, import_id: int) -> HttpResponse:
    _, school = _school(request, school_slug)
    roll_import = RollImport.objects.filter(pk=import_id, school=school).first()
    if roll_import is None:
        raise Http404("No such import")
    context = {
        "school": school,
        "local_authority": school.local_authority,
        "job": roll_import,
        "percent": (
            roll_import.rows_done * 100 // roll_import.rows_total if roll_import.rows_total else 0
        ),
    }
    return render(request, "pupils/import_progress.html", context)
