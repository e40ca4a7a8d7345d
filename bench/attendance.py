"""Attendance at county scale: the full report, a day's import, and a naive ORM comparison.

    EARLYHELP_ENV=test .venv/bin/python -m bench.attendance [--pupils 100000 --schools 250]
    EARLYHELP_ENV=test .venv/bin/python -m bench.attendance --reuse NAME

PostgreSQL only (`scripts/pg-test-server start`; PGTEST_PORT picks the server). Without
--reuse it makes a throwaway database and fills it with `earlyhelp synth-attendance` in a
child process (about half an hour at 100,000 pupils on a busy 2-core machine), then drops
it unless --keep. --reuse measures a database kept before (or filled by hand with
synth-attendance), leaving it as it was.

It prints, in one run:
- the full county report: every school's measures from 1 September to 22 July (the
  bulk export, DuckDB, and the contract's JSON for every school), its time, and the peak
  memory of this process (ru_maxrss; the report is its first heavy step);
- a one-day incremental import and update: a register file for every school for the day
  after the year (two marks a pupil), read, checked and imported through the same functions
  as the import page, by --importers processes at once (default 2, as two app server
  workers would take the schools' uploads), while the real background worker
  (`earlyhelp db_worker`) raises the alerts of the pupils the imports queued; timed from the
  first file to the last queued pupil measured. Then the update of that day, the same files
  with one mark in fifty amended (as reasons come in), the same way, and one school's report
  after it; the day is deleted again afterwards;
- a naive ORM computation (a loop over DayMarks objects, counting codes in Python) for a
  1 % sample of the pupils, its figures checked against the county report's, and the ratio of its
  time scaled to the county to the engine's time for the county.
"""

import argparse
import multiprocessing
import os
import random
import resource
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from bench.search import ROOT, _database, _load, _setup_django

START, END = date(2025, 9, 1), date(2026, 7, 22)
NEXT_DAY = date(2026, 7, 23)
AMEND_ONE_IN = 50
SAMPLE_ONE_IN = 100


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pupils", type=int, default=100_000)
    parser.add_argument("--schools", type=int, default=250)
    parser.add_argument("--keep", action="store_true", help="do not drop the database")
    parser.add_argument("--reuse", metavar="NAME", help="measure a kept database, no build")
    parser.add_argument(
        "--importers", type=int, default=2, help="processes importing the day's files at once"
    )
    args = parser.parse_args()
    # Production's batching of the alerts pass (the test settings run it at once).
    os.environ.setdefault("ATTENDANCE_ALERT_BATCH_SECONDS", "2")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("Stopped."))
    with _county(args) as label:
        _setup_django()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        print(f"\nAttendance, {label}; load average {_load()}", flush=True)
        print(_size(), flush=True)
        engine_seconds, county = _full_report()
        _one_day(args.importers)
        _naive(engine_seconds, county)
        print(f"\nload average {_load()}")


@contextmanager
def _county(args: argparse.Namespace) -> Iterator[str]:
    if args.reuse:
        base = _server()
        os.environ["DATABASE_URL"] = f"{base}/{args.reuse}"
        yield f"PostgreSQL, kept database {args.reuse} on the test server"
        return
    if args.keep:
        name = f"earlyhelp_attendance_{os.getpid()}"
        _create(name)
        _synth(args)
        yield f"PostgreSQL, database {name} on the test server (kept)"
        return
    with _database(postgres=True) as label:
        _synth(args)
        yield label


