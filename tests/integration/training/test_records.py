"""Training records, read-and-sign and the matrix, through the actions (issue 15)."""

from datetime import date

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from earlyhelp.audit.models import AuditEvent
from earlyhelp.lib.csvfile import read_csv
from earlyhelp.training.actions import (
    TrainingRefused,
    import_records,
    publish_policy,
    record_training,
    sign_document,
)
from earlyhelp.training.compliance import due_for_person, school_compliance
from earlyhelp.training.csvimport import TrainingFileError, read_records
from earlyhelp.training.models import DocumentKind, ReadDocument, TrainingPeriod, TrainingRecord
from earlyhelp.training.rules import Status
from earlyhelp.training.summary import summary_for_school
from tests.integration.training.support import done, kind

pytestmark = pytest.mark.django_db
TODAY = date(2026, 3, 10)
NOON = "2026-03-10 12:00Z"


@time_machine.travel(NOON, tick=False)
def test_expiry_comes_from_the_rule_and_the_most_specific_period_wins(universe):
    u = universe
    assert done(u.northfield, u.tom, "safeguarding-update", date(2026, 1, 5)).expires_on == (
        date(2027, 1, 5)
    )
    TrainingPeriod.objects.create(
        training_type=kind("prevent"), local_authority=u.county, renewal_months=36
    )
    assert done(u.northfield, u.tom, "prevent", date(2026, 1, 5)).expires_on == date(2029, 1, 5)
    TrainingPeriod.objects.create(
        training_type=kind("prevent"), school=u.northfield, renewal_months=12
    )
    assert done(u.northfield, u.tom, "prevent", date(2026, 1, 6)).expires_on == date(2027, 1, 6)
    assert done(u.southbank, u.sam, "prevent", date(2026, 1, 6)).expires_on == date(2029, 1, 6)
    assert AuditEvent.objects.filter(action="training.recorded").count() == 4


@time_machine.travel(NOON, tick=False)
def test_a_teacher_records_only_their_own_and_the_dsl_anyone_at_the_school(universe):
    u = universe
    with pytest.raises(TrainingRefused, match="only your own"):
        done(u.northfield, u.dee, "prevent", date(2026, 1, 5), by=u.tom)
    done(u.northfield, u.tom, "prevent", date(2026, 1, 5), by=u.dee)
    with pytest.raises(TrainingRefused):
        done(u.northfield, u.sam, "prevent", date(2026, 1, 5), by=u.dee)  # Sam is at Southbank
    with pytest.raises(TrainingRefused, match="today or in the past"):
        done(u.northfield, u.tom, "prevent", date(2026, 3, 11))
    assert TrainingRecord.objects.count() == 1


@time_machine.travel(NOON, tick=False)
def test_evidence_is_checked_by_content_and_stored(universe):
    u = universe
    fake = SimpleUploadedFile("certificate.pdf", b"MZ\x90\x00 a program", "application/pdf")
    with pytest.raises(TrainingRefused, match="must be a"):
        record_training(
            school=u.northfield, person=u.tom, training_type=kind("fgm"),
            completed_on=TODAY, provider="", evidence=fake, by=u.tom,
        )  # fmt: skip
    assert not TrainingRecord.objects.exists()
    pdf = SimpleUploadedFile("certificate.pdf", b"%PDF-1.7\n" + b"x" * 40, "application/pdf")
    record = record_training(
        school=u.northfield, person=u.tom, training_type=kind("fgm"),
        completed_on=TODAY, provider="", evidence=pdf, by=u.tom,
    )  # fmt: skip
    assert record.evidence_type == "application/pdf"
    assert (
        record.evidence.name.startswith("training/") and "certificate" not in record.evidence.name
    )
    with record.evidence.open("rb") as stored:
        assert stored.read().startswith(b"%PDF-")


@time_machine.travel(NOON, tick=False)
def test_the_matrix_counts_what_applies_to_each_role(universe):
    u = universe
    done(u.northfield, u.dee, "dsl-formal", date(2024, 4, 1))  # 24 months: due soon
    done(u.northfield, u.tom, "safeguarding-induction", date(2025, 9, 1))  # counts as update
    matrix = school_compliance(u.northfield, today=TODAY)
    codes = [t.code for t in matrix.types]
    tom = matrix.row_for(u.tom)
    dee = matrix.row_for(u.dee)
    assert tom is not None and dee is not None
    assert tom.training[codes.index("dsl-formal")] is None  # not a teacher's
    assert tom.training[codes.index("safeguarding-update")].status == Status.CURRENT
    assert tom.training[codes.index("local-course")] is None  # optional, not held
    assert dee.training[codes.index("dsl-formal")].status == Status.DUE_SOON
    assert dee.training[codes.index("dsl-refresh")].status == Status.OVERDUE  # 12 months
    assert dee.training[codes.index("prevent")].status == Status.MISSING


