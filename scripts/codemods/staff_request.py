"""Codemod (issue 11): staff views take the typed `StaffRequest`, not a bare `HttpRequest`.

A view decorated with `@staff_page` (directly, or under other decorators) receives a
request whose user is signed in; its first parameter is annotated `StaffRequest` so mypy
knows `request.user` is a `User`. The import is added (or joined to the existing import
from `earlyhelp.accounts.staffviews`); ruff then drops an `HttpRequest` import left unused.

Re-run from the repository root after merging a branch: `python scripts/codemods/staff_request.py`.
Idempotent. Views behind another decorator that wraps `staff_page` are printed for a person.
"""

import ast
import subprocess
import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])

from _files import ROOT, report, rewrite

MODULE = "earlyhelp.accounts.staffviews"
IMPORT = f"from {MODULE} import StaffRequest"


def staff_views_in(tree: ast.Module) -> list[ast.arg]:
    """The annotated first parameter of each `@staff_page` view typed `HttpRequest`."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef) or not node.args.args:
            continue
        names = {_decorator_name(d) for d in node.decorator_list}
        first = node.args.args[0]
        annotation = first.annotation
        typed = isinstance(annotation, ast.Name) and annotation.id == "HttpRequest"
        if "staff_page" in names and typed:
            found.append(first)
    return found


def _decorator_name(decorator: ast.expr) -> str:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    if isinstance(target, ast.Attribute):
        return target.attr
    return target.id if isinstance(target, ast.Name) else ""


def change(text: str) -> str:
    if "staff_page" not in text:
        return text
    params = staff_views_in(ast.parse(text))
    if not params:
        return text
    lines = text.split("\n")
    for param in sorted(params, key=lambda p: (p.lineno, p.col_offset), reverse=True):
        annotation = param.annotation
        assert isinstance(annotation, ast.Name) and annotation.end_col_offset is not None
        row = lines[annotation.lineno - 1]
        start, end = annotation.col_offset, annotation.end_col_offset
        lines[annotation.lineno - 1] = row[:start] + "StaffRequest" + row[end:]
    after = "\n".join(lines)
    if not _imports_staff_request(after):
        tree = ast.parse(after)
        first = next(n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom))
        lines.insert(first.lineno - 1, IMPORT)
        after = "\n".join(lines)
    return after


def _imports_staff_request(text: str) -> bool:
    for node in ast.parse(text).body:
        if not isinstance(node, ast.ImportFrom) or node.module != MODULE:
            continue
        if any(alias.name == "StaffRequest" for alias in node.names):
            return True
    return False


def main() -> None:
    paths = iter(sorted((ROOT / "earlyhelp").rglob("*.py")))
    changed = rewrite(paths, change)
    report(changed)
    if changed:
        ruff = str(ROOT / ".venv" / "bin" / "ruff")
        files = [str(path) for path in changed]
        subprocess.run([ruff, "check", "--fix", "-q", "--select", "I,F401", *files], check=False)  # noqa: S603
        subprocess.run([ruff, "format", "-q", *files], check=False)  # noqa: S603


if __name__ == "__main__":
    main()
