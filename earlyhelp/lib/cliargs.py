"""Argument types shared by management commands."""

from argparse import ArgumentTypeError
from datetime import date


def iso_date(value: str) -> date:
    """A `--today`-style argument: 2026-11-24, or a clear refusal."""
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise ArgumentTypeError(f"enter a date like 2026-11-24, not {value!r}") from error
