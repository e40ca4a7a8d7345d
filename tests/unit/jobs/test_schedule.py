"""The schedule: which period slot a moment falls in, and whether its run is due yet."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from earlyhelp.jobs.schedule import JOBS, Job, JobFamily, Period, list_jobs

LONDON = ZoneInfo("Europe/London")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=LONDON)


@pytest.mark.parametrize(
    ("period", "moment", "slot"),
    [
        (Period.HOURLY, "2026-12-07T14:59", "2026-12-07T14"),
        (Period.DAILY, "2026-12-07T23:59", "2026-12-07"),
        (Period.WEEKLY, "2026-12-07T00:00", "2026-W50"),  # a Monday
        (Period.WEEKLY, "2026-12-06T23:59", "2026-W49"),  # the Sunday before
        (Period.WEEKLY, "2027-01-01T12:00", "2026-W53"),  # ISO weeks cross the year
        (Period.MONTHLY, "2026-12-31T23:59", "2026-12"),
    ],
)
def test_each_moment_falls_in_one_slot_of_its_period(period, moment, slot):
    assert Job("job", "task", period).slot(at(moment)) == slot


@pytest.mark.parametrize(
    ("job", "moment", "due"),
    [
        (Job("daily", "t", Period.DAILY, at_hour=5), "2026-12-07T04:59", False),
        (Job("daily", "t", Period.DAILY, at_hour=5), "2026-12-07T05:00", True),
        (Job("daily", "t", Period.DAILY, at_hour=5), "2026-12-07T23:00", True),
        (Job("hourly", "t", Period.HOURLY, at_minute=5), "2026-12-07T10:04", False),
        (Job("hourly", "t", Period.HOURLY, at_minute=5), "2026-12-07T10:05", True),
        (Job("weekly", "t", Period.WEEKLY, at_hour=2), "2026-12-07T01:00", False),  # Monday
        (Job("weekly", "t", Period.WEEKLY, at_hour=2), "2026-12-07T02:00", True),
        (Job("weekly", "t", Period.WEEKLY, at_hour=2), "2026-12-09T00:30", True),  # Wednesday
        (Job("monthly", "t", Period.MONTHLY, at_hour=3), "2026-12-01T02:59", False),
        (Job("monthly", "t", Period.MONTHLY, at_hour=3), "2026-12-01T03:00", True),
        (Job("monthly", "t", Period.MONTHLY, at_hour=3), "2026-12-15T00:00", True),
    ],
)
def test_a_run_is_due_from_its_hour_in_the_period(job, moment, due):
    assert job.is_due(at(moment)) is due


def test_the_schedule_declares_the_issues_jobs_each_with_an_importable_task():
    from django.tasks import Task
    from django.utils.module_loading import import_string

    names = {entry.name for entry in JOBS}
    assert {"casework-clock", "remind-reviews", "check-links", "retention-review"} <= names
    assert "harvest-oruk" in {e.name for e in JOBS if isinstance(e, JobFamily)}
    for entry in JOBS:
        assert isinstance(import_string(entry.task), Task), entry.task


@pytest.mark.django_db
def test_each_harvest_source_is_a_job_of_its_own(universe):
    from earlyhelp.oruk.models import HarvestSource

    HarvestSource.objects.create(name="testshire", base_url="https://example.org/api")
    HarvestSource.objects.create(name="national", base_url="https://example.net/api")

    harvests = [job for job in list_jobs() if job.name.startswith("harvest-oruk:")]

    assert [(j.name, dict(j.kwargs)) for j in harvests] == [
        ("harvest-oruk:national", {"source_name": "national"}),
        ("harvest-oruk:testshire", {"source_name": "testshire"}),
    ]
