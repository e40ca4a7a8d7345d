"""Directory search at county scale: ranked full-text search beside a plain `icontains` scan.

    EARLYHELP_ENV=test .venv/bin/python -m bench.search [--services 100000] [--postgres] [--reuse]

Builds a synthetic directory (`earlyhelp synth`) in a throwaway database: a SQLite file in a
temporary folder, or with --postgres a fresh database on the test server
(`scripts/pg-test-server start`), dropped afterwards. With --reuse the directory is kept
instead (SQLite: a file under var/; PostgreSQL: a database named for the size) and the next
run with --reuse starts from it rather than building it again (about five minutes). Then
runs the searches of
`bench/_search_queries.py` ROUNDS times each after a warm-up round, and prints p50 and p95
of `search_services` (the count and the page of ids, as the search page asks for them)
beside the same words searched with `icontains` over name and description (first page by
name, and the count), in the same run, and the speed-up. Figures go in docs/benchmarks.md.
"""

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench import _search_queries as queries

ROUNDS = 20
SCAN_ROUNDS = 3  # the scan is slow and steady: fewer rounds tell the same story
ROOT = Path(__file__).resolve().parent.parent
# The searches with words, compared with the plain substring scan of the same words.
WITH_WORDS = ("words only", "sentences", "words and filters")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--schools", type=int, default=500)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--each", action="store_true", help="also print each search's p50")
    parser.add_argument("--reuse", action="store_true", help="keep the directory for next time")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("Stopped."))  # so the database is dropped
    reuse = f"earlyhelp_bench_{args.services}" if args.reuse else None
    with _database(postgres=args.postgres, reuse=reuse) as label:
        _setup_django()
        started = time.perf_counter()
        _build(args.services, args.schools, reuse=args.reuse)
        built = time.perf_counter() - started
        _report(label, args.services, built, each=args.each)


