"""Codemod (issue 11): every audit event name in `earlyhelp/` becomes an `AuditAction` member.

Reads the members from `earlyhelp/audit/names.py`, then in every module of `earlyhelp/`
replaces each quoted name ("concern.logged") by its member (AuditAction.CONCERN_LOGGED),
wraps a name built at run time (`action=f"early_help.{kind.value}"`) in `AuditAction(...)`,
which refuses a name that is not declared, adds the import and sorts imports with ruff.

Re-run from the repository root after merging a branch:
    python scripts/codemods/audit_names.py
A new name found in a merged branch must first be added to `AuditAction`; the script then
prints the quoted names it still finds next to `action=` so none is missed. Idempotent.
"""

import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, __file__.rsplit("/", 1)[0])

from _files import ROOT, report, rewrite

NAMES_MODULE = ROOT / "earlyhelp/audit/names.py"
MEMBER = re.compile(r'^    ([A-Z0-9_]+) = "([a-z0-9_.]+)"$', re.MULTILINE)
BUILT = re.compile(r'action=f"([a-z_]+\.[^"]*)"')
LEFT = re.compile(r'action="([^"]+)"')
IMPORT = "from earlyhelp.audit.names import AuditAction"


def members() -> dict[str, str]:
    return {value: name for name, value in MEMBER.findall(NAMES_MODULE.read_text())}


def change(text: str, names: dict[str, str]) -> str:
    before = text
    for value, name in names.items():
        text = re.sub(rf'(?<![\w/])"{re.escape(value)}"', f"AuditAction.{name}", text)
    text = BUILT.sub(r'action=AuditAction(f"\1")', text)
    if text != before and IMPORT not in text:
        text = _add_import(text)
    return text


def _add_import(text: str) -> str:
    lines = text.split("\n")
    at = next((i for i, line in enumerate(lines) if line.startswith(("from ", "import "))), 0)
    lines.insert(at, IMPORT)
    return "\n".join(lines)


def modules() -> list[Path]:
    skip = {NAMES_MODULE}
    return [
        p
        for p in sorted((ROOT / "earlyhelp").rglob("*.py"))
        if p not in skip and "migrations" not in p.parts
    ]


def leftovers() -> list[str]:
    found = []
    for path in modules():
        for number, line in enumerate(path.read_text().split("\n"), 1):
            if LEFT.search(line) and "record_event" in path.read_text():
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    return found


if __name__ == "__main__":
    names = members()
    changed = rewrite(iter(modules()), lambda text: change(text, names))
    if changed:
        ruff = ROOT / ".venv/bin/ruff"
        subprocess.run([str(ruff), "check", "--select", "I", "--fix", "-q", *map(str, changed)])  # noqa: S603
        subprocess.run([str(ruff), "format", "-q", *map(str, changed)])  # noqa: S603
    report(changed)
    for line in leftovers():
        print("not declared?", line)
