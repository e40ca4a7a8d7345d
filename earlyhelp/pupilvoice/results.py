"""Pupil voice results: per question, class and term, with small numbers suppressed.

Counts come from one grouped query. A group (a class in a term, or a question over a date
range) with fewer than 5 answers shows no counts at all; within a group, any count under 5
is suppressed and so is a rate built on it (`lib.smallnumbers`).
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Min, Q

from earlyhelp.lib.smallnumbers import rate, suppress
from earlyhelp.pupilvoice.models import Scale, VoiceAnswer, VoiceQuestion, VoiceResponse
from earlyhelp.schools.models import School


@dataclass(frozen=True)
class Cell:
    """One question's answers in one group: counts or None (suppressed)."""

    answered: int | None
    yes: int | None
    sometimes: int | None
    no: int | None
    yes_rate: float | None


@dataclass(frozen=True)
class Row:
    term: str
    class_name: str
    responses: int | None
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Results:
    questions: tuple[VoiceQuestion, ...]
    rows: tuple[Row, ...]

    def tables(self) -> list[tuple[VoiceQuestion, list[tuple[Row, Cell]]]]:
        """One table per question: each class and term with its cell."""
        return [
            (question, [(row, row.cells[n]) for row in self.rows])
            for n, question in enumerate(self.questions)
        ]


def cell(counts: dict[int, int]) -> Cell:
    answered = sum(counts.values())
    if suppress(answered) is None:
        return Cell(None, None, None, None, None)
    yes = counts.get(Scale.YES, 0)
    return Cell(
        answered=answered,
        yes=suppress(yes),
        sometimes=suppress(counts.get(Scale.SOMETIMES, 0)),
        no=suppress(counts.get(Scale.NO, 0)),
        yes_rate=rate(yes, answered),
    )


def _questions(school: School, used: set[int]) -> tuple[VoiceQuestion, ...]:
    """Questions asked now, and retired ones that have answers in the results."""
    found = VoiceQuestion.objects.filter(school=school)
    return tuple(q for q in found if q.active or q.pk in used)


def class_results(school: School) -> Results:
    """Every class and term the school has asked, oldest term first."""
    answers: dict[tuple[str, str], dict[int, dict[int, int]]] = defaultdict(
        lambda: defaultdict(dict)
    )
    for term, name, question, value, n in (
        VoiceAnswer.objects.filter(response__session__school=school)
        .values_list(
            "response__session__term",
            "response__session__class_name",
            "question_id",
            "value",
        )
        .annotate(n=Count("pk"))
        .order_by()
    ):
        answers[(term, name)][question][value] = n
    groups = (
        VoiceResponse.objects.filter(session__school=school)
        .values_list("session__term", "session__class_name")
        .annotate(n=Count("pk"), first=Min("submitted_at"))
        .order_by("first", "session__class_name")
    )
    used = {q for group in answers.values() for q in group}
    questions = _questions(school, used)
    rows = tuple(
        Row(
            term=term,
            class_name=name,
            responses=suppress(n),
            cells=tuple(cell(answers[(term, name)].get(q.pk, {})) for q in questions),
        )
        for term, name, n, _first in groups
    )
    return Results(questions, rows)


@dataclass(frozen=True)
class QuestionSummary:
    question: VoiceQuestion
    cell: Cell


@dataclass(frozen=True)
class PeriodResults:
    responses: int | None
    classes: int
    questions: tuple[QuestionSummary, ...]
    sent_to_dsl: int | None


def period_results(school: School, starts_on: date, ends_on: date) -> PeriodResults:
    """All classes together, per question, for answers given from `starts_on` to `ends_on`."""
    responses = VoiceResponse.objects.filter(
        session__school=school,
        submitted_at__date__gte=starts_on,
        submitted_at__date__lte=ends_on,
    )
    totals = responses.aggregate(
        n=Count("pk"),
        classes=Count("session__class_name", distinct=True),
        sent=Count("pk", filter=Q(sent_to_dsl=True)),
    )
    counts: dict[int, dict[int, int]] = defaultdict(dict)
    for question, value, n in (
        VoiceAnswer.objects.filter(response__in=responses)
        .values_list("question_id", "value")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        counts[question][value] = n
    questions = _questions(school, set(counts))
    return PeriodResults(
        responses=suppress(totals["n"]),
        classes=totals["classes"],
        questions=tuple(QuestionSummary(q, cell(counts.get(q.pk, {}))) for q in questions),
        sent_to_dsl=suppress(totals["sent"]),
    )
