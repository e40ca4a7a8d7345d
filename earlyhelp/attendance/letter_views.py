"""The half-term letters page: the school's wording, the letters made, each family's PDF.

/staff/schools/<slug>/attendance/letters/              the wording, make the letters, runs
/staff/schools/<slug>/attendance/letters/<letter_id>/  one family's PDF (audited per child)
Both need MANAGE_ATTENDANCE.
"""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from earlyhelp.accounts.roles import Permission
from earlyhelp.accounts.staffviews import StaffRequest, posted, staff_page
from earlyhelp.attendance.access import get_pupil_attendance_for_user
from earlyhelp.attendance.alerts import school_year_start
from earlyhelp.attendance.forms import LetterWordingForm
from earlyhelp.attendance.letter_actions import LetterRefused, save_wording, start_letters, wording
from earlyhelp.attendance.letters import PLACEHOLDERS
from earlyhelp.attendance.models import Letter, LetterRun
from earlyhelp.lib import formvalues
from earlyhelp.pupils.models import Pupil
from earlyhelp.schools.access import get_school_for_user

RUNS_SHOWN = 5


@staff_page
def letters(request: StaffRequest, school_slug: str) -> HttpResponse:
    school = get_school_for_user(request.user, school_slug, Permission.MANAGE_ATTENDANCE)
    here = reverse("attendance:letters", args=[school_slug])
    data = posted(request)
    form = LetterWordingForm(data if data and "body" in data else None)
    form.initial = {"body": wording(school)}
    if data is not None and data.get("make"):
        today = timezone.localdate()
        start_letters(school=school, start=school_year_start(today), end=today, by=request.user)
        return redirect(f"{here}#runs")
    if data is not None and form.is_valid():
        try:
            save_wording(school=school, body=formvalues.text(form, "body"), by=request.user)
            return redirect(f"{here}?saved=1")
        except LetterRefused as refused:
            for message in refused.messages:
                form.add_error("body", message)
    runs = [
        (run, _families(run))
        for run in LetterRun.objects.filter(school=school).prefetch_related("letters__pupil")[
            :RUNS_SHOWN
        ]
    ]
    return render(
        request,
        "attendance/letters.html",
        {
            "school": school,
            "form": form,
            "placeholders": PLACEHOLDERS.items(),
            "saved": request.GET.get("saved") == "1",
            "runs": runs,
        },
    )


def _families(run: LetterRun) -> list[tuple[Letter, list[Pupil]]]:
    """A run's letters, one for each family's PDF, with the pupils each is about."""
    found: dict[str, tuple[Letter, list[Pupil]]] = {}
    for letter in run.letters.all():
        found.setdefault(letter.file_name, (letter, []))[1].append(letter.pupil)
    return list(found.values())


@staff_page
def letter_pdf(request: StaffRequest, school_slug: str, letter_id: int) -> HttpResponseBase:
    letter = Letter.objects.filter(pk=letter_id, run__school__slug=school_slug).first()
    if letter is None:
        get_school_for_user(request.user, school_slug, Permission.MANAGE_ATTENDANCE)
        raise Http404("No such letter")
    family = Letter.objects.filter(run_id=letter.run_id, file_name=letter.file_name)
    for pupil_id in family.values_list("pupil_id", flat=True):  # each child: checked, audited
        get_pupil_attendance_for_user(request.user, school_slug, pupil_id, page="letter")
    stored = default_storage.open(letter.file_name, "rb")
    return FileResponse(stored, content_type="application/pdf", filename=f"letter-{letter.pk}.pdf")
