"""The measures, computed in process by DuckDB over a bulk read of the register.

`export_marks` streams the stored day rows (and the pupils' UPNs) out of the database in
one pass each: `COPY ... TO STDOUT` on PostgreSQL, one cursor elsewhere; no ORM objects.
`compute` loads those two CSV files into an in-memory DuckDB and answers every school's
measures with a handful of SQL statements (docs/adr/0011-attendance-engine.md). DuckDB's
own PostgreSQL scanner is an extension it downloads at run time, which is not allowed here,
so the read is ours. The definitions are those of shared/attendance-contract.md; the tests
hold a deliberately naive second implementation that this one must agree with.
"""

import csv
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import duckdb
from django.db import connection, transaction

from earlyhelp.attendance.codes import (
    ATTENDED_CODES,
    AUTHORISED_CODES,
    FIRST_DAY_CALL_CODES,
    POSSIBLE_CODES,
    UNAUTHORISED_CODES,
)
from earlyhelp.attendance.models import DayMarks
from earlyhelp.pupils.models import Pupil

MISSING_EDUCATION_DAYS = 10
PENALTY_SESSIONS = 10
PENALTY_WEEKS = 10
MEMORY_LIMIT = "3GB"
EXPORT_PARTS = 2
_SQLITE_OFFSET = "CAST(julianday(date) - julianday(%s) AS INTEGER)"
EXPORT_WORK_MEM = "256MB"  # each export connection's memory to group a county's rows


def _packed_rows(where: str) -> str:
    """Each pupil's rows as one line: pupil id, then "day:am:pm" items (day = days after
    the period's start, a %s parameter) joined by spaces. PostgreSQL sends one COPY message
    a row, so a county's 19 million day rows would cost 19 million reads here; grouped
    they are one a pupil, and DuckDB unpacks them (`_load`)."""
    table = DayMarks._meta.db_table
    if connection.vendor == "postgresql":
        items = "string_agg((date - %s)::text || ':' || am || ':' || pm, ' ')"
    else:
        items = f"group_concat({_SQLITE_OFFSET} || ':' || am || ':' || pm, ' ')"
    return f"SELECT pupil_id, {items} FROM {table} WHERE {where} GROUP BY pupil_id"  # noqa: S608 # nosec B608 - the table is a constant


CSV_OPTIONS = "header=false, auto_detect=false, quote='\"', escape='\"', nullstr=''"


@dataclass(frozen=True)
class PupilMeasures:
    upn: str
    possible: int
    attended: int
    authorised: int
    unauthorised: int

    @property
    def absent(self) -> int:
        return self.authorised + self.unauthorised

    @property
    def attendance(self) -> float | None:
        """100 × attended / possible to one decimal place, half away from zero."""
        if not self.possible:
            return None
        tenths = (2000 * self.attended + self.possible) // (2 * self.possible)
        return tenths / 10

    @property
    def persistent(self) -> bool:
        return self.possible > 0 and 10 * self.absent >= self.possible

    @property
    def severe(self) -> bool:
        return self.possible > 0 and 2 * self.absent >= self.possible


@dataclass(frozen=True)
class MissingEducationRun:
    upn: str
    first_day: date
    last_day: date
    school_days: int


@dataclass(frozen=True)
class PenaltyThreshold:
    upn: str
    first_week: date
    unauthorised_sessions: int


# Given the weekdays (school id, days after the start) not shown to be school days by the
# rows read, and the period's start and end, a CSV file of those that are.
OtherSchoolDays = Callable[[list[tuple[int, int]], date, date], Path]


@dataclass
class SchoolMeasures:
    pupils: list[PupilMeasures] = field(default_factory=list)
    missing_education: list[MissingEducationRun] = field(default_factory=list)
    penalty_threshold: list[PenaltyThreshold] = field(default_factory=list)
    first_day_calls: list[str] = field(default_factory=list)
    last_school_day: date | None = None  # the latest school day in the period


def measure_school(
    school_id: int, start: date, end: date, *, pupil_ids: Collection[int] | None = None
) -> SchoolMeasures:
    """One school's measures over marks dated `start` to `end`, both included.

    With `pupil_ids`, only those pupils' measures (and runs, windows and calls), as
    `measure_pupils` gives them."""
    if pupil_ids is None:
        return measure(start, end, school_id=school_id).get(school_id, SchoolMeasures())
    return measure_pupils({school_id: pupil_ids}, start, end).get(school_id, SchoolMeasures())


