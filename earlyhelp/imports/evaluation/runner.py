"""Run the importer over a folder of documents with gold files and tabulate the scores."""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from earlyhelp.imports.evaluation.scoring import FIELDS, Score, score_document
from earlyhelp.imports.pipeline import extract
from earlyhelp.imports.readers import KINDS, read_document

GOLD_DATE = date(2026, 11, 24)


@dataclass
class DocumentScore:
    name: str
    scores: dict[str, Score]


def gold_documents(folder: Path) -> Iterator[tuple[Path, Path]]:
    """(document, gold file) for every document in `folder` with `gold/<stem>.json`."""
    for path in sorted(folder.iterdir()):
        gold = folder / "gold" / f"{path.stem}.json"
        if path.is_file() and path.suffix.lower() in KINDS and gold.is_file():
            yield path, gold


def evaluate(folder: Path, *, today: date = GOLD_DATE) -> list[DocumentScore]:
    results = []
    for path, gold_path in gold_documents(folder):
        text = read_document(path)
        result = extract(text, today=today).to_contract()
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        results.append(DocumentScore(path.name, score_document(result, gold, text)))
    return results


def overall(results: list[DocumentScore]) -> dict[str, Score]:
    totals = {name: Score() for name in FIELDS}
    for result in results:
        for name in FIELDS:
            totals[name].add(result.scores[name])
    return totals


def table(results: list[DocumentScore], *, verbose: bool = False) -> str:
    lines = [
        f"{'document':<28} {'field':<9} {'P':>5} {'R':>5} {'F1':>5} {'tp':>4} {'fp':>4} {'fn':>4}"
    ]
    rows = [(r.name, r.scores) for r in results] + [("overall", overall(results))]
    for name, scores in rows:
        for field_name in FIELDS:
            s = scores[field_name]
            lines.append(
                f"{name:<28} {field_name:<9} {s.precision:5.2f} {s.recall:5.2f} {s.f1:5.2f} "
                f"{s.tp:4d} {s.fp:4d} {s.fn:4d}"
            )
        lines.append("")
    if verbose:
        lines.extend(_details(results))
    return "\n".join(lines).rstrip() + "\n"


def _details(results: list[DocumentScore]) -> list[str]:
    lines = []
    for result in results:
        for field_name in FIELDS:
            score = result.scores[field_name]
            for miss in score.misses:
                lines.append(f"{result.name} {field_name} MISSED: {miss}")
            for extra in score.extras:
                lines.append(f"{result.name} {field_name} EXTRA: {extra}")
    return lines
