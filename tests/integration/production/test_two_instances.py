"""Two app servers, no shared disk: what one learns the other knows (issue 17).

PostgreSQL (a new database on the suite's server), Redis (`redis-server` on a free
loopback port) and an S3-compatible server (moto's server mode) are started here; two
gunicorn servers, A and B, run in production mode from two temporary folders, each with its
own MEDIA_ROOT and STATIC_ROOT, sharing only DATABASE_URL, REDIS_URL and the bucket. Every
outgoing web request of the servers goes to a closed loopback proxy, so nothing here can
reach the network (the link checker would otherwise try the directory's real addresses).

PostgreSQL pass only: on SQLite the two servers would share a database file, which is
exactly the one-host set-up this test is not about.
"""

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tests.integration.production.test_smoke import (
    HOST,
    drop_postgres_database,
    free_port,
    new_postgres_database,
    production_env,
    wait_until_listening,
)
from tests.universe import PASSWORD, totp_key

SUITE_DATABASE = os.environ.get("DATABASE_URL", "")
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
pytestmark = [
    pytest.mark.skipif(
        not SUITE_DATABASE.startswith("postgres"),
        reason="two app servers need a database server: runs in the PostgreSQL pass only",
    ),
    pytest.mark.skipif(
        not Path(REDIS_SERVER).exists(),
        reason="redis-server is not installed (scripts/system-deps test installs it)",
    ),
]
requests = pytest.importorskip("requests")

BUCKET = "earlyhelp-two-instances"
METRICS_TOKEN = "two-instances-metrics-token"
SEARCH_LIMIT = 8
LOAD_DATA = (
    "from tests.universe import build_universe; from tests.concerns_universe import add_roll; "
    "u = build_universe(); r = add_roll(u); print(u.northfield.slug, r.amy.pk)"
)
# A minimal PDF: what the attachment check looks at is the %PDF- signature.
EVIDENCE = b"%PDF-1.4\n% evidence for the two-instance test\n1 0 obj <<>> endobj\n%%EOF\n"
REDIS_OPTIONS = ["--save", "", "--appendonly", "no", "--dir"]  # memory only, files in a temp dir
GUNICORN_ARGS = ["earlyhelp.wsgi:application", "--workers", "2", "--timeout", "60"]
GUNICORN_ARGS += ["--graceful-timeout", "5"]
LOCKED = "You have tried to sign in too many times"


@dataclass
class Stack:
    a: str
    b: str
    dirs: dict[str, Path]
    env: dict[str, dict[str, str]]
    database_url: str
    redis_port: int
    s3: Any
    school_slug: str
    pupil_id: int


