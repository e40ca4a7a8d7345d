"""The set-up shared by the load benchmarks (bench/load.py, bench/_load_pages.py): a
throwaway database, something built in it, then gunicorn serving it on loopback, with a
memory-only redis-server as the shared cache when one is installed (as in production).

    with built_and_served(postgres=..., build=..., server=...) as served:
        ... served.built, served.server.base, served.server.cpu_seconds(), served.label

The database is dropped and gunicorn stopped afterwards, also on SIGTERM.
"""

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import requests

from bench.search import ROOT, _database, _setup_django

UP_WITHIN_SECONDS = 180  # a busy machine starts gunicorn's workers slowly


@dataclass(frozen=True)
class Served[Built]:
    built: Built  # what `build` returned
    server: "_Server"
    label: str  # the database, for the report
    log: IO[str]  # gunicorn's output


@contextmanager
def built_and_served[Built](
    *,
    postgres: bool,
    build: Callable[[], Built],
    built_message: Callable[[Built], str],
    server: argparse.Namespace,
) -> Iterator[Served[Built]]:
    """Build in a fresh database (printing `built_message` and the time it took), close
    this process's connections, and serve it with gunicorn (`server`: workers, threads,
    think) until the block ends."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("Stopped."))  # so the database is dropped
    with _database(postgres=postgres) as database, _redis() as redis_url:
        if redis_url:  # before Django reads its settings; gunicorn inherits it
            os.environ["REDIS_URL"] = redis_url
        label = f"{database}; {'Redis' if redis_url else 'per-process'} cache"
        _setup_django()
        started = time.perf_counter()
        built = build()
        print(f"{built_message(built)} in {time.perf_counter() - started:.0f} s.", flush=True)
        from django.db import connections

        connections.close_all()
        with tempfile.TemporaryFile("w+") as log, _Server(server, log) as running:
            yield Served(built, running, label, log)


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:  # a worker that has just exited
        return "x) " + "0 " * 20


@contextmanager
def _redis() -> Iterator[str]:
    """A memory-only redis-server on a free loopback port, the shared cache of production
    (Offer keys, rate limits): without one each gunicorn worker of the test settings keeps
    its own. Yields its URL, or "" when redis-server is not installed."""
    program = shutil.which("redis-server")
    if program is None:
        print("redis-server is not installed (scripts/system-deps test): no shared cache.")
        yield ""
        return
    port = _free_port()
    with tempfile.TemporaryDirectory(prefix="earlyhelp-bench-redis-") as folder:
        command = [program, "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
        command += ["--appendonly", "no", "--dir", folder]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            _wait_for_port(port)
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            process.terminate()
            process.wait(timeout=30)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def _wait_for_port(port: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    sys.exit(f"redis-server did not listen on port {port} within 30 s.")


def worker_class(threads: int) -> str:
    """gunicorn's sync worker for one thread (production's set-up, docs/deployment.md: a
    request per process at a time, the proxy buffering slow clients), gthread for more."""
    return "sync" if threads == 1 else "gthread"


def described(args: argparse.Namespace) -> str:
    """The gunicorn set-up in words, for the benchmarks' reports."""
    if args.threads == 1:
        return f"gunicorn {args.workers} sync workers"
    return f"gunicorn {args.workers} workers x {args.threads} threads (gthread)"


class _Server:
    """gunicorn on a free loopback port, with this process's database and environment."""

    def __init__(self, args: argparse.Namespace, log: IO[str]) -> None:
        self.args = args
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> "_Server":
        port = _free_port()
        env = {
            **os.environ,
            "DEBUG": "false",
            "PUBLIC_SEARCH_RATE_LIMIT": "0",
            "LOG_LEVEL": "WARNING",
        }
        command = [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "earlyhelp.wsgi",
            f"--bind=127.0.0.1:{port}",
            f"--workers={self.args.workers}",
            f"--threads={self.args.threads}",
            f"--worker-class={worker_class(self.args.threads)}",
            "--timeout=60",
            # Longer than any think time: the client never reuses a connection at the
            # moment the server closes it (a browser would retry; this client counts it).
            f"--keep-alive={int(self.args.think[1]) + 10}",
            "--no-control-socket",
        ]
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=self.log, stderr=self.log
        )
        self.base = f"http://127.0.0.1:{port}"
        try:
            self._wait_until_up(self.base)
            self._warm_up(self.base)
        except BaseException:
            self.__exit__()
            raise
        return self

    def _wait_until_up(self, base: str) -> None:
        started = time.monotonic()
        answered = "nothing"
        while time.monotonic() < started + UP_WITHIN_SECONDS:
            assert self.process is not None
            if self.process.poll() is not None:
                self.log.seek(0)
                sys.exit(f"gunicorn stopped:\n{self.log.read()[-3000:]}")
            try:
                status = requests.get(base + "/", timeout=10).status_code
            except requests.RequestException as error:
                answered = type(error).__name__
            else:
                if status == 200:
                    return
                answered = f"status {status}"
            time.sleep(0.2)
        self.log.seek(0)
        sys.exit(
            f"gunicorn did not answer the home page within {UP_WITHIN_SECONDS} s (last: "
            f"{answered}); its log:\n{self.log.read()[-3000:]}"
        )

    def cpu_seconds(self) -> float:
        """CPU time used so far by gunicorn and its workers (Linux: read from /proc)."""
        assert self.process is not None
        master = self.process.pid
        pids = [master, *map(int, _read(f"/proc/{master}/task/{master}/children").split())]
        ticks = 0
        for pid in pids:
            fields = _read(f"/proc/{pid}/stat").rsplit(")", 1)[-1].split()
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
        return ticks / os.sysconf("SC_CLK_TCK")

    def _warm_up(self, base: str) -> None:
        """A few public pages per worker first, as a server that has been up a while: each
        worker imports views and compiles templates on first use."""
        pages = ["/", "/directory/?q=anxiety", "/schools/", "/staff/sign-in/"]
        for _ in range(3 * self.args.workers):
            for page in pages:
                requests.get(base + page, timeout=30)

    def __exit__(self, *_: object) -> None:
        if self.process is not None:
            self.process.terminate()  # gunicorn stops its workers gracefully on SIGTERM
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
