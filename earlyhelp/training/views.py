"""Staff training pages.

/staff/schools/<slug>/training/                      your training and what to read and sign
/staff/schools/<slug>/training/record/               record training (yours; a manager's: anyone's)
/staff/schools/<slug>/training/documents/<id>/       read and sign a document's current edition
/staff/schools/<slug>/training/records/<id>/evidence/  a record's evidence file
/staff/schools/<slug>/training/compliance/           the matrix and what is overdue (managers)
/staff/schools/<slug>/training/import/               a CSV of existing records (managers)
/staff/schools/<slug>/training/policies/             publish the school's policies (managers)
"""

from django.contrib import messages
from django.db.models import Q
from django.http import FileResponse, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils import timezone

from earlyhelp.accounts.models import User
from earlyhelp.accounts.staffviews import StaffRequest, posted, render_page, staff_page
from earlyhelp.lib import formvalues
from earlyhelp.lib.csvfile import CsvError, read_csv
from earlyhelp.lib.errors import ActionError
from earlyhelp.training.access import (
    get_document_for_user,
    get_evidence_for_user,
    get_training_school_for_user,
    may_manage_training,
)
from earlyhelp.training.actions import (
    import_records,
    publish_policy,
    record_training,
    sign_document,
)
from earlyhelp.training.compliance import Compliance, PersonRow, school_compliance
from earlyhelp.training.csvimport import COLUMNS, TrainingFileError, read_records
from earlyhelp.training.forms import ImportForm, PolicyForm, RecordForm, SignForm
from earlyhelp.training.models import DocumentKind, ReadDocument, TrainingRecord, TrainingType
from earlyhelp.training.rules import ItemState, Status
from earlyhelp.training.summary import document_completion


@staff_page
def mine(request: StaffRequest, school_slug: str) -> HttpResponse:
    school = get_training_school_for_user(request.user, school_slug)
    matrix = school_compliance(school, today=timezone.localdate(), people=[request.user])
    row = matrix.row_for(request.user)
    training = [(t, s) for t, s in zip(matrix.types, row.training, strict=True) if s] if row else []
    documents = (
        [(d, s) for d, s in zip(matrix.documents, row.documents, strict=True) if s] if row else []
    )
    records = TrainingRecord.objects.filter(school=school, person=request.user)
    return render_page(
        request,
        "training/mine.html",
        school,
        training=training,
        documents=documents,
        records=records.select_related("training_type"),
        may_manage=may_manage_training(request.user, school),
        statuses=Status,
    )


@staff_page
def add_record(request: StaffRequest, school_slug: str) -> HttpResponse:
    school = get_training_school_for_user(request.user, school_slug)
    manager = may_manage_training(request.user, school)
    people = _people(school.pk) if manager else [request.user]
    form = RecordForm(posted(request), request.FILES or None, people=people)
    if request.method == "POST" and form.is_valid():
        person = next(p for p in people if p.pk == formvalues.number(form, "person"))
        kind = form.cleaned_data["training_type"]
        try:
            record_training(
                school=school,
                person=person,
                training_type=kind,
                completed_on=formvalues.day(form, "completed_on"),
                provider=formvalues.text(form, "provider"),
                evidence=form.cleaned_data.get("evidence") or None,
                by=request.user,
            )
        except ActionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{kind.name} recorded for {person.get_full_name()}.")
            return redirect(
                "training:compliance" if manager and person != request.user else "training:mine",
                school_slug,
            )
    return render_page(request, "training/record.html", school, form=form, manager=manager)


def _people(school_id: int) -> list[User]:
    return list(
        User.objects.filter(is_active=True, memberships__school_id=school_id)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


@staff_page
def document(request: StaffRequest, school_slug: str, document_id: int) -> HttpResponse:
    school, found = get_document_for_user(request.user, school_slug, document_id)
    form = SignForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            sign_document(school=school, document=found, by=request.user)
        except ActionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"You have signed {found.title} ({found.edition}).")
            return redirect("training:mine", school_slug)
    signed = found.signatures.filter(person=request.user, school=school, edition=found.edition)
    return render_page(
        request, "training/document.html", school, document=found, form=form, signed=signed.first()
    )


@staff_page
def evidence(request: StaffRequest, school_slug: str, record_id: int) -> HttpResponseBase:
    record = get_evidence_for_user(request.user, school_slug, record_id)
    response = FileResponse(
        record.evidence.open("rb"),
        as_attachment=True,
        filename=record.evidence_name,
        content_type=record.evidence_type,
    )
    response["Content-Security-Policy"] = "sandbox"
    return response


@staff_page
def compliance(request: StaffRequest, school_slug: str) -> HttpResponse:
    school = get_training_school_for_user(request.user, school_slug, manage=True)
    today = timezone.localdate()
    matrix = school_compliance(school, today=today)
    shown = [i for i, t in enumerate(matrix.types) if any(r.training[i] for r in matrix.rows)]
    overdue = [
        (row.person, matrix.types[i], state)
        for row in matrix.rows
        for i, state in enumerate(row.training)
        if state is not None and state.status == Status.OVERDUE
    ]
    return render_page(
        request,
        "training/compliance.html",
        school,
        today=today,
        types=[matrix.types[i] for i in shown],
        rows=[(row.person, _cells(matrix, row, shown)) for row in matrix.rows],
        documents=matrix.documents,
        completion=document_completion(matrix),
        overdue=sorted(overdue, key=lambda o: (o[2].due_on or today, o[0].last_name)),
    )


def _cells(
    matrix: Compliance, row: PersonRow, shown: list[int]
) -> list[tuple[str, ItemState | None]]:
    """(column name, state) for each training shown, then each document."""
    training = [(matrix.types[i].name, row.training[i]) for i in shown]
    return training + [(d.title, s) for d, s in zip(matrix.documents, row.documents, strict=True)]


@staff_page
def import_file(request: StaffRequest, school_slug: str) -> HttpResponse:
    school = get_training_school_for_user(request.user, school_slug, manage=True)
    form = ImportForm(posted(request), request.FILES or None)
    context: dict[str, object] = {}
    if request.method == "POST" and form.is_valid():
        try:
            data = form.cleaned_data["file"].read()
            rows = read_records(read_csv(data), school=school)
            context["imported"] = import_records(school=school, rows=rows, by=request.user)
        except CsvError as error:
            form.add_error("file", str(error))
        except TrainingFileError as error:
            context["problems"] = error.messages
        except ActionError as error:
            context["problems"] = [str(error)]
    return render_page(
        request,
        "training/import.html",
        school,
        form=form,
        columns=COLUMNS,
        types=TrainingType.objects.all(),
        **context,
    )


@staff_page
def policies(request: StaffRequest, school_slug: str) -> HttpResponse:
    school = get_training_school_for_user(request.user, school_slug, manage=True)
    form = PolicyForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            published = publish_policy(
                school=school,
                kind=DocumentKind(formvalues.text(form, "kind")),
                title=formvalues.text(form, "title"),
                edition=formvalues.text(form, "edition"),
                url=formvalues.text(form, "url"),
                by=request.user,
            )
        except ActionError as error:
            form.add_error("edition", str(error))
        else:
            messages.success(request, f"{published.title} ({published.edition}) published.")
            return redirect("training:policies", school_slug)
    documents = ReadDocument.objects.filter(Q(school=None) | Q(school=school))
    return render_page(request, "training/policies.html", school, form=form, documents=documents)
