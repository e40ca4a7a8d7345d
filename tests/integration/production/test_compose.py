"""compose.yaml and the Containerfile stay true to the code: the services of the whole
stack are there, every environment name they set is one the code reads, and every command
they run exists. (This machine runs no containers; docs/deployment.md runs the same
services without them, and test_two_instances.py runs them for real.)"""

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.core.management import get_commands

REPO = Path(__file__).resolve().parents[3]
EARLYHELP_SERVICES = ("migrate", "app", "worker", "timer")
STACK = {"postgres", "redis", "minio", *EARLYHELP_SERVICES}
# Read by other programs than earlyhelp's settings, on purpose.
OTHER_READERS = {"PYTHONUNBUFFERED"}


def compose() -> dict[str, Any]:
    loaded = yaml.safe_load((REPO / "compose.yaml").read_text())
    assert isinstance(loaded, dict)
    return loaded


def names_the_code_reads() -> set[str]:
    pattern = re.compile(
        r"""(?:env_(?:str|bool|list)|os\.environ\.get|getenv)\(\s*["']([A-Z0-9_]+)"""
    )
    found: set[str] = set()
    for path in (REPO / "earlyhelp").rglob("*.py"):
        found.update(pattern.findall(path.read_text()))
    return found


def commands_in(service: dict[str, Any]) -> list[list[str]]:
    """Each `earlyhelp ...` command line a service runs."""
    command = service.get("command")
    if command is None:
        return []
    text = command if isinstance(command, str) else shlex.join(command)
    return [shlex.split(part)[1:2] for part in re.findall(r"earlyhelp [\w-]+", text)]


def test_the_whole_stack_is_there() -> None:
    services = compose()["services"]
    assert set(services) >= STACK
    for name in EARLYHELP_SERVICES:
        assert services[name]["image"] == "earlyhelp"
        assert services[name]["build"]["dockerfile"] == "Containerfile"


def test_every_environment_name_is_read_by_the_code() -> None:
    services = compose()["services"]
    read = names_the_code_reads()
    for name in EARLYHELP_SERVICES:
        unknown = set(services[name]["environment"]) - read
        assert not unknown, f"{name} sets {unknown}, which nothing reads"
    container_env = re.findall(r"^\s*([A-Z_]+)=", _containerfile_env(), re.MULTILINE)
    assert container_env and set(container_env) - read <= OTHER_READERS


def test_shared_services_are_used_by_the_app() -> None:
    env = compose()["services"]["app"]["environment"]
    assert env["REDIS_URL"].startswith("redis://redis:")
    assert "@postgres:" in env["DATABASE_URL"]
    assert env["STORAGE_S3_ENDPOINT_URL"] == "http://minio:9000"


@pytest.mark.parametrize("service", ["migrate", "worker"])
def test_the_commands_exist(service: str) -> None:
    commands = commands_in(compose()["services"][service])
    assert commands
    for (name,) in commands:
        assert name in get_commands(), f"{service} runs earlyhelp {name}, which does not exist"


def test_the_timer_runs_run_due_jobs_every_five_minutes() -> None:
    timer = compose()["services"]["timer"]
    assert commands_in(timer) == [["run-due-jobs"]]
    assert "sleep 300" in " ".join(timer["command"])
    if "run-due-jobs" not in get_commands() and "run_due_jobs" not in get_commands():
        pytest.skip("earlyhelp run-due-jobs is not there yet (issue 17, the schedules half)")


def test_the_image_serves_the_wsgi_application_and_checks_its_health() -> None:
    text = (REPO / "Containerfile").read_text()
    assert "gunicorn earlyhelp.wsgi:application" in text
    assert (REPO / "earlyhelp" / "wsgi.py").exists()
    assert "/healthz" in text and "requirements/prod.txt" in text


def _containerfile_env() -> str:
    text = (REPO / "Containerfile").read_text()
    match = re.search(r"^ENV (.*?)(?=^\S)", text, re.MULTILINE | re.DOTALL)
    assert match
    return match.group(1).replace("\\\n", "\n")
