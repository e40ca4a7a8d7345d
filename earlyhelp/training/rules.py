"""When training and signatures fall due: plain functions over dates, no database.

An item's due date is its last completion plus the renewal period. It is *due soon* from
`due_soon_days` before that date up to and including the date itself ("due today"), and
*overdue* from the day after. A type done once (no period) never falls due again. A
signature counts only for the document's current edition, so publishing a new edition
reopens it for everyone.
"""

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class Status(StrEnum):
    CURRENT = "current"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    MISSING = "missing"


LABELS = {
    Status.CURRENT: "Current",
    Status.DUE_SOON: "Due soon",
    Status.OVERDUE: "Overdue",
    Status.MISSING: "Missing",
}
# GOV.UK tag colours; the label is always shown too, never colour alone.
COLOURS = {
    Status.CURRENT: "green",
    Status.DUE_SOON: "yellow",
    Status.OVERDUE: "red",
    Status.MISSING: "grey",
}


@dataclass(frozen=True)
class ItemState:
    status: Status
    due_on: date | None  # None: nothing held, or held for good

    @property
    def label(self) -> str:
        return LABELS[self.status]

    @property
    def colour(self) -> str:
        return COLOURS[self.status]


def add_months(day: date, months: int) -> date:
    """`day` moved on by whole months; the 31st becomes the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def expiry(completed_on: date, renewal_months: int | None) -> date | None:
    return None if renewal_months is None else add_months(completed_on, renewal_months)


def status_of(due_on: date | None, *, today: date, due_soon_days: int) -> Status:
    """The state of something held whose renewal is due on `due_on` (None: never)."""
    if due_on is None:
        return Status.CURRENT
    if today > due_on:
        return Status.OVERDUE
    if today >= due_on - timedelta(days=due_soon_days):
        return Status.DUE_SOON
    return Status.CURRENT


def training_state(
    completions: Iterable[date], *, renewal_months: int | None, today: date, due_soon_days: int
) -> ItemState:
    """A type's state from the dates it (or a type that counts for it) was completed."""
    done = [d for d in completions if d <= today]
    if not done:
        return ItemState(Status.MISSING, None)
    due_on = expiry(max(done), renewal_months)
    return ItemState(status_of(due_on, today=today, due_soon_days=due_soon_days), due_on)


def signature_state(
    signed: Iterable[tuple[str, date]],
    *,
    edition: str,
    renewal_months: int | None,
    today: date,
    due_soon_days: int,
) -> ItemState:
    """A document's state from (edition, signed on) pairs: other editions do not count."""
    return training_state(
        (on for signed_edition, on in signed if signed_edition == edition),
        renewal_months=renewal_months,
        today=today,
        due_soon_days=due_soon_days,
    )


def applies(roles: Iterable[str], held: Iterable[str], *, staff_roles: Iterable[str]) -> bool:
    """Whether something for `roles` (empty: every staff role) applies to a person holding
    the school roles `held`."""
    wanted = set(roles) or set(staff_roles)
    return bool(wanted & set(held))
