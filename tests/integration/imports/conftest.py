"""Run `earlyhelp` as a person would: a separate process, reading its exit status and streams."""

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from tests.signin import sign_in
from tests.universe import Universe

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


def _signed_in(user: Any) -> Client:
    client = Client()
    sign_in(client, user)
    return client


@pytest.fixture
def ed(universe: Universe) -> Client:
    """Ed edits and publishes Northfield Primary's Offer."""
    return _signed_in(universe.ed)


@pytest.fixture
def tom(universe: Universe) -> Client:
    """Tom teaches at Northfield Primary: staff area, no Offer editing."""
    return _signed_in(universe.tom)


@pytest.fixture
def sam(universe: Universe) -> Client:
    """Sam is the DSL at Southbank Academy: an editor of another school."""
    return _signed_in(universe.sam)