@time_machine.travel(NOON, tick=False)
def test_summary_counts_match_the_data(universe):
    u = universe
    done(u.northfield, u.tom, "safeguarding-update", date(2025, 3, 1))  # overdue 1 March
    done(u.northfield, u.ed, "safeguarding-update", date(2025, 4, 1))  # due soon
    done(u.northfield, u.dee, "safeguarding-update", date(2026, 1, 1))  # current
    kcsie = ReadDocument.objects.get(kind=DocumentKind.KCSIE_PART_ONE)
    sign_document(school=u.northfield, document=kcsie, by=u.tom)
    summary = summary_for_school(u.northfield, today=TODAY)
    assert summary.staff_count == 3
    update = next(t for t in summary.by_type if t.name.endswith("update"))
    assert (update.current, update.due_soon, update.overdue, update.missing) == (1, 1, 1, 0)
    prevent = next(t for t in summary.by_type if t.name.startswith("Prevent"))
    assert prevent.missing == 3
    assert summary.overdue_items == 1
    part_one = next(d for d in summary.read_and_sign if "Part one" in d.title)
    assert (part_one.edition, part_one.signed, part_one.expected) == ("2025", 1, 3)
    annex = next(d for d in summary.read_and_sign if "Annex A" in d.title)
    assert annex.expected == 0  # no governor at Northfield
    assert not any(t.name.startswith("Local course") for t in summary.by_type)


@time_machine.travel(NOON, tick=False)
def test_a_new_policy_edition_reopens_it_for_everyone(universe):
    u = universe
    policy = publish_policy(
        school=u.northfield, kind=DocumentKind.CHILD_PROTECTION, title="Child protection policy",
        edition="2025-26", url="https://northfield.example.org/cp.pdf", by=u.dee,
    )  # fmt: skip
    sign_document(school=u.northfield, document=policy, by=u.tom)
    assert not [i for i in due_for_person(u.northfield, u.tom, today=TODAY) if i.document == policy]
    again = publish_policy(
        school=u.northfield, kind=DocumentKind.CHILD_PROTECTION, title="Child protection policy",
        edition="2026-27", url="", by=u.dee,
    )  # fmt: skip
    assert again.pk == policy.pk
    due = [i for i in due_for_person(u.northfield, u.tom, today=TODAY) if i.document == again]
    assert due and due[0].state.status == Status.MISSING
    with pytest.raises(TrainingRefused, match="already published"):
        publish_policy(
            school=u.northfield, kind=DocumentKind.CHILD_PROTECTION, title="x",
            edition="2026-27", url="", by=u.dee,
        )  # fmt: skip
    with pytest.raises(TrainingRefused, match="permission"):
        publish_policy(
            school=u.northfield, kind=DocumentKind.BEHAVIOUR, title="x", edition="1", url="",
            by=u.tom,
        )  # fmt: skip
    with pytest.raises(TrainingRefused, match="not one of this school"):
        sign_document(school=u.southbank, document=again, by=u.sam)
    assert AuditEvent.objects.filter(action="training.document_edition_published").count() == 2


CSV = (
    "Email,Training,Completed on,Provider\n"
    "tom@example.org,Prevent duty awareness,01/02/2025,Home Office e-learning\n"
    "dee@example.org,dsl-formal,2025-01-20,\n"
)


@time_machine.travel(NOON, tick=False)
def test_csv_import_all_or_nothing(universe):
    u = universe
    rows = read_records(read_csv(CSV.encode()), school=u.northfield)
    assert import_records(school=u.northfield, rows=rows, by=u.dee) == 2
    record = TrainingRecord.objects.get(person=u.dee)
    assert record.expires_on == date(2027, 1, 20) and record.entered_by == u.dee
    assert AuditEvent.objects.filter(action="training.records_imported").count() == 1
    with pytest.raises(TrainingRefused):
        import_records(school=u.northfield, rows=rows, by=u.tom)


@time_machine.travel(NOON, tick=False)
def test_each_bad_line_is_named(universe):
    bad = CSV + (
        "sam@example.org,Prevent training,01/02/2025,\n"
        "tom@example.org,Juggling,2025-02-30,\n"
        "tom@example.org,fgm,12/12/2099,\n"
    )
    with pytest.raises(TrainingFileError) as caught:
        read_records(read_csv(bad.encode()), school=universe.northfield)
    not_a_type = "is not a training type (see the list on this page)"
    assert caught.value.messages == [
        "Line 4, column 'Email': sam@example.org is not a member of staff at this school",
        f"Line 4, column 'Training': 'Prevent training' {not_a_type}",
        f"Line 5, column 'Training': 'Juggling' {not_a_type}",
        "Line 5, column 'Completed on': '2025-02-30' is not a date: write it like 31/12/2024",
        "Line 6, column 'Completed on': the date completed must be today or in the past",
    ]
    with pytest.raises(TrainingFileError, match="no 'completed on' column"):
        read_records(read_csv(b"email,training\nx,y\n"), school=universe.northfield)
    with pytest.raises(TrainingFileError, match="no training records"):
        read_records(read_csv(b"email,training,completed on\n"), school=universe.northfield)
