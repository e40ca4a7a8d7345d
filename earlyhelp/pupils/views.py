"""The roll import page: /staff/schools/<slug>/pupils/import/ (MANAGE_ROLL)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from earlyhelp.accounts.models import User
from earlyhelp.accounts.roles import Permission
from earlyhelp.lib.csvfile import CsvError, read_csv
from earlyhelp.pupils.actions import import_roll
from earlyhelp.pupils.forms import RollUploadForm
from earlyhelp.pupils.models import Pupil
from earlyhelp.pupils.roll import FIELD_LABELS, RollFileError, mappings, read_roll
from earlyhelp.schools.access import get_school_for_user


@login_required
@never_cache
def import_roll_page(request: HttpRequest, school_slug: str) -> HttpResponse:
    assert isinstance(request.user, User)
    school = get_school_for_user(request.user, school_slug, Permission.MANAGE_ROLL)
    form = RollUploadForm(request.POST if request.method == "POST" else None, request.FILES or None)
    context: dict[str, object] = {"school": school, "local_authority": school.local_authority}
    if request.method == "POST" and form.is_valid():
        try:
            table = read_csv(
                form.cleaned_data["file"].read(), encoding=form.cleaned_data["encoding"]
            )
            rows = read_roll(table, fmt=form.cleaned_data["format"])
        except CsvError as error:
            form.add_error("file", str(error))
        except RollFileError as error:
            context["problems"] = error.messages
        else:
            result = import_roll(school=school, rows=rows, by=request.user)
            context["result"] = result
    context.update(
        form=form,
        on_roll=Pupil.objects.filter(school=school, left_on__isnull=True).count(),
        mappings=[
            (fmt, [(FIELD_LABELS[f], names) for f, names in columns.items()])
            for fmt, columns in mappings().items()
        ],
    )
    return render(request, "pupils/import.html", context)
