"""The app layers in pyproject.toml hold, and would catch any of the eight cycles issue 11
removed: each case adds one upward import to a copy of the code and runs `lint-imports` on it.
"""

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

# (the module that gains an import, what it imports): one per cycle issue 11 named.
UPWARD_IMPORTS = [
    ("accounts/permissions.py", "earlyhelp.core.staff_views"),
    ("accounts/actions.py", "earlyhelp.schools.access"),
    ("concerns/actions.py", "earlyhelp.casework.actions.episodes"),
    ("schools/access.py", "earlyhelp.core.views"),
    ("offers/snapshot.py", "earlyhelp.core.la_home"),
    ("links/status.py", "earlyhelp.directory.views"),
    ("imports/pipeline.py", "earlyhelp.offers.actions.editing"),
    ("schools/actions.py", "earlyhelp.offers.actions.editing"),
]


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", str(root / "pyproject.toml")],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The package's Python files and pyproject.toml, in a folder of their own."""
    root = tmp_path_factory.mktemp("layers")
    shutil.copytree(
        ROOT / "earlyhelp",
        root / "earlyhelp",
        ignore=shutil.ignore_patterns("static", "templates", "data", "node_modules"),
    )
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    yield root


def test_the_code_keeps_every_contract() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(("path", "imported"), UPWARD_IMPORTS)
def test_an_upward_import_is_caught(copy: Path, path: str, imported: str) -> None:
    module = copy / "earlyhelp" / path
    before = module.read_text()
    module.write_text(f"{before}\nimport {imported}  # noqa\n")
    try:
        result = lint_imports(copy)
    finally:
        module.write_text(before)
    assert result.returncode == 1
    assert "Apps depend only downwards BROKEN" in result.stdout
    assert "No import cycles between apps BROKEN" in result.stdout
    assert imported in result.stdout


def test_a_view_writing_an_access_event_is_caught(copy: Path) -> None:
    module = copy / "earlyhelp" / "casework" / "views" / "child.py"
    before = module.read_text()
    module.write_text(f"{before}\nfrom earlyhelp.records.access_events import VIEWED  # noqa\n")
    try:
        result = lint_imports(copy)
    finally:
        module.write_text(before)
    assert result.returncode == 1
    assert "Only the access modules write a child's access event BROKEN" in result.stdout