def run(args: list[str], env: dict[str, str], cwd: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def start_redis(folder: Path) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    folder.mkdir()
    server = subprocess.Popen(
        [REDIS_SERVER, "--port", str(port), "--bind", HOST, *REDIS_OPTIONS, str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_until_listening(port, server, 15)
    return server, port


def start_s3() -> tuple[Any, Any, str]:
    import boto3  # type: ignore[import-untyped]
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address=HOST, port=port, verbose=False)
    server.start()
    endpoint = f"http://{HOST}:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(Bucket=BUCKET)
    return server, client, endpoint


def shared_env(tmp: Path, database_url: str, redis_port: int, s3_endpoint: str) -> dict[str, str]:
    """What both servers are given: the same secrets and the same shared services."""
    return {
        **production_env(tmp, database_url),
        "REDIS_URL": f"redis://{HOST}:{redis_port}/0",
        "STORAGE_S3_BUCKET": BUCKET,
        "STORAGE_S3_ENDPOINT_URL": s3_endpoint,
        "STORAGE_S3_REGION": "us-east-1",
        "STORAGE_S3_ACCESS_KEY_ID": "testing",
        "STORAGE_S3_SECRET_ACCESS_KEY": "testing",
        "METRICS_TOKEN": METRICS_TOKEN,
        "PUBLIC_SEARCH_RATE_LIMIT": str(SEARCH_LIMIT),
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        # Outgoing web requests (link checks, harvests) go to a closed loopback port.
        "HTTP_PROXY": f"http://{HOST}:9",
        "HTTPS_PROXY": f"http://{HOST}:9",
        "NO_PROXY": f"{HOST},localhost",
    }


def instance_env(shared: dict[str, str], folder: Path) -> dict[str, str]:
    return {
        **shared,
        "HOME": str(folder),
        "MEDIA_ROOT": str(folder / "media"),
        "STATIC_ROOT": str(folder / "static"),
    }


def start_gunicorn(env: dict[str, str], folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    with (folder / "server.log").open("wb") as log:  # the child keeps its own copy
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", *GUNICORN_ARGS, "--bind", f"{HOST}:{port}"],
            env=env,
            cwd=folder,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
    wait_until_listening(port, server, 60)
    return server, f"http://{HOST}:{port}"


def stop(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    tmp = tmp_path_factory.mktemp("two-instances")
    database_url, pg_name = new_postgres_database(SUITE_DATABASE)
    processes: list[subprocess.Popen[bytes]] = []
    s3_server = None
    try:
        redis_server, redis_port = start_redis(tmp / "redis")
        processes.append(redis_server)
        s3_server, s3, endpoint = start_s3()
        shared = shared_env(tmp, database_url, redis_port, endpoint)
        dirs = {name: tmp / name for name in ("a", "b")}
        env = {name: instance_env(shared, folder) for name, folder in dirs.items()}
        for folder in dirs.values():
            folder.mkdir()
        run(["earlyhelp", "migrate", "--noinput"], env["a"], dirs["a"])
        slug, pupil_id = run(["earlyhelp", "shell", "-c", LOAD_DATA], env["a"], dirs["a"]).split()[
            -2:
        ]
        run(["earlyhelp", "collectstatic", "--noinput"], env["a"], dirs["a"])
        # B gets its own copy of the built static files, as a second host's image would.
        shutil.copytree(dirs["a"] / "static", dirs["b"] / "static")
        bases = {}
        for name in ("a", "b"):
            server, bases[name] = start_gunicorn(env[name], dirs[name])
            processes.append(server)
        yield Stack(
            bases["a"], bases["b"], dirs, env, database_url, redis_port, s3, slug, int(pupil_id)
        )
    finally:
        stop(processes)
        if s3_server is not None:
            s3_server.stop()
        drop_postgres_database(SUITE_DATABASE, pg_name)


class Browser:
    """A person's browser: its own cookies, sent by hand (the production cookies are
    `Secure`, which a client keeps to HTTPS; these servers are reached over loopback HTTP)."""

    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}

    def request(self, method: str, url: str, **kwargs: Any) -> Any:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        response = requests.request(
            method, url, headers=headers, allow_redirects=False, timeout=60, **kwargs
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def get(self, url: str) -> Any:
        return self.request("GET", url)

    def post_form(self, url: str, data: dict[str, Any], **kwargs: Any) -> Any:
        """Open the form's page, then send it with its CSRF token."""
        page = self.get(url)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert token, f"no form on {url} ({page.status_code})"
        return self.request(
            "POST", url, data={**data, "csrfmiddlewaretoken": token.group(1)}, **kwargs
        )

    def sign_in(self, base: str, username: str) -> None:
        answer = self.post_form(
            f"{base}/staff/sign-in/", {"username": username, "password": PASSWORD}
        )
        assert answer.status_code == 302 and "/staff/two-factor/" in answer.headers["Location"]
        done = self.post_form(f"{base}/staff/two-factor/", {"code": current_code(username)})
        if done.status_code != 302:  # this 30 s's code was used by an earlier sign-in: no replay
            time.sleep(30 - time.time() % 30 + 1)
            done = self.post_form(f"{base}/staff/two-factor/", {"code": current_code(username)})
        assert done.status_code == 302, done.text[:500]


def current_code(username: str) -> str:
    from django_otp.oath import TOTP

    return str(TOTP(bytes.fromhex(totp_key(username)), digits=6).token()).zfill(6)


def sign_in_attempt(base: str, username: str, password: str) -> Any:
    return Browser().post_form(
        f"{base}/staff/sign-in/", {"username": username, "password": password}
    )


def test_both_servers_are_ready_with_every_shared_service(stack: Stack) -> None:
    for base in (stack.a, stack.b):
        response = requests.get(f"{base}/readyz", timeout=30)
        assert response.status_code == 200, response.text
        assert all(check["ok"] for check in response.json()["checks"].values())
        assert requests.get(f"{base}/healthz", timeout=30).json() == {"status": "ok"}


def test_a_lockout_triggered_on_a_holds_on_b(stack: Stack) -> None:
    # Before: the right password works on B (it leads to the second factor).
    assert sign_in_attempt(stack.b, "ed", PASSWORD).status_code == 302
    for _ in range(5):
        refused = sign_in_attempt(stack.a, "ed", "not the password")
        assert refused.status_code == 200
    assert LOCKED in sign_in_attempt(stack.a, "ed", PASSWORD).text
    on_b = sign_in_attempt(stack.b, "ed", PASSWORD)
    assert on_b.status_code == 200 and LOCKED in on_b.text
    # Someone else is not locked out by it, on either server.
    assert sign_in_attempt(stack.b, "dee", PASSWORD).status_code == 302


def test_the_public_search_limit_is_counted_once_for_both(stack: Stack) -> None:
    for number in range(SEARCH_LIMIT):
        base = stack.a if number % 2 else stack.b
        assert requests.get(f"{base}/directory/?q=carers", timeout=30).status_code == 200
    # Each server alone has seen only half the limit; together they have seen all of it.
    for base in (stack.a, stack.b):
        over = requests.get(f"{base}/directory/?q=carers", timeout=30)
        assert over.status_code == 429 and over.headers["Retry-After"] == "60"


def test_a_file_uploaded_through_a_is_served_by_b(stack: Stack) -> None:
    tom = Browser()
    tom.sign_in(stack.a, "tom")
    details = f"{stack.a}/staff/schools/{stack.school_slug}/concerns/new/details/"
    today = datetime.now(ZoneInfo("Europe/London")).date()
    logged = tom.post_form(
        f"{details}?chosen={stack.pupil_id}",
        {
            "chosen": str(stack.pupil_id),
            f"part_{stack.pupil_id}": "subject",
            "account": "She said she had no breakfast again.",
            "occurred_on_0": str(today.day),
            "occurred_on_1": str(today.month),
            "occurred_on_2": str(today.year),
            "categories": ["neglect"],
            "told_dsl": "yes",
        },
        files={"attachments": ("note.pdf", EVIDENCE, "application/pdf")},
    )
    assert logged.status_code == 302, logged.text[:2000]
    concern_url = logged.headers["Location"].removesuffix("logged/")
    page = tom.get(stack.b + concern_url)  # the session, in the database, works on B too
    assert page.status_code == 200
    link = re.search(r'href="([^"]+/attachments/\d+/)"', page.text)
    assert link, "the concern page on B lists no attachment"
    served = tom.get(stack.b + link.group(1))
    assert served.status_code == 200 and served.content == EVIDENCE
    stored = stack.s3.list_objects_v2(Bucket=BUCKET, Prefix="concerns/").get("Contents", [])
    assert len(stored) == 1
    for folder in stack.dirs.values():
        assert not (folder / "media").exists() or not any((folder / "media").rglob("*.pdf"))


def test_an_offer_pdf_built_once_is_served_by_both(stack: Stack) -> None:
    url = f"/schools/{stack.school_slug}/offer.pdf"
    # Behind the load balancer both servers see the site's one host name.
    as_public = {"Host": HOST}
    first = requests.get(stack.a + url, headers=as_public, timeout=120)
    if first.status_code == 503:  # rendered in the background, once per version
        run(["earlyhelp", "db_worker", "--batch"], stack.env["a"], stack.dirs["a"])
        first = requests.get(stack.a + url, headers=as_public, timeout=120)
    second = requests.get(stack.b + url, headers=as_public, timeout=120)
    assert first.status_code == second.status_code == 200
    assert first.content.startswith(b"%PDF") and first.content == second.content
    assert first.headers.get("ETag") == second.headers.get("ETag")
    renders = stack.s3.list_objects_v2(Bucket=BUCKET, Prefix="offer-renders/").get("Contents", [])
    if renders:
        assert len([r for r in renders if stack.school_slug in r["Key"]]) == 1
    else:  # the PDF cache, shared through Redis: one render, one entry
        import redis

        keys = redis.Redis(host=HOST, port=stack.redis_port).keys("*offer-pdf*")
        assert len(keys) == 1


def job_rows(database_url: str, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    import psycopg

    with psycopg.connect(database_url) as conn:
        return list(conn.execute(sql, params).fetchall())


def test_run_due_jobs_on_both_at_once_enqueues_each_job_once(stack: Stack) -> None:
    have = subprocess.run(
        [sys.executable, "-m", "earlyhelp", "help", "run-due-jobs"],
        env=stack.env["a"],
        cwd=stack.dirs["a"],
        capture_output=True,
        check=False,
    )
    if have.returncode != 0:
        pytest.skip("earlyhelp run-due-jobs is not there yet (issue 17, the other half)")
    tasks = "SELECT id::text FROM django_tasks_database_dbtaskresult"
    before = {row[0] for row in job_rows(stack.database_url, tasks)}
    at = datetime.now(ZoneInfo("Europe/London")).date().isoformat() + "T23:00"
    outputs: dict[str, str] = {}

    def run_on(name: str) -> None:
        outputs[name] = run(
            ["earlyhelp", "run-due-jobs", "--at", at], stack.env[name], stack.dirs[name]
        )

    threads = [threading.Thread(target=run_on, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    assert set(outputs) == {"a", "b"}, "run-due-jobs did not finish on both servers"
    runs = job_rows(
        stack.database_url,
        "SELECT job, slot, count(*), min(task_result_id::text) FROM jobs_scheduledrun "
        "GROUP BY job, slot",
    )
    assert runs, f"no job was due:\n{outputs}"
    assert all(count == 1 for _, _, count, _ in runs), runs
    new = {row[0] for row in job_rows(stack.database_url, tasks)} - before
    assert new == {task_id for *_, task_id in runs}
    run(["earlyhelp", "db_worker", "--batch"], stack.env["a"], stack.dirs["a"])
    statuses = job_rows(
        stack.database_url,
        "SELECT task_path, status, exception_class_path FROM django_tasks_database_dbtaskresult "
        "WHERE id::text = ANY(%s)",
        (sorted(new),),
    )
    assert all(status == "SUCCESSFUL" for _, status, _ in statuses), statuses


def test_metrics_are_for_the_token_holder_only(stack: Stack) -> None:
    assert requests.get(f"{stack.b}/metrics", timeout=30).status_code == 401
    answer = requests.get(
        f"{stack.b}/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"}, timeout=30
    )
    assert answer.status_code == 200 and "earlyhelp_tasks_waiting" in answer.text


def test_log_lines_are_json_with_the_request_id(stack: Stack) -> None:
    request_id = "two-instances-" + secrets.token_hex(4)
    answer = requests.get(f"{stack.a}/", headers={"X-Request-ID": request_id}, timeout=30)
    assert answer.headers["X-Request-ID"] == request_id
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        log = (stack.dirs["a"] / "server.log").read_text(errors="replace")
        lines = [line for line in log.splitlines() if request_id in line]
        if lines:
            break
        time.sleep(0.2)
    entry = json.loads(lines[0])
    assert entry["request_id"] == request_id and entry["message"] == "GET / 200"
    assert entry["logger"] == "earlyhelp.request" and entry["status"] == 200


def test_command_line_exports_and_kept_documents_go_to_the_shared_bucket(stack: Stack) -> None:
    run(
        ["earlyhelp", "subject-access-export", "--pupil", str(stack.pupil_id), "--store"],
        stack.env["a"],
        stack.dirs["a"],
    )
    document = stack.dirs["b"] / "offer.txt"
    document.write_text("# Northfield Primary – Early Help Offer\n\nThe DSL is: Mrs Ada Fenn\n")
    run(["earlyhelp", "import-offer", str(document), "--store"], stack.env["b"], stack.dirs["b"])

    def stored(prefix: str) -> list[str]:
        found = stack.s3.list_objects_v2(Bucket=BUCKET, Prefix=prefix).get("Contents", [])
        return sorted(item["Key"] for item in found)

    exports = stored("subject-access/")
    assert [Path(key).suffix for key in exports] == [".json", ".pdf"]
    assert stored("offer-imports/") == ["offer-imports/not-saved/offer.txt"]
    kept = stack.s3.get_object(Bucket=BUCKET, Key="offer-imports/not-saved/offer.txt")
    assert kept["Body"].read() == document.read_bytes()
    assert not list((stack.dirs["a"] / "media").glob("**/subject-access*"))
