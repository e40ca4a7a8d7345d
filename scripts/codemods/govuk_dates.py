"""Codemod (issues 11 and 12): dates the GOV.UK way, through the one formatter.

Python (earlyhelp/): `f"{x:%d %B %Y}"` (leading zero), `f"{x:%-d %B %Y}"` (glibc only) and
`f"{x.day} {x:%B %Y}"` become `f"{govuk_date(x)}"`, with the import
(`from earlyhelp.lib.datefmt import govuk_date`) added.
Templates: `|date:"j F Y"` and `|date:"j M Y"` become `|govuk_date`; with a time
(`"j F Y H:i"`, `"j F Y, H:i"`, `"j M Y H:i"`, ...) `|govuk_datetime`.

Re-run from the repository root after merging a branch: `python scripts/codemods/govuk_dates.py`
(it sorts the imports it adds with ruff). Formats it leaves (e.g. "F Y", seconds) are printed.
Idempotent.
"""

import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, __file__.rsplit("/", 1)[0])

from _files import ROOT, report, rewrite, template_files

IMPORT = "from earlyhelp.lib.datefmt import govuk_date"
LEADING_ZERO = re.compile(r"\{([\w.()\[\]\"']+):%-?d %B %Y\}")
SPLIT = re.compile(r"\{([\w.]+)\.day\} \{\1:%B %Y\}")
DAY_ONLY = re.compile(r"""\|date:(["'])j [FM] Y\1""")
WITH_TIME = re.compile(r"""\|date:(["'])j [FM] Y,? (\\a\\t )?[Hg]:i( a)?\1""")
OTHER = re.compile(r"""\|date:(["'])[^"']*[jd][^"']*\1""")


def python_change(text: str) -> str:
    after = LEADING_ZERO.sub(r"{govuk_date(\1)}", text)
    after = SPLIT.sub(r"{govuk_date(\1)}", after)
    if after != text and IMPORT not in after:
        lines = after.split("\n")
        at = next(i for i, line in enumerate(lines) if line.startswith(("from ", "import ")))
        lines.insert(at, IMPORT)
        after = "\n".join(lines)
    return after


def template_change(text: str) -> str:
    return DAY_ONLY.sub("|govuk_date", WITH_TIME.sub("|govuk_datetime", text))


def python_modules() -> list[Path]:
    skip = ROOT / "earlyhelp/lib/datefmt.py"
    return [p for p in sorted((ROOT / "earlyhelp").rglob("*.py")) if p != skip]


if __name__ == "__main__":
    changed = rewrite(iter(python_modules()), python_change)
    if changed:
        ruff = str(ROOT / ".venv/bin/ruff")
        subprocess.run([ruff, "check", "--select", "I", "--fix", "-q", *map(str, changed)])  # noqa: S603
        subprocess.run([ruff, "format", "-q", *map(str, changed)])  # noqa: S603
    report(changed + rewrite(template_files(), template_change))
    for path in template_files():
        for number, line in enumerate(path.read_text().split("\n"), 1):
            if OTHER.search(line):
                print(f"left: {path.relative_to(ROOT)}:{number}: {OTHER.search(line).group(0)}")
