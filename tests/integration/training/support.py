"""Shared pieces of the training tests: the types by code and a record written as Dee."""

from datetime import date

from earlyhelp.accounts.models import User
from earlyhelp.schools.models import School
from earlyhelp.training.actions import record_training
from earlyhelp.training.models import TrainingRecord, TrainingType


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
