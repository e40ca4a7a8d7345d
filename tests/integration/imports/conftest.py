"""Run `earlyhelp` as a person would (a separate process, reading its exit status and streams),
and the signed-in persona clients."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.persona_clients import ed, sam, tom

__all__ = ["earlyhelp", "ed", "sam", "tom"]

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def earlyhelp():
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "EARLYHELP_ENV": "test", "PYTHONWARNINGS": "ignore"}
        return subprocess.run(
            [sys.executable, "-m", "earlyhelp", *args],
            capture_output=True,
            text=True,
            cwd=REPO,
            env=env,
            timeout=120,
            check=False,
        )

    return run
