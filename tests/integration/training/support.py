"""Shared pieces of the training tests: the types by code and a record written as Dee."""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from earlyhelp.accounts.models import User
from earlyhelp.schools.models import School
from earlyhelp.training.actions import record_training
from earlyhelp.training.models import DocumentKind, ReadDocument, TrainingRecord, TrainingType


def kind(code: str) -> TrainingType:
    return TrainingType.objects.get(code=code)


def done(
    school: School, person: User, code: str, on: date, *, by: User | None = None
) -> TrainingRecord:
    return record_training(
        school=school,
        person=person,
        training_type=kind(code),
        completed_on=on,
        provider="County safeguarding team",
        by=by or person,
    )


def kcsie_part_one() -> ReadDocument:
    return ReadDocument.objects.get(kind=DocumentKind.KCSIE_PART_ONE)


def evidence_record(school: School, person: User) -> TrainingRecord:
    """A record of `person`'s with a certificate (made once, then found again)."""
    found = TrainingRecord.objects.filter(school=school, person=person).exclude(evidence="")
    return found.first() or record_training(
        school=school,
        person=person,
        training_type=kind("prevent"),
        completed_on=timezone.localdate(),
        provider="Home Office e-learning",
        evidence=SimpleUploadedFile("certificate.pdf", b"%PDF-1.7\n" + b"x" * 40),
        by=person,
    )
