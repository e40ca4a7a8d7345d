"""The database refuses impossible training rules, records, documents and reminders
(tests/constraints.py)."""

from datetime import date

import pytest
from django.utils import timezone

from earlyhelp.training.models import ReminderKind, TrainingReminder
from tests.constraints import refused
from tests.integration.training.support import done, kind

pytestmark = pytest.mark.django_db


def test_a_renewal_period_is_at_least_a_month():
    refused("training_type_renewal_positive", code="x", name="X", renewal_months=0)


def test_a_local_period_belongs_to_a_county_or_a_school_not_both(universe):
    refused(
        "training_period_county_or_school",
        training_type=kind("fgm"),
        school=universe.northfield,
        local_authority=universe.county,
        renewal_months=12,
    )
    refused(
        "training_period_positive",
        training_type=kind("fgm"),
        school=universe.northfield,
        renewal_months=0,
    )


def test_a_record_expires_after_it_was_completed(universe):
    refused(
        "training_record_expires_after_completion",
        person=universe.tom,
        school=universe.northfield,
        training_type=kind("fgm"),
        completed_on=date(2026, 1, 2),
        expires_on=date(2026, 1, 2),
        entered_at=timezone.now(),
    )


def test_a_document_has_an_edition(universe):
    refused(
        "read_document_has_edition",
        kind="other",
        title="Staff code of conduct",
        edition="",
        published_on=date(2026, 1, 2),
    )


def test_a_reminder_is_sent_once(universe):
    record = done(universe.northfield, universe.tom, "fgm", date(2025, 1, 2))
    fields = {
        "record": record,
        "training_type": kind("fgm"),
        "kind": ReminderKind.DUE,
        "sent_at": timezone.now(),
    }
    TrainingReminder.objects.create(**fields)
    refused("training_reminder_once", **fields)
