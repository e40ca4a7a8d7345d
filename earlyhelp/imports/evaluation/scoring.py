"""Score an import against a hand-checked gold extraction, field by field.

phones, emails, urls  every value listed anywhere (people and services), as sets
people                (role, name) pairs; names compared without case or punctuation
findings              same code, and excerpts that overlap or are near in the document
                      (within 300 characters or 5 lines), matched one to one, nearest first
services              names matched one to one by fuzzy similarity
topics                topic codes of matched services
"""

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

FIELDS = ("phones", "emails", "urls", "people", "findings", "services", "topics")
NEAR_CHARS, NEAR_LINES = 300, 5
SERVICE_SIMILARITY = 0.72


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn


def score_document(result: dict[str, Any], gold: dict[str, Any], text: str) -> dict[str, Score]:
    matched_services, services = _services(result, gold)
    return {
        "phones": _sets(_values(result, "phones"), _values(gold, "phones")),
        "emails": _sets(_values(result, "emails"), _values(gold, "emails")),
        "urls": _sets(_values(result, "urls"), _values(gold, "urls")),
        "people": _sets(_people(result), _people(gold)),
        "findings": _findings(result, gold, text),
        "services": services,
        "topics": _topics(matched_services),
    }


def _values(extraction: dict[str, Any], kind: str) -> set[str]:
    found: set[str] = set()
    for entry in [*extraction.get("people", []), *extraction.get("services", [])]:
        found.update(entry.get(kind, []))
    return found


def _people(extraction: dict[str, Any]) -> set[str]:
    return {f"{p['role']}: {_plain(p['name'])}" for p in extraction.get("people", [])}


def _plain(name: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", name.lower().replace("’", "'")))


def _sets(found: set[str], wanted: set[str]) -> Score:
    return Score(
        tp=len(found & wanted),
        fp=len(found - wanted),
        fn=len(wanted - found),
        misses=sorted(wanted - found),
        extras=sorted(found - wanted),
    )


def _spans(text: str, excerpt: str) -> list[tuple[int, int]]:
    if not excerpt:
        return []
    return [(m.start(), m.start() + len(excerpt)) for m in re.finditer(re.escape(excerpt), text)]


def _distance(text: str, a: list[tuple[int, int]], b: list[tuple[int, int]]) -> float:
    best = float("inf")
    for start_a, end_a in a:
        for start_b, end_b in b:
            if start_a < end_b and start_b < end_a:
                return 0.0
            gap_start, gap_end = (end_a, start_b) if end_a <= start_b else (end_b, start_a)
            chars = gap_end - gap_start
            if chars <= NEAR_CHARS or text.count("\n", gap_start, gap_end) <= NEAR_LINES:
                best = min(best, chars)
    return best


def _findings(result: dict[str, Any], gold: dict[str, Any], text: str) -> Score:
    found = result.get("findings", [])
    wanted = gold.get("findings", [])
    found_spans = [_spans(text, f["excerpt"]) for f in found]
    wanted_spans = [_spans(text, g["excerpt"]) for g in wanted]
    pairs = []
    for i, f in enumerate(found):
        for j, g in enumerate(wanted):
            if f["code"] == g["code"]:
                distance = _distance(text, found_spans[i], wanted_spans[j])
                if distance != float("inf"):
                    pairs.append((distance, i, j))
    used_found, used_wanted = _greedy(pairs)
    score = Score(tp=len(used_found))
    score.extras = [
        f"{f['code']}: {f['excerpt']!r}" for i, f in enumerate(found) if i not in used_found
    ]
    score.misses = [
        f"{g['code']}: {g['excerpt']!r}" for j, g in enumerate(wanted) if j not in used_wanted
    ]
    score.fp, score.fn = len(score.extras), len(score.misses)
    return score


def _greedy(pairs: list[tuple[float, int, int]]) -> tuple[set[int], set[int]]:
    used_a: set[int] = set()
    used_b: set[int] = set()
    for _, i, j in sorted(pairs):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
    return used_a, used_b


def similarity(a: str, b: str) -> float:
    x, y = (
        _plain(re.sub(r"\([^)]*\)", " ", a)) or _plain(a),
        _plain(re.sub(r"\([^)]*\)", " ", b)) or _plain(b),
    )
    ratio = SequenceMatcher(None, x, y).ratio()
    words_x, words_y = set(x.split()), set(y.split())
    if words_x and words_y and (words_x <= words_y or words_y <= words_x):
        ratio = max(ratio, 0.8)
    return ratio


def _services(
    result: dict[str, Any], gold: dict[str, Any]
) -> tuple[list[tuple[dict[str, Any], dict[str, Any]]], Score]:
    found = result.get("services", [])
    wanted = gold.get("services", [])
    pairs = []
    for i, f in enumerate(found):
        for j, g in enumerate(wanted):
            value = similarity(f["name"], g["name"])
            if value >= SERVICE_SIMILARITY:
                pairs.append((1 - value, i, j))
    used_found, used_wanted = _greedy(pairs)
    matched = []
    taken_found: set[int] = set()
    for _, i, j in sorted(pairs):
        if i in used_found and j in used_wanted and i not in taken_found:
            taken_found.add(i)
            matched.append((found[i], wanted[j]))
    score = Score(tp=len(matched))
    score.extras = [f["name"] for i, f in enumerate(found) if i not in used_found]
    score.misses = [g["name"] for j, g in enumerate(wanted) if j not in used_wanted]
    score.fp, score.fn = len(score.extras), len(score.misses)
    return matched, score


def _topics(matched: list[tuple[dict[str, Any], dict[str, Any]]]) -> Score:
    score = Score()
    for found, wanted in matched:
        a, b = set(found.get("topics", [])), set(wanted.get("topics", []))
        score.tp += len(a & b)
        score.fp += len(a - b)
        score.fn += len(b - a)
        score.extras += [f"{found['name']}: {code}" for code in sorted(a - b)]
        score.misses += [f"{wanted['name']}: {code}" for code in sorted(b - a)]
    return score
