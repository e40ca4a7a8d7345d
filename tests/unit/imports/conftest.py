"""Helpers for the importer's unit tests: fictional snippets in, contract dictionaries out."""

from datetime import date
from typing import Any

import pytest

from earlyhelp.imports.pipeline import extract

TODAY = date(2026, 11, 24)


def run(text: str, *, today: date = TODAY) -> dict[str, Any]:
    return extract(text, today=today).to_contract()


def codes(result: dict[str, Any]) -> list[str]:
    return [finding["code"] for finding in result["findings"]]


def findings(result: dict[str, Any], code: str) -> list[dict[str, Any]]:
    return [finding for finding in result["findings"] if finding["code"] == code]


def listed(result: dict[str, Any], kind: str) -> set[str]:
    values: set[str] = set()
    for entry in [*result["people"], *result["services"]]:
        values.update(entry.get(kind, []))
    return values


@pytest.fixture
def excerpt_in():
    """Assert every finding's excerpt is verbatim and 5-60 characters long."""

    def check(result: dict[str, Any], text: str) -> None:
        for finding in result["findings"]:
            assert 5 <= len(finding["excerpt"]) <= 60, finding
            assert finding["excerpt"] in text, finding

    return check