def _server() -> str:
    out = subprocess.run(
        [str(ROOT / "scripts" / "pg-test-server"), "start"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    return out.rsplit("/", 1)[0]


def _create(name: str) -> None:
    import psycopg

    base = _server()
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = f"{base}/{name}"


def _synth(args: argparse.Namespace) -> None:
    earlyhelp = [sys.executable, "-m", "earlyhelp"]
    env = {**os.environ, "EARLYHELP_ENV": "test"}
    subprocess.run([*earlyhelp, "migrate", "-v0"], check=True, env=env)
    started = time.perf_counter()
    subprocess.run(
        [
            *earlyhelp,
            "synth-attendance",
            "--pupils",
            str(args.pupils),
            "--schools",
            str(args.schools),
        ],
        check=True,
        env=env,
    )
    print(f"Built in {time.perf_counter() - started:.0f} s", flush=True)


def _size() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*), count(DISTINCT pupil_id) FROM attendance_daymarks")
        rows, pupils = cursor.fetchone() or (0, 0)
        cursor.execute("SELECT pg_size_pretty(pg_total_relation_size('attendance_daymarks'))")
        (size,) = cursor.fetchone() or ("?",)
    return f"{rows:,} pupil-day rows ({2 * rows:,} marks) for {pupils:,} pupils; table {size}"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu() -> float:
    """CPU seconds this process has used (threads included; not PostgreSQL's)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _full_report() -> tuple[float, dict[str, Any]]:
    from earlyhelp.attendance.engine import compute, exported
    from earlyhelp.attendance.report import as_json
    from earlyhelp.schools.models import School

    before, cpu = _peak_mb(), _cpu()
    started = time.perf_counter()
    with exported(START, END) as (days, pupils):
        read = time.perf_counter() - started
        measures = compute(days, pupils, start=START, end=END)
    slugs = dict(School.objects.values_list("pk", "slug"))
    reports = [
        as_json(slug=slugs[pk], start=START, end=END, measures=m) for pk, m in measures.items()
    ]
    seconds = time.perf_counter() - started
    pupils_n = sum(len(r["pupils"]) for r in reports)
    print(f"\nFull county report, {START} to {END}: {len(reports)} schools, {pupils_n:,} pupils")
    print(f"  {seconds:.1f} s (bulk export {read:.1f} s, DuckDB and JSON {seconds - read:.1f} s)")
    print(f"  CPU time of this process {_cpu() - cpu:.1f} s (on a shared machine: see the load)")
    print(f"  peak memory {_peak_mb():,.0f} MB (before the report {before:,.0f} MB)")
    print(
        f"  persistent {sum(p['persistent'] for r in reports for p in r['pupils']):,}, "
        f"severe {sum(p['severe'] for r in reports for p in r['pupils']):,}, "
        f"missing education runs {sum(len(r['missing_education']) for r in reports):,}, "
        f"penalty threshold {sum(len(r['penalty_threshold']) for r in reports):,}",
        flush=True,
    )
    return seconds, {p.upn: p for m in measures.values() for p in m.pupils}


def _day_files(rng: random.Random, *, amend: bool) -> list[tuple[Any, bytes]]:
    from earlyhelp.pupils.models import Pupil
    from earlyhelp.schools.models import School

    files = []
    roll: dict[int, list[str]] = {}
    for school_id, upn in Pupil.objects.order_by("school_id", "upn").values_list(
        "school_id", "upn"
    ):
        roll.setdefault(school_id, []).append(upn)
    for school in School.objects.filter(pk__in=roll):
        lines = ["upn,date,session,code"]
        for upn in roll[school.pk]:
            am = "N" if rng.random() < 0.05 else "/"
            if amend and am == "N" and rng.random() < 0.4:
                am = "I"
            lines += [f"{upn},{NEXT_DAY},AM,{am}", f"{upn},{NEXT_DAY},PM,\\"]
        files.append((school, ("\n".join(lines) + "\n").encode()))
    return files


@dataclass
class Imported:
    seconds: float  # wall time from the first file's import to the queue measured
    imports: float  # wall time of the imports alone
    per_file: list[float]
    added: int = 0
    amended: int = 0

    def median_ms(self) -> float:
        return 1000 * statistics.median(self.per_file)

    def slowest_ms(self) -> float:
        return 1000 * max(self.per_file)


_DEFAULT_TERM = (signal.SIGTERM, signal.SIG_DFL)  # the pool stops its importers quietly
_FILES: list[tuple[Any, bytes]] = []  # the day's files, inherited by the forked importers


def _import_share(share: tuple[int, int]) -> tuple[list[float], int, int]:
    """One importer's files (every `step`-th from `first`), each as the import page takes
    it: the roll, the file read and checked, the marks written, the alerts queued."""
    from earlyhelp.attendance.actions import import_marks
    from earlyhelp.attendance.register import read_register
    from earlyhelp.lib.csvfile import read_csv
    from earlyhelp.pupils.models import Pupil

    first, step = share
    per_file, added, amended = [], 0, 0
    for school, data in _FILES[first::step]:
        began = time.perf_counter()
        roll = set(Pupil.objects.filter(school=school).order_by().values_list("upn", flat=True))
        marks = read_register(read_csv(data, max_bytes=len(data) + 1), roll=roll)
        result = import_marks(school=school, marks=marks, by=None)
        per_file.append(time.perf_counter() - began)
        added, amended = added + result.added, amended + result.amended
    return per_file, added, amended


def _import(files: list[tuple[Any, bytes]], importers: int) -> Imported:
    """The files imported by `importers` processes at once (as app server workers take
    the schools' uploads) while the worker runs; done when every queued pupil is measured."""
    from django.db import connections

    _FILES[:] = files
    connections.close_all()  # each forked importer opens its own
    started = time.perf_counter()
    context = multiprocessing.get_context("fork")
    with context.Pool(importers, initializer=signal.signal, initargs=_DEFAULT_TERM) as pool:
        shares = pool.map(_import_share, [(n, importers) for n in range(importers)])
    imports = time.perf_counter() - started
    _wait_for_the_worker()
    done = Imported(time.perf_counter() - started, imports, [])
    for per_file, added, amended in shares:
        done.per_file += per_file
        done.added, done.amended = done.added + added, done.amended + amended
    return done


def _wait_for_the_worker() -> None:
    from django.db.models import Q
    from django.tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from earlyhelp.attendance.models import AlertCheck
    from earlyhelp.attendance.tasks import check_alerts_task

    busy = Q(status=TaskResultStatus.READY) | Q(status=TaskResultStatus.RUNNING)
    checks = DBTaskResult.objects.filter(busy, task_path=check_alerts_task.module_path)
    while AlertCheck.objects.exists() or checks.exists():
        time.sleep(0.02)


@contextmanager
def _worker() -> Iterator[None]:
    """The background worker, `earlyhelp db_worker`, as production runs it (polling 0.1 s)."""
    command = [sys.executable, "-m", "earlyhelp", "db_worker", "--queue-name", "default"]
    command += ["--interval", "0.1", "--no-startup-delay"]
    env = {**os.environ, "LOG_LEVEL": "WARNING"}
    worker = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    try:
        time.sleep(5)  # Django set up and polling before the clock starts
        yield
    finally:
        worker.terminate()
        worker.wait(timeout=60)


def _one_day(importers: int) -> None:
    from earlyhelp.attendance.engine import measure_school
    from earlyhelp.attendance.models import AlertCheck, AttendanceAlert, DayMarks, MarkAmendment

    _clear_day(DayMarks, MarkAmendment)
    first = _day_files(random.Random(2), amend=False)
    print(
        f"\nOne-day incremental import ({NEXT_DAY}, {len(first)} files, one per school, "
        f"imported by {importers} process{'es at once' if importers > 1 else ''} "
        "while the background worker runs):"
    )
    alerts = AttendanceAlert.objects.count()
    with _worker():
        _report_day("the day's marks", _import(first, importers), "added")
        second = _day_files(random.Random(2), amend=True)
        _report_day(
            "update: the same day again with reasons in", _import(second, importers), "amended"
        )
    print(
        f"  new alerts raised by the worker: {AttendanceAlert.objects.count() - alerts:,}; "
        f"pupils left to measure: {AlertCheck.objects.count()}"
    )
    school_id = first[0][0].pk
    started = time.perf_counter()
    measures = measure_school(school_id, START, NEXT_DAY)
    print(
        f"  one school's report after it ({len(measures.pupils):,} pupils, "
        f"{len(measures.first_day_calls)} first-day calls): {time.perf_counter() - started:.1f} s",
        flush=True,
    )
    _clear_day(DayMarks, MarkAmendment)


def _report_day(what: str, done: Imported, counted: str) -> None:
    marks = done.added if counted == "added" else done.amended
    print(
        f"  {what}: {marks:,} marks {counted}; import and update {done.seconds:.1f} s "
        f"(files all imported after {done.imports:.1f} s, every queued pupil measured "
        f"{done.seconds - done.imports:.1f} s later); a school's file: median "
        f"{done.median_ms():.0f} ms, slowest {done.slowest_ms():.0f} ms",
        flush=True,
    )


def _clear_day(*models: Any) -> None:
    for model in models:
        model.objects.filter(date=NEXT_DAY).delete()


def _naive(engine_seconds: float, county: dict[str, Any]) -> None:
    """Loop over ORM objects for 1 % of the pupils, as code without an engine would."""
    from earlyhelp.attendance.codes import ATTENDED_CODES, AUTHORISED_CODES, UNAUTHORISED_CODES
    from earlyhelp.attendance.engine import PupilMeasures
    from earlyhelp.attendance.models import DayMarks
    from earlyhelp.pupils.models import Pupil

    sample = list(Pupil.objects.order_by("pk")[::SAMPLE_ONE_IN])
    started = time.perf_counter()
    naive: dict[str, PupilMeasures] = {}
    for pupil in sample:
        counts = {"attended": 0, "authorised": 0, "unauthorised": 0}
        for row in DayMarks.objects.filter(pupil=pupil, date__gte=START, date__lte=END):
            for code in (row.am, row.pm):
                if code in ATTENDED_CODES:
                    counts["attended"] += 1
                elif code in AUTHORISED_CODES:
                    counts["authorised"] += 1
                elif code in UNAUTHORISED_CODES:
                    counts["unauthorised"] += 1
        naive[pupil.upn] = PupilMeasures(pupil.upn, sum(counts.values()), **counts)
    seconds = time.perf_counter() - started
    agree = all(
        county.get(upn) == figures or not figures.possible for upn, figures in naive.items()
    )
    scaled = seconds * SAMPLE_ONE_IN
    print(f"\nNaive ORM computation, 1 % sample ({len(sample):,} pupils, per-pupil counts only):")
    print(f"  {seconds:.1f} s; scaled to the county {scaled:,.0f} s")
    print(f"  the engine's full county report is {scaled / engine_seconds:,.0f} times faster")
    print(f"  figures agree with the engine for every sampled pupil: {agree}", flush=True)


if __name__ == "__main__":
    main()
