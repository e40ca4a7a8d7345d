"""Search evaluation: how often the services a family should find are among the first five.

A case file (TOML, `[[case]]` with `q` and `expect`, a list of service names) is run against
the directory in use. Printed: success@5 (an expected service among the first five), mean
reciprocal rank (1 / the rank of the first expected service, 0 beyond `DEPTH`), and the share
of searches with no result at all. Service names that are not in the directory are errors,
so a renamed service cannot quietly lower the figures.
"""

import tomllib
from dataclasses import dataclass
from pathlib import Path

from earlyhelp.directory.models import Service, ServiceStatus
from earlyhelp.directory.search.engine import search_services
from earlyhelp.directory.search.params import SearchParams

TOP = 5
DEPTH = 20
DEFAULT_FILE = Path(__file__).resolve().parents[3] / "bench" / "search_eval.toml"


class EvaluationError(ValueError):
    pass


@dataclass(frozen=True)
class Case:
    q: str
    expect: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    case: Case
    found: tuple[str, ...]  # the first DEPTH names, best first
    total: int

    @property
    def rank(self) -> int | None:
        for position, name in enumerate(self.found, start=1):
            if name in self.case.expect:
                return position
        return None

    @property
    def success(self) -> bool:
        return self.rank is not None and self.rank <= TOP


@dataclass(frozen=True)
class Report:
    outcomes: tuple[Outcome, ...]

    @property
    def success_at_5(self) -> float:
        return sum(o.success for o in self.outcomes) / len(self.outcomes)

    @property
    def mean_reciprocal_rank(self) -> float:
        return sum(1 / o.rank for o in self.outcomes if o.rank) / len(self.outcomes)

    @property
    def no_result(self) -> float:
        return sum(o.total == 0 for o in self.outcomes) / len(self.outcomes)


def read_cases(path: Path) -> list[Case]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise EvaluationError(f"Cannot read {path}: {error}") from error
    cases = [Case(str(c["q"]), tuple(c["expect"])) for c in data.get("case", [])]
    if not cases:
        raise EvaluationError(f"{path} has no [[case]] entries.")
    return cases


def evaluate(cases: list[Case]) -> Report:
    names = dict(Service.objects.filter(status=ServiceStatus.ACTIVE).values_list("id", "name"))
    unknown = sorted({n for c in cases for n in c.expect} - set(names.values()))
    if unknown:
        raise EvaluationError("Expected services not in the directory: " + "; ".join(unknown[:10]))
    outcomes = []
    for case in cases:
        page = search_services(SearchParams(q=case.q, per_page=DEPTH, log_no_result=False))
        outcomes.append(Outcome(case, tuple(names[i] for i in page.ids), page.total))
    return Report(tuple(outcomes))


def format_report(report: Report, *, verbose: bool = False) -> str:
    lines = []
    if verbose:
        for outcome in report.outcomes:
            if not outcome.success:
                first = ", ".join(outcome.found[:TOP]) or "no result"
                lines.append(f"  miss (rank {outcome.rank or '-'}): {outcome.case.q!r} -> {first}")
    count = len(report.outcomes)
    lines += [
        f"Search evaluation: {count} queries",
        f"  success@{TOP}            {report.success_at_5:6.1%}",
        f"  mean reciprocal rank {report.mean_reciprocal_rank:6.3f}",
        f"  no result            {report.no_result:6.1%}",
    ]
    return "\n".join(lines) + "\n"