def measure_pupils(
    pupils: Mapping[int, Collection[int]], start: date, end: date
) -> dict[int, SchoolMeasures]:
    """Some pupils of some schools (school id: pupil ids), keyed by school id.

    Only those pupils' rows are read, and each school's school days (which every pupil's
    runs and windows count) are completed from all its marks (`_other_school_days`), so
    the answers for them are those of their whole school. One pass for any number of
    schools: the attendance alerts after a county's day of imports cost one engine call."""
    wanted = {school: sorted(set(ids)) for school, ids in pupils.items() if ids}
    if not wanted:
        return {}
    with TemporaryDirectory(prefix="earlyhelp-attendance-") as folder:
        days, pupil_file = _export_some(Path(folder), wanted, start, end)
        other_days = partial(_other_school_days, Path(folder) / "school_days.csv", sorted(wanted))
        return compute(days, pupil_file, start=start, end=end, school_days=other_days)


def _export_some(
    folder: Path, wanted: dict[int, list[int]], start: date, end: date
) -> tuple[list[Path], Path]:
    schools = sorted(wanted)
    ids = [pupil for listed in wanted.values() for pupil in listed]
    where = "date >= %s AND date <= %s"
    if connection.vendor == "postgresql":
        where += " AND school_id = ANY(%s) AND pupil_id = ANY(%s)"
        _export(folder / "days.csv", _packed_rows(where), [start, start, end, schools, ids])
        pupils = f"SELECT id, school_id, upn FROM {Pupil._meta.db_table} WHERE id = ANY(%s)"  # noqa: S608 # nosec B608
        _export(folder / "pupils.csv", pupils, [ids])
    else:  # small registers (tests, the demo): the schools' rows; the pupils filter them
        where += f" AND school_id IN ({', '.join(['%s'] * len(schools))})"
        _export(folder / "days.csv", _packed_rows(where), [start, start, end, *schools])
        _write_pupils(folder / "pupils.csv", schools, set(ids))
    return [folder / "days.csv"], folder / "pupils.csv"


def _other_school_days(
    path: Path, schools: list[int], unseen: list[tuple[int, int]], start: date, end: date
) -> Path:
    """Of the weekdays (school id, days after `start`) on which none of the pupils read has
    a mark that counts, those on which another pupil of the school has: one index probe
    each on PostgreSQL (a LATERAL ... LIMIT 1, which stops at the first such mark), rather
    than a read of the schools' every mark. On SQLite (tests, the demo) all the schools'
    school days, from their marks."""
    table = DayMarks._meta.db_table
    if connection.vendor == "postgresql":
        counting = f"(m.am IN {_in(POSSIBLE_CODES)} OR m.pm IN {_in(POSSIBLE_CODES)})"
        sql = f"""
            SELECT c.school, c.day_n FROM unnest(%s::bigint[], %s::int[]) AS c(school, day_n)
            CROSS JOIN LATERAL (
                SELECT 1 FROM {table} AS m
                WHERE m.school_id = c.school AND m.date = %s::date + c.day_n AND {counting}
                LIMIT 1
            ) AS held
        """  # noqa: S608 # nosec B608 - the table and codes are constants
        _export(path, sql, [[s for s, _ in unseen], [n for _, n in unseen], start])
        return path
    counting = f"(am IN {_in(POSSIBLE_CODES)} OR pm IN {_in(POSSIBLE_CODES)})"
    listed = ", ".join(["%s"] * len(schools))
    where = f"date >= %s AND date <= %s AND school_id IN ({listed}) AND {counting}"
    dates = f"SELECT DISTINCT school_id, {_SQLITE_OFFSET} FROM {table} WHERE {where}"  # noqa: S608 # nosec B608
    _export(path, dates, [start, start, end, *schools])
    return path


def _write_pupils(path: Path, schools: list[int], ids: set[int]) -> None:
    rows = Pupil.objects.filter(school_id__in=schools).values_list("id", "school_id", "upn")
    with path.open("w", newline="") as out:
        csv.writer(out).writerows(row for row in rows.iterator() if row[0] in ids)


