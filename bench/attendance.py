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
- a one-day incremental import: a register file for every school for the day after the
  year (two marks a pupil), read, checked and imported through the same functions as
  `earlyhelp import-attendance`; then the update of that day, the same files with one mark
  in fifty amended (as reasons come in), and one school's report after it; the day is
  deleted again afterwards;
- a naive ORM computation (a loop over DayMarks objects, counting codes in Python) for a
  1 % sample of the pupils, its figures checked against the county report's, and the ratio of its
  time scaled to the county to the engine's time for the county.
"""

import argparse
import os
import random
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
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
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("Stopped."))
    with _county(args) as label:
        _setup_django()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        print(f"\nAttendance, {label}; load average {_load()}", flush=True)
        print(_size(), flush=True)
        engine_seconds, county = _full_report()
        _one_day()
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


def _import(files: list[tuple[Any, bytes]]) -> tuple[float, float, int, int]:
    from earlyhelp.attendance.actions import import_marks
    from earlyhelp.attendance.register import read_register
    from earlyhelp.lib.csvfile import read_csv
    from earlyhelp.pupils.models import Pupil

    added = amended = 0
    started, cpu = time.perf_counter(), _cpu()
    for school, data in files:
        roll = set(Pupil.objects.filter(school=school).values_list("upn", flat=True))
        marks = read_register(read_csv(data, max_bytes=len(data) + 1), roll=roll)
        result = import_marks(school=school, marks=marks, by=None)
        added, amended = added + result.added, amended + result.amended
    return time.perf_counter() - started, _cpu() - cpu, added, amended


def _one_day() -> None:
    from earlyhelp.attendance.engine import measure_school
    from earlyhelp.attendance.models import DayMarks, MarkAmendment

    _clear_day(DayMarks, MarkAmendment)
    first = _day_files(random.Random(2), amend=False)
    print(f"\nOne-day incremental import ({NEXT_DAY}, {len(first)} files, one per school):")
    seconds, cpu, added, _ = _import(first)
    print(f"  {added:,} marks added in {seconds:.1f} s (CPU time {cpu:.1f} s)", flush=True)
    second = _day_files(random.Random(2), amend=True)
    seconds, cpu, _, amended = _import(second)
    print(
        f"  update: the same day again with reasons in, {amended:,} marks amended "
        f"in {seconds:.1f} s (CPU time {cpu:.1f} s)"
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
