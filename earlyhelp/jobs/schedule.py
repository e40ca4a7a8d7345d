"""The periodic jobs: what runs, how often, from what local hour. The one place to add one.

`earlyhelp run-due-jobs`, run by a timer every few minutes on any number of hosts, enqueues
each job once per period slot (jobs.runner). A job names its task by dotted path, so this
module imports no app above it; a job family (one job per harvest source) names a function
that lists its members.
"""

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from django.utils.module_loading import import_string


class Period(StrEnum):
    HOURLY = "hourly"
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"


@dataclass(frozen=True)
class Job:
    name: str
    task: str  # dotted path of a django.tasks Task
    period: Period
    at_hour: int = 0  # local hour from which the run of a day, week (Monday) or month is due
    at_minute: int = 0  # minute of the hour from which an hourly run is due
    description: str = ""
    kwargs: Mapping[str, Any] = field(default_factory=dict)

    def slot(self, local: datetime) -> str:
        """The label of the period `local` (a local time) falls in."""
        return {
            Period.HOURLY: f"{local:%Y-%m-%dT%H}",
            Period.DAILY: f"{local:%Y-%m-%d}",
            Period.WEEKLY: f"{local:%G-W%V}",
            Period.MONTHLY: f"{local:%Y-%m}",
        }[self.period]

    def is_due(self, local: datetime) -> bool:
        """Whether this period's run may start yet (runs are never made up for past slots)."""
        if self.period == Period.HOURLY:
            return local.minute >= self.at_minute
        start_day = {Period.DAILY: local.day, Period.WEEKLY: 0, Period.MONTHLY: 1}[self.period]
        day = local.weekday() if self.period == Period.WEEKLY else local.day
        return (day, local.hour) >= (start_day, self.at_hour)


@dataclass(frozen=True)
class JobFamily:
    """One job per member (e.g. per harvest source); `members` is a dotted path of a function
    returning (member name, task keyword arguments) pairs."""

    name: str
    task: str
    period: Period
    members: str
    at_hour: int = 0
    description: str = ""

    def jobs(self) -> Iterator[Job]:
        lister: Callable[[], list[tuple[str, dict[str, Any]]]] = import_string(self.members)
        for member, kwargs in lister():
            yield Job(
                f"{self.name}:{member}",
                self.task,
                self.period,
                at_hour=self.at_hour,
                description=self.description,
                kwargs=kwargs,
            )


JOBS: tuple[Job | JobFamily, ...] = (
    Job(
        "casework-clock",
        "earlyhelp.casework.tasks.run_casework_clock",
        Period.DAILY,
        at_hour=5,
        description="The safeguarding team's tasks for what is due or late.",
    ),
    Job(
        "remind-reviews",
        "earlyhelp.offers.tasks.remind_reviews",
        Period.DAILY,
        at_hour=8,
        description="Email the editors of Offers due for review (once a week at most).",
    ),
    Job(
        "check-links",
        "earlyhelp.directory.link_tasks.check_links",
        Period.DAILY,
        at_hour=2,
        description="Visit the directory's web addresses not checked for 6 days.",
        kwargs={"only_older_than_days": 6},
    ),
    Job(
        "retention-review",
        "earlyhelp.dataprotection.tasks.retention_review",
        Period.MONTHLY,
        at_hour=3,
        description="Count the records due for review under the retention schedule.",
    ),
    Job(
        "refresh-offer-renders",
        "earlyhelp.offers.tasks.refresh_offer_renders",
        Period.HOURLY,
        at_minute=5,
        description="Render the page and PDF of Offers whose services have changed.",
    ),
    Job(
        "prune-offer-renders",
        "earlyhelp.offers.tasks.prune_offer_renders",
        Period.DAILY,
        at_hour=3,
        description="Delete Offer pages and PDFs no longer current and a day old.",
    ),
    JobFamily(
        "harvest-oruk",
        "earlyhelp.oruk.tasks.harvest_source",
        Period.DAILY,
        members="earlyhelp.oruk.tasks.list_scheduled_sources",
        at_hour=4,
        description="Harvest each Open Referral UK feed (oruk.HarvestSource).",
    ),
    Job(
        "remind-training",
        "earlyhelp.training.tasks.send_training_reminders",
        Period.DAILY,
        at_hour=7,
        description="Email staff whose training is due soon or overdue (once per record).",
    ),
    Job(
        "attendance-alerts",
        "earlyhelp.attendance.tasks.check_alerts_task",
        Period.HOURLY,
        at_minute=10,
        description="Raise the attendance alerts of the pupils the imports queued (a safety net:"
        " each import enqueues this task itself).",
    ),
)


def list_jobs() -> list[Job]:
    """Every job, with each family expanded into its members."""
    jobs: list[Job] = []
    for entry in JOBS:
        jobs.extend(entry.jobs() if isinstance(entry, JobFamily) else [entry])
    return jobs