def measure(start: date, end: date, *, school_id: int | None = None) -> dict[int, SchoolMeasures]:
    """Every school's measures (or one school's), keyed by school id."""
    with exported(start, end, school_id=school_id) as (days, pupils):
        return compute(days, pupils, start=start, end=end)


@contextmanager
def exported(
    start: date, end: date, *, school_id: int | None = None
) -> Iterator[tuple[list[Path], Path]]:
    """The day rows (one or more CSV files) and the pupils, in a temporary folder."""
    with TemporaryDirectory(prefix="earlyhelp-attendance-") as folder:
        days = export_marks(Path(folder), start=start, end=end, school_id=school_id)
        pupils = Path(folder) / "pupils.csv"
        school = " WHERE school_id = %s" if school_id else ""
        sql = f"SELECT id, school_id, upn FROM {Pupil._meta.db_table}{school}"  # noqa: S608 # nosec B608
        _export(pupils, sql, [school_id] if school_id else [])
        yield days, pupils


def export_marks(folder: Path, *, start: date, end: date, school_id: int | None) -> list[Path]:
    """Each pupil's day rows, packed (`_packed_rows`), in CSV files, read in bulk.

    A whole county on PostgreSQL is read by EXPORT_PARTS connections at once, each taking
    the pupils whose id leaves its remainder (PostgreSQL shares one scan between them).
    """
    where = "date >= %s AND date <= %s"
    params: list[Any] = [start, start, end]
    if school_id:
        where, params = where + " AND school_id = %s", [*params, school_id]
    if school_id or connection.vendor != "postgresql" or connection.in_atomic_block:
        _export(folder / "days.csv", _packed_rows(where), params)
        return [folder / "days.csv"]
    parts = [folder / f"days-{n}.csv" for n in range(EXPORT_PARTS)]
    part = _packed_rows(where + " AND pupil_id %% %s = %s")
    with ThreadPoolExecutor(EXPORT_PARTS) as pool:
        jobs = [
            pool.submit(_export_part, path, part, [*params, EXPORT_PARTS, n])
            for n, path in enumerate(parts)
        ]
        for job in jobs:
            job.result()
    return parts


def write_day_rows(path: Path, rows: Iterable[tuple[int, int, str, str]]) -> None:
    """Day rows (pupil id, days after the period's start, am, pm) written as the export
    writes them (`_packed_rows`), for `compute` without a database (tests, tools)."""
    items: dict[int, list[str]] = {}
    for pupil, day_n, am, pm in rows:
        items.setdefault(pupil, []).append(f"{day_n}:{am}:{pm}")
    with path.open("w", newline="") as out:
        csv.writer(out).writerows((pupil, " ".join(listed)) for pupil, listed in items.items())


def _export_part(path: Path, sql: str, params: list[Any]) -> None:
    """One part, on this thread's own connection (closed after), with the memory to group
    its pupils' rows without spilling to disk."""
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL work_mem = '{EXPORT_WORK_MEM}'")
            _export(path, sql, params)
    finally:
        connection.close()


def _export(path: Path, sql: str, params: list[Any]) -> None:
    if connection.vendor != "postgresql":
        with path.open("wb") as out, connection.cursor() as cursor:
            cursor.execute(sql, params)
            _write_rows(out, cursor)
        return
    statement = f"COPY ({sql}) TO STDOUT WITH (FORMAT csv)"
    with path.open("wb") as out, transaction.atomic(), connection.cursor() as cursor:
        # PostgreSQL's JIT compiles these big-looking plans for 50-100 ms, more than the
        # queries of an alerts pass take to run (kept to this transaction).
        cursor.execute("SET LOCAL jit = off")
        with cursor.cursor.copy(statement, params) as copy:
            for block in copy:
                out.write(block)


def _write_rows(out: Any, cursor: Any) -> None:
    with open(out.fileno(), "w", newline="", closefd=False) as text:
        writer = csv.writer(text)
        while rows := cursor.fetchmany(10_000):
            writer.writerows(rows)


def _in(codes: frozenset[str]) -> str:
    return "(" + ", ".join("'" + c.replace("'", "''") + "'" for c in sorted(codes)) + ")"


