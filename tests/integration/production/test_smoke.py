"""The documented production install, end to end: production settings, a fresh database
migrated, `collectstatic` into a temporary STATIC_ROOT (whitenoise's manifest storage),
gunicorn on loopback, and the public and staff pages answering 200 with their CSS served.

It runs on SQLite, and on PostgreSQL (a new database on the same server) when the run has
DATABASE_URL. Everything runs in child processes with an environment built here, so the
settings are read exactly as a production host would read them.
"""

import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.core.management.utils import get_random_secret_key

from earlyhelp.lib.encryption_keys import new_key

REPO = Path(__file__).resolve().parents[3]
HOST = "127.0.0.1"
STEP_TIMEOUT = 120
GUNICORN_ARGS = ["earlyhelp.wsgi:application", "--workers", "1", "--timeout", "60"]

# Builds the test universe (a published Offer for Northfield Primary and three services)
# through the actions, and prints what the smoke test asks for.
LOAD_DATA = (
    "from tests.universe import build_universe; u = build_universe(); "
    "print(u.northfield.slug, u.young_carers.pk)"
)


@dataclass
class Site:
    base: str
    school_slug: str
    service_id: int
    env: dict[str, str]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def new_postgres_database(url: str) -> tuple[str, str]:
    """A new, empty database on the suite's PostgreSQL server: (its URL, its name)."""
    import psycopg

    name = f"earlyhelp_smoke_{secrets.token_hex(4)}"
    parts = urlsplit(url)
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}")), name


def drop_postgres_database(url: str, name: str) -> None:
    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def production_env(tmp: Path, database_url: str) -> dict[str, str]:
    """Only what a production host sets: no test settings leak in from this process."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp),
        "LANG": "C.UTF-8",
        "EARLYHELP_ENV": "production",
        "SECRET_KEY": get_random_secret_key() + get_random_secret_key(),
        "FIELD_ENCRYPTION_KEYS": new_key(),
        "AUDIT_CHAIN_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(tmp / "static"),
        "MEDIA_ROOT": str(tmp / "media"),
        "PYTHONPATH": str(REPO),
    }


def run(args: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-m", *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=STEP_TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def wait_until_listening(port: int, server: subprocess.Popen[bytes], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, "gunicorn stopped before it answered"
        try:
            with socket.create_connection((HOST, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"gunicorn did not listen on port {port} within {seconds} s")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    tmp = tmp_path_factory.mktemp("production")
    suite_database = os.environ.get("DATABASE_URL", "")
    if suite_database.startswith("postgres"):
        database_url, pg_name = new_postgres_database(suite_database)
    else:
        database_url, pg_name = f"sqlite:///{tmp / 'earlyhelp.sqlite3'}", ""
    env = production_env(tmp, database_url)
    server = None
    try:
        run(["earlyhelp", "migrate", "--noinput"], env)
        slug, service_id = run(["earlyhelp", "shell", "-c", LOAD_DATA], env).split()[-2:]
        run(["earlyhelp", "collectstatic", "--noinput"], env)
        port = free_port()
        bind = f"{HOST}:{port}"
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", *GUNICORN_ARGS, "--bind", bind],
            env=env,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until_listening(port, server, 30)
        # Listening is not ready: the worker imports the project on its first request, which
        # on a busy machine takes longer than the 30 s a page is given below.
        urllib.request.urlopen(f"http://{bind}/", timeout=STEP_TIMEOUT).close()
        yield Site(f"http://{HOST}:{port}", slug, int(service_id), env)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        if pg_name:
            drop_postgres_database(suite_database, pg_name)


def get(url: str, **headers: str) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https", **headers})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def stylesheets(html: str) -> list[str]:
    return re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html) + re.findall(
        r'<link[^>]+href="([^"]+\.css)"[^>]*rel="stylesheet"', html
    )


def assert_page_with_css(site: Site, path: str) -> None:
    status, content_type, body = get(site.base + path)
    assert status == 200, f"{path} answered {status}"
    assert content_type.startswith("text/html")
    sheets = stylesheets(body.decode())
    assert sheets, f"{path} links no stylesheet"
    for sheet in sheets:
        assert re.search(r"\.[0-9a-f]{12}\.css$", sheet), f"{sheet} is not a hashed static name"
        css_status, css_type, css = get(site.base + sheet)
        assert (css_status, css_type.split(";")[0]) == (200, "text/css"), sheet
        assert b".govuk-" in css


@pytest.mark.parametrize("path", ["/", "/directory/", "/directory/?q=carers", "/staff/sign-in/"])
def test_public_and_staff_pages_answer_200_with_their_css(site: Site, path: str) -> None:
    assert_page_with_css(site, path)


def test_a_schools_offer_and_a_service_page_answer_200(site: Site) -> None:
    assert_page_with_css(site, f"/schools/{site.school_slug}/")
    assert_page_with_css(site, f"/directory/{site.service_id}/")


def test_the_offer_pdf_is_made_by_the_worker_then_served(site: Site) -> None:
    url = f"{site.base}/schools/{site.school_slug}/offer.pdf"
    status, content_type, body = get(url)
    assert status == 503 and content_type.startswith("text/html")
    assert b"The PDF of this Offer is being prepared" in body

    run(["earlyhelp", "db_worker", "--batch"], site.env)

    status, content_type, body = get(url)
    assert (status, content_type) == (200, "application/pdf")
    assert body.startswith(b"%PDF")


def test_the_offer_page_answers_304_to_its_etag(site: Site) -> None:
    url = f"{site.base}/schools/{site.school_slug}/"
    with urllib.request.urlopen(urllib.request.Request(url), timeout=30) as response:
        etag = response.headers["ETag"]
    assert get(url, **{"If-None-Match": etag})[0] == 304


def test_the_javascript_is_served_from_the_manifest(site: Site) -> None:
    _, _, body = get(site.base + "/")
    scripts = re.findall(r'<script[^>]+src="([^"]+\.m?js)"', body.decode())
    assert scripts
    for script in scripts:
        assert get(site.base + script)[0] == 200, script
