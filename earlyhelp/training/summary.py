"""A school's training compliance in counts, with no names: `summary_for_school`.

The governors' report (and anything else that must not name people) reads this. Each
member of staff with a school role counts once per training type that applies to them.
"""

from dataclasses import dataclass
from datetime import date

from earlyhelp.schools.models import School
from earlyhelp.training.compliance import Compliance, school_compliance
from earlyhelp.training.rules import ItemState, Status


@dataclass(frozen=True)
class TypeCompliance:
    name: str
    current: int
    due_soon: int
    overdue: int
    missing: int


@dataclass(frozen=True)
class DocumentCompletion:
    title: str
    edition: str
    signed: int
    expected: int


@dataclass(frozen=True)
class TrainingSummary:
    staff_count: int
    by_type: tuple[TypeCompliance, ...]
    overdue_items: int
    read_and_sign: tuple[DocumentCompletion, ...]


def summary_for_school(school: School, *, today: date) -> TrainingSummary:
    """Counts of current, due soon, overdue and missing training at `school` on `today`.

    A type counts the people it applies to (an optional course only those who hold it); a
    document counts as signed by those whose signature of the current edition is in date.
    """
    matrix = school_compliance(school, today=today)
    by_type = tuple(_type(matrix, i) for i in range(len(matrix.types)))
    return TrainingSummary(
        staff_count=len(matrix.rows),
        by_type=tuple(t for t in by_type if t.current + t.due_soon + t.overdue + t.missing),
        overdue_items=sum(t.overdue for t in by_type),
        read_and_sign=document_completion(matrix),
    )


def document_completion(matrix: Compliance) -> tuple[DocumentCompletion, ...]:
    return tuple(_document(matrix, i) for i in range(len(matrix.documents)))


def _states(matrix: Compliance, index: int, *, documents: bool = False) -> list[ItemState]:
    cells = (row.documents[index] if documents else row.training[index] for row in matrix.rows)
    return [cell for cell in cells if cell is not None]


def _type(matrix: Compliance, index: int) -> TypeCompliance:
    statuses = [state.status for state in _states(matrix, index)]
    return TypeCompliance(
        name=matrix.types[index].name,
        current=statuses.count(Status.CURRENT),
        due_soon=statuses.count(Status.DUE_SOON),
        overdue=statuses.count(Status.OVERDUE),
        missing=statuses.count(Status.MISSING),
    )


def _document(matrix: Compliance, index: int) -> DocumentCompletion:
    states = _states(matrix, index, documents=True)
    document = matrix.documents[index]
    return DocumentCompletion(
        title=document.title,
        edition=document.edition,
        signed=sum(1 for s in states if s.status in (Status.CURRENT, Status.DUE_SOON)),
        expected=len(states),
    )