def _count(codes: frozenset[str]) -> str:
    return f"(coalesce(am IN {_in(codes)}, false)::INT + coalesce(pm IN {_in(codes)}, false)::INT)"


def compute(
    days: list[Path],
    pupils: Path,
    *,
    start: date,
    end: date,
    school_days: OtherSchoolDays | None = None,
) -> dict[int, SchoolMeasures]:
    """Every school's measures from the exported CSV files. `school_days`, for schools
    whose day rows are only some pupils', is asked which of the weekdays on which none of
    those pupils has a mark that counts are school days all the same (`_other_school_days`)."""
    con = duckdb.connect(config={"memory_limit": MEMORY_LIMIT, "threads": 2})
    try:
        _load(con, days, pupils, start, end)
        if school_days is not None:
            found = school_days(_unseen_weekdays(con, start, end), start, end)
            _add_school_days(con, found, start=start)
        results: dict[int, SchoolMeasures] = {}
        for row in _pupil_rows(con):
            results.setdefault(row[0], SchoolMeasures()).pupils.append(PupilMeasures(*row[1:]))
        for row in _missing_rows(con):
            results[row[0]].missing_education.append(MissingEducationRun(*row[1:]))
        for row in _penalty_rows(con):
            results[row[0]].penalty_threshold.append(PenaltyThreshold(*row[1:]))
        for school, upn in _call_rows(con, end):
            results[school].first_day_calls.append(upn)
        last_days = "SELECT school, max(d) FROM school_day GROUP BY school"
        for school, last in con.execute(last_days).fetchall():
            # A school whose measured pupils have no marks yet still has its school days.
            results.setdefault(school, SchoolMeasures()).last_school_day = last
        return results
    finally:
        con.close()


def _load(
    con: duckdb.DuckDBPyConnection, days: list[Path], pupils: Path, start: date, end: date
) -> None:
    csv_options = CSV_OPTIONS
    con.execute(
        f"""
        CREATE TABLE pupil AS SELECT * FROM read_csv(?, {csv_options},
            columns={{'id': 'BIGINT', 'school': 'BIGINT', 'upn': 'VARCHAR'}})
        """,  # noqa: S608 # nosec B608 - codes and options are constants
        [str(pupils)],
    )
    con.execute(
        f"""
        CREATE TABLE day AS
        WITH item AS (
            SELECT pupil, string_split(unnest(string_split(packed, ' ')), ':') AS f
            FROM read_csv(?, {csv_options}, columns={{'pupil': 'BIGINT', 'packed': 'VARCHAR'}})
        ),
        d AS (SELECT pupil, f[1]::INTEGER AS day_n, f[2] AS am, f[3] AS pm FROM item)
        SELECT p.school, p.upn, (?::DATE + d.day_n) AS d, d.am, d.pm,
               {_count(ATTENDED_CODES)} AS att,
               {_count(AUTHORISED_CODES)} AS aut,
               {_count(UNAUTHORISED_CODES)} AS una
        FROM d JOIN pupil AS p ON p.id = d.pupil
        WHERE d.day_n BETWEEN 0 AND ? AND (d.am <> '' OR d.pm <> '')
        """,  # noqa: S608 # nosec B608 - codes and options are constants
        [[str(path) for path in days], start, (end - start).days],
    )
    con.execute(
        """
        CREATE TABLE school_day AS
        SELECT school, d, row_number() OVER (PARTITION BY school ORDER BY d) AS n,
               date_trunc('week', d)::DATE AS week
        FROM (SELECT DISTINCT school, d FROM day WHERE isodow(d) <= 5 AND att + aut + una > 0)
        """
    )


def _unseen_weekdays(
    con: duckdb.DuckDBPyConnection, start: date, end: date
) -> list[tuple[int, int]]:
    """Each school's weekdays in the period (as days after `start`) that the rows read do
    not show to be school days."""
    return con.execute(
        """
        SELECT s.school, g.n::INTEGER
        FROM (SELECT DISTINCT school FROM pupil) AS s CROSS JOIN range(0, ? + 1) AS g(n)
        WHERE isodow(?::DATE + g.n::INTEGER) <= 5
          AND NOT EXISTS (
              SELECT 1 FROM school_day AS sd
              WHERE sd.school = s.school AND sd.d = ?::DATE + g.n::INTEGER
          )
        ORDER BY 1, 2
        """,
        [(end - start).days, start, start],
    ).fetchall()