@contextmanager
def _database(*, postgres: bool, reuse: str | None = None) -> Iterator[str]:
    """A throwaway database, or with `reuse` one of that name kept between runs."""
    if reuse is not None:
        yield _kept_database(postgres=postgres, name=reuse)
        return
    if not postgres:
        with tempfile.TemporaryDirectory(prefix="earlyhelp-bench-") as folder:
            os.environ["DATABASE_URL"] = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
            import sqlite3

            yield f"SQLite {sqlite3.sqlite_version}, a file in a temporary folder"
        return
    import psycopg

    server = subprocess.run(
        [str(ROOT / "scripts" / "pg-test-server"), "start"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    base, name = server.rsplit("/", 1)[0], f"earlyhelp_bench_{os.getpid()}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        version = admin.execute("SHOW server_version").fetchone()
    os.environ["DATABASE_URL"] = f"{base}/{name}"
    try:
        yield f"PostgreSQL {version[0] if version else '?'}, a fresh database on the test server"
    finally:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


def _kept_database(*, postgres: bool, name: str) -> str:
    if not postgres:
        path = ROOT / "var" / f"{name}.sqlite3"
        path.parent.mkdir(exist_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}, the file {path.relative_to(ROOT)} (kept)"
    import psycopg

    base = _pg_server().rsplit("/", 1)[0]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        found = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if found is None:
            admin.execute(f'CREATE DATABASE "{name}"')
        version = admin.execute("SHOW server_version").fetchone()
    os.environ["DATABASE_URL"] = f"{base}/{name}"
    return f"PostgreSQL {version[0] if version else '?'}, the database {name} (kept)"


def _pg_server() -> str:
    return subprocess.run(
        [str(ROOT / "scripts" / "pg-test-server"), "start"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def _setup_django() -> None:
    os.environ.setdefault("EARLYHELP_ENV", "test")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "earlyhelp.settings")
    import django

    django.setup()


def _build(services: int, schools: int, *, reuse: bool = False) -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if reuse and _built(services):
        print(f"Reusing the {services:,} services built by an earlier run.", flush=True)
        return
    print(f"Building {services:,} synthetic services and {schools} schools…", flush=True)
    call_command("synth", services=services, schools=schools, seed=1, stdout=_Quiet())


def _built(services: int) -> bool:
    from earlyhelp.directory.models import Service

    return Service.objects.count() >= services


class _Quiet:
    def write(self, text: str) -> None:
        if "Done" in text or "Made" in text:
            print(text.strip(), flush=True)

    def flush(self) -> None:
        pass


def _searches() -> dict[str, list[Any]]:
    from earlyhelp.directory.search import SearchParams

    at, logged = queries.MOMENT, False  # the bench's searches are not logged
    searches = {
        "words only": [SearchParams(q=q, at=at, log_no_result=logged) for q in queries.WORDS],
        "sentences": [SearchParams(q=q, at=at, log_no_result=logged) for q in queries.SENTENCES],
        "words and filters": [
            SearchParams(q=q, at=at, log_no_result=logged, **filters)
            for q, filters in queries.WORDS_AND_FILTERS
        ],
        "filters only": [
            SearchParams(at=at, log_no_result=logged, **filters) for filters in queries.FILTERS
        ],
    }
    for moment, when in queries.MOMENTS.items():
        searches[f"open now, {moment}"] = [
            SearchParams(q=q, at=when, open_now=True, log_no_result=logged)
            for q in ["", *queries.OPEN_NOW_WORDS]
        ]
    return searches


def _ranked(params: Any) -> Callable[[], object]:
    from earlyhelp.directory.search import search_services

    return lambda: search_services(params)


def _scan(q: str) -> Callable[[], object]:
    """The same words the plain way: every word in the name or the description."""
    from django.db.models import Q

    from earlyhelp.directory.models import Service
    from earlyhelp.directory.search.understand.text import is_content, query_tokens

    services = Service.objects.filter(status="active")
    for word in [w for w in query_tokens(q) if is_content(w)]:
        services = services.filter(Q(name__icontains=word) | Q(description__icontains=word))

    def run() -> object:
        return list(services.order_by("name").values_list("id", flat=True)[:20]), services.count()

    return run


CPU: dict[int, list[float]] = {}  # id(samples) -> the same calls' CPU milliseconds


def _time(runs: list[Callable[[], object]], rounds: int = ROUNDS) -> list[list[float]]:
    """Milliseconds of each call, per search, over `rounds` rounds after a warm-up round.

    The CPU time of the same calls is kept too (this process's and, on PostgreSQL, its server
    process's): it does not grow when other work shares the machine, as wall time does.
    """
    for run in runs:
        run()
    samples: list[list[float]] = [[] for _ in runs]
    cpu: list[float] = []
    for _ in range(rounds):
        for run, times in zip(runs, samples, strict=True):
            started, cpu_started = time.perf_counter(), _cpu()
            run()
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((_cpu() - cpu_started) * 1000)
    CPU[id(samples)] = cpu
    return samples


def _cpu() -> float:
    """Seconds of CPU used so far by this process and, on PostgreSQL, by its server process
    (the test server runs on this machine: /proc/PID/schedstat counts in nanoseconds)."""
    return time.process_time() + _server_cpu()


def _server_cpu() -> float:
    from django.db import connection

    if connection.vendor != "postgresql":
        return 0.0
    if connection.connection is None:
        connection.ensure_connection()
    pid = connection.connection.info.backend_pid
    try:
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9
    except (OSError, ValueError, IndexError):
        return 0.0


def _percentiles(samples: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return statistics.median(samples), cuts[94]


def _line(
    label: str, samples: list[list[float]], cpu: list[float] | None = None
) -> tuple[float, float]:
    p50, p95 = _percentiles([ms for times in samples for ms in times])
    line = f"  {label:<31} p50 {p50:7.2f} ms  p95 {p95:7.2f} ms  ({len(samples)}x{len(samples[0])})"
    if cpu is not None:
        cpu50, cpu95 = _percentiles(cpu)
        line += f"  CPU p50 {cpu50:6.2f}  p95 {cpu95:6.2f}"
    print(line)
    return p50, p95


def _sqlite() -> bool:
    from django.db import connection

    return connection.vendor == "sqlite"


def _report(label: str, services: int, built: float, *, each: bool) -> None:
    searches = _searches()
    worded = [
        p for name in ("words only", "sentences", "words and filters") for p in searches[name]
    ]
    print(f"\nSearch, {services:,} services, {label}; built in {built:.0f} s")
    print(f"Each search run after a warm-up round; load average {_load()}")
    timed = {name: _time([_ranked(p) for p in group]) for name, group in searches.items()}
    cpu = {name: CPU[id(samples)] for name, samples in timed.items()}
    for name, samples in timed.items():
        _line(f"ranked, {name}", samples, cpu[name])
    every = [t for samples in timed.values() for t in samples]
    ranked = _line("ranked, all", every, [ms for times in cpu.values() for ms in times])
    worded_cpu = [ms for name in WITH_WORDS for ms in cpu[name]]
    words = _line(
        "ranked, all with words", [t for name in WITH_WORDS for t in timed[name]], worded_cpu
    )
    scanned = _time([_scan(p.q) for p in worded], rounds=SCAN_ROUNDS)
    scan = _line("icontains scan, the same words", scanned, CPU[id(scanned)])
    print(
        f"  speed-up on the same words: {scan[0] / words[0]:.0f}x at p50,"
        f" {scan[1] / words[1]:.0f}x at p95; every search p95 {ranked[1]:.1f} ms"
    )
    # CPU time: this process's, and on PostgreSQL its server process's too
    scan_cpu, words_cpu = _percentiles(CPU[id(scanned)]), _percentiles(worded_cpu)
    print(
        f"  in CPU time: {scan_cpu[0] / words_cpu[0]:.0f}x at p50,"
        f" {scan_cpu[1] / words_cpu[1]:.0f}x at p95"
    )
    if each:
        _each(searches, timed, scanned)
    print(f"Load average at the end {_load()}")


def _each(
    searches: dict[str, list[Any]],
    timed: dict[str, list[list[float]]],
    scanned: list[list[float]],
) -> None:
    scans = iter(scanned)
    print("  p50 of each search (ranked | scan):")
    for name, group in searches.items():
        for params, times in zip(group, timed[name], strict=True):
            scan = f"{statistics.median(next(scans)):8.1f} ms" if name in WITH_WORDS else ""
            print(f"    {_describe(params):<58} {statistics.median(times):7.1f} ms {scan}")


def _describe(params: Any) -> str:
    shown = [f"q={params.q!r}"] if params.q else []
    for name in ("topics", "level", "age", "year", "delivery"):
        value = getattr(params, name)
        if value not in (None, ()):
            shown.append(f"{name}={','.join(value) if isinstance(value, tuple) else value}")
    shown += [name for name in ("free_only", "self_referral", "open_now") if getattr(params, name)]
    if params.open_now and params.at is not None:
        shown.append(params.at.strftime("%a %H:%M"))
    return " ".join(shown)


def _load() -> str:
    try:
        return " ".join(f"{n:.1f}" for n in os.getloadavg())
    except OSError:
        return "?"


if __name__ == "__main__":
    main()
