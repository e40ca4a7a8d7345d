"""Shared helpers for the codemods: which files to rewrite, and rewriting them in place."""

from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON_TREES = ("earlyhelp", "tests", "bench", "scripts")


def python_files() -> Iterator[Path]:
    for tree in PYTHON_TREES:
        yield from sorted((ROOT / tree).rglob("*.py"))


def template_files() -> Iterator[Path]:
    yield from sorted((ROOT / "earlyhelp").rglob("templates/**/*.html"))


def rewrite(paths: Iterator[Path], change: Callable[[str], str]) -> list[Path]:
    """Apply `change` to each file's text; write and return the files that changed."""
    changed = []
    for path in paths:
        if "codemods" in path.parts:
            continue
        before = path.read_text()
        after = change(before)
        if after != before:
            path.write_text(after)
            changed.append(path)
    return changed


def report(changed: list[Path]) -> None:
    for path in changed:
        print(path.relative_to(ROOT))
    print(f"{len(changed)} files changed")