def _add_school_days(con: duckdb.DuckDBPyConnection, path: Path, *, start: date) -> None:
    """The school days the rows read show, and those found apart (`path`: school id and
    days after `start`, one a line), numbered again."""
    con.execute(
        f"""
        CREATE TABLE all_school_day AS
        SELECT school, d, row_number() OVER (PARTITION BY school ORDER BY d) AS n,
               date_trunc('week', d)::DATE AS week
        FROM (
            SELECT school, d FROM school_day
            UNION
            SELECT school, (?::DATE + day_n::INTEGER) AS d
            FROM read_csv(?, {CSV_OPTIONS},
                 columns={{'school': 'BIGINT', 'day_n': 'INTEGER'}})
        )
        WHERE isodow(d) <= 5
        """,  # noqa: S608 # nosec B608 - options are constants
        [start, str(path)],
    )
    con.execute("DROP TABLE school_day")
    con.execute("ALTER TABLE all_school_day RENAME TO school_day")


def _pupil_rows(con: duckdb.DuckDBPyConnection) -> list[tuple[Any, ...]]:
    return con.execute(
        """
        SELECT school, upn, sum(att + aut + una)::BIGINT, sum(att)::BIGINT,
               sum(aut)::BIGINT, sum(una)::BIGINT
        FROM day GROUP BY school, upn ORDER BY school, upn
        """
    ).fetchall()


def _missing_rows(con: duckdb.DuckDBPyConnection) -> list[tuple[Any, ...]]:
    """Runs of school days on which every counting mark is an unauthorised absence."""
    return con.execute(
        """
        WITH flagged AS (
            SELECT day.school, day.upn, sd.d, sd.n,
                   sd.n - row_number() OVER (PARTITION BY day.school, day.upn ORDER BY sd.n)
                       AS run
            FROM day JOIN school_day AS sd ON sd.school = day.school AND sd.d = day.d
            WHERE day.una > 0 AND day.una = day.att + day.aut + day.una
        )
        SELECT school, upn, min(d), max(d), count(*)::BIGINT
        FROM flagged GROUP BY school, upn, run
        HAVING count(*) >= ?
        ORDER BY school, upn, min(d)
        """,
        [MISSING_EDUCATION_DAYS],
    ).fetchall()


def _penalty_rows(con: duckdb.DuckDBPyConnection) -> list[tuple[Any, ...]]:
    """The earliest window of ten school weeks holding ten or more unauthorised sessions."""
    return con.execute(
        """
        WITH week AS (
            SELECT school, week, row_number() OVER (PARTITION BY school ORDER BY week) AS n
            FROM (SELECT DISTINCT school, week FROM school_day)
        ),
        counted AS (
            SELECT day.school, day.upn, week.n, sum(day.una) AS una
            FROM day
            JOIN week ON week.school = day.school
                     AND week.week = date_trunc('week', day.d)::DATE
            WHERE day.una > 0
            GROUP BY ALL
        ),
        windows AS (
            SELECT c.school, c.upn, w.week, w.n, sum(c.una) AS una
            FROM counted AS c
            JOIN week AS w ON w.school = c.school AND c.n BETWEEN w.n AND w.n + ? - 1
            GROUP BY ALL
        )
        SELECT school, upn, arg_min(week, n), arg_min(una, n)::BIGINT
        FROM windows WHERE una >= ?
        GROUP BY school, upn ORDER BY school, upn
        """,
        [PENALTY_WEEKS, PENALTY_SESSIONS],
    ).fetchall()


def _call_rows(con: duckdb.DuckDBPyConnection, end: date) -> list[tuple[Any, ...]]:
    return con.execute(
        f"""
        SELECT school, upn FROM day
        WHERE d = ? AND am IN {_in(FIRST_DAY_CALL_CODES)}
        ORDER BY school, upn
        """,  # noqa: S608 # nosec B608 - codes and options are constants
        [end],
    ).fetchall()
