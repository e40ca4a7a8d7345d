"""A pupil's marks as month calendars (weekdays only), for the pupil's attendance page."""

from dataclasses import dataclass
from datetime import date, timedelta

from earlyhelp.attendance.codes import MEANINGS, Kind, kind_of
from earlyhelp.attendance.models import DayMarks, MarkAmendment
from earlyhelp.pupils.models import Pupil


@dataclass(frozen=True)
class Cell:
    day: date
    am: str
    pm: str

    def kind(self, code: str) -> str:
        return kind_of(code).value if code else ""

    @property
    def am_kind(self) -> str:
        return self.kind(self.am)

    @property
    def pm_kind(self) -> str:
        return self.kind(self.pm)

    @property
    def described(self) -> str:
        parts = [
            f"{label}: {MEANINGS.get(code, 'no mark')}"
            for label, code in (("morning", self.am), ("afternoon", self.pm))
        ]
        return "; ".join(parts)


@dataclass(frozen=True)
class Month:
    first: date
    weeks: list[list[Cell | None]]


def list_months(pupil: Pupil, start: date, end: date) -> list[Month]:
    """Each month from `start` to `end` as weeks of five weekday cells (None outside it)."""
    held = {
        row.date: row
        for row in DayMarks.objects.filter(pupil=pupil, date__gte=start, date__lte=end)
    }
    months = []
    first = start.replace(day=1)
    while first <= end:
        months.append(Month(first, _weeks(first, held)))
        first = (first + timedelta(days=32)).replace(day=1)
    return months


def _weeks(first: date, held: dict[date, DayMarks]) -> list[list[Cell | None]]:
    weeks: list[list[Cell | None]] = []
    monday = first - timedelta(days=first.weekday())
    while monday.month == first.month or monday < first:
        week: list[Cell | None] = []
        for offset in range(5):
            day = monday + timedelta(days=offset)
            row = held.get(day)
            week.append(
                Cell(day, row.am if row else "", row.pm if row else "")
                if day.month == first.month
                else None
            )
        if any(week):
            weeks.append(week)
        monday += timedelta(days=7)
    return weeks


def list_amendments(pupil: Pupil) -> list[MarkAmendment]:
    return list(MarkAmendment.objects.filter(pupil=pupil).order_by("-amended_at", "-id"))


KIND_LABELS = {
    Kind.ATTENDED.value: "Present or approved activity",
    Kind.AUTHORISED.value: "Authorised absence",
    Kind.UNAUTHORISED.value: "Unauthorised absence",
    Kind.NOT_POSSIBLE.value: "Not a possible session",
    Kind.NO_MARK.value: "No mark yet",
}
