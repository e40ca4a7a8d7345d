"""Review an imported Offer: what the document said, and what to do where it and the
directory disagree. Everything it found is in the draft already; choices are applied by one
action (`offers.actions.importing.apply_review`)."""

from dataclasses import dataclass, field

from django.contrib import messages
from django.db.models import Prefetch
from django.forms import BoundField
from django.http import HttpResponse

from earlyhelp.accounts.roles import Permission
from earlyhelp.accounts.staffviews import StaffRequest, render_page, staff_page, staff_user
from earlyhelp.directory.models import Service
from earlyhelp.imports.models import ImportedService, ImportRun, Outcome, RunStatus
from earlyhelp.lib.errors import ActionError
from earlyhelp.offers.actions.importing import apply_review
from earlyhelp.offers.actions.importing.review import may_take_document_values
from earlyhelp.offers.forms.importing import (
    FIELD_NAMES,
    ReviewForm,
    created_name,
    disagreement_name,
    keeper,
    shown,
)
from earlyhelp.offers.views.staff._shared import load_school, to_overview

EVIDENCE_NAMES = {
    "phone": "the same phone number",
    "email": "the same email address",
    "url": "the same web address",
    "domain": "the same website",
    "name": "the name",
}


@dataclass(frozen=True)
class Difference:
    what: str
    document: str
    directory: str
    question: BoundField


@dataclass(frozen=True)
class MatchedRow:
    item: ImportedService
    keeper: str
    matched_on: str
    editable: bool
    differences: list[Difference] = field(default_factory=list)


@staff_page
def review(request: StaffRequest, school_slug: str) -> HttpResponse:
    school, _ = load_school(request, school_slug, Permission.EDIT_OFFER)
    run = ImportRun.objects.filter(school=school, status=RunStatus.WAITING).first()
    if run is None:
        return render_page(request, "offers/staff/import_none.html", school)
    rows = list(
        run.services.prefetch_related(
            Prefetch("service", queryset=Service.objects.select_related("owner_local_authority"))
        )
    )
    form = ReviewForm(request.POST or None, rows=rows, school_id=school.pk)
    if request.method == "POST" and form.is_valid():
        try:
            apply_review(by=staff_user(request), run=run, choices=form.choices())
        except ActionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, "Your choices are saved in your draft Offer. Publish it when it is ready."
            )
            return to_overview(school)
    return render_page(
        request,
        "offers/staff/import_review.html",
        school,
        run=run,
        form=form,
        people=run.people.select_related("person"),
        matched=[
            _matched(form, row, school.pk) for row in form.rows if row.outcome == Outcome.MATCHED
        ],
        created=[
            (row, form[created_name(row)]) for row in form.rows if row.outcome == Outcome.CREATED
        ],
        gone=[row for row in rows if row.service is None],
        findings=run.findings,
        emergency_routes=[item for item in run.left_out if item["why"] == "emergency"],
        school_contacts=[item for item in run.left_out if item["why"] == "school"],
    )


def _matched(form: ReviewForm, row: ImportedService, school_id: int) -> MatchedRow:
    on = sorted({EVIDENCE_NAMES[e["field"]] for e in row.evidence})
    return MatchedRow(
        item=row,
        keeper=keeper(row),
        matched_on=" and ".join(on),
        editable=may_take_document_values(row, school_id),
        differences=[
            Difference(
                what=FIELD_NAMES[d["field"]].capitalize(),
                document=shown(d["field"], d["document"]),
                directory=shown(d["field"], d["directory"]),
                question=form[disagreement_name(row, d["field"])],
            )
            for d in row.disagreements
        ],
    )
