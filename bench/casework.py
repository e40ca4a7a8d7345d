"""Casework at county scale: the DSL inbox and a 500-entry chronology with millions of concerns.

    EARLYHELP_ENV=test .venv/bin/python -m bench.casework --postgres [--concerns 5000000]

Builds a county in a throwaway PostgreSQL database (`scripts/pg-test-server start`; dropped
afterwards unless --keep) with INSERT ... SELECT generate_series: `--schools` schools of 300
pupils, and concerns spread over them (5M over 500 schools is 10,000 a school), each with
one linked pupil, one chronology entry and one audit event; 1 in 100 of each school's
concerns is still new (untriaged), the rest are decided. Every encrypted column holds one
valid Fernet token (encrypting millions of texts would only time the build). One child at
the measured school has 500 notes in their chronology besides their concerns' entries (533
entries at 5M). The audit rows are not a valid hash chain (only their number and shape
matter here).

    --keep          leave the database in place and print its name
    --reuse NAME    measure a kept database again (migrating it first), without building

It measures twice, after a tenth of the concerns and after all of them: the DSL inbox page
and the child's whole chronology page (`?all=1`), through the Django test client signed in
as the school's DSL (templates rendered as a server renders them, without the test
environment's recording), ROUNDS requests each after a warm-up, printing p50 and p95 and
the number of SQL queries per page (which must not grow with the data). --profile adds each
query's time and a cProfile of one request.
"""

import argparse
import os
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from bench.search import ROOT, _database, _load, _setup_django

ROUNDS = 30
PUPILS_PER_SCHOOL = 300
CHRONOLOGY = 500
NEW_ONE_IN = 100  # one concern in NEW_ONE_IN at each school is still untriaged
PROFILE = False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--concerns", type=int, default=5_000_000)
    parser.add_argument("--schools", type=int, default=500)
    parser.add_argument("--postgres", action="store_true", help="required: COPY-scale build")
    parser.add_argument("--profile", action="store_true", help="print where one request goes")
    parser.add_argument("--keep", action="store_true", help="do not drop the database")
    parser.add_argument("--reuse", metavar="NAME", help="measure a kept database, no build")
    args = parser.parse_args()
    global PROFILE
    PROFILE = args.profile
    if not args.postgres:
        sys.exit("This benchmark runs on PostgreSQL only: add --postgres.")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("Stopped."))
    with _county_database(keep=args.keep, reuse=args.reuse) as label:
        _setup_django()
        from django.conf import settings
        from django.core.management import call_command

        # Not setup_test_environment(): it wraps every template render to record it for test
        # assertions, which a server does not do (about 10 ms of the chronology page).
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        call_command("migrate", verbosity=0)
        if args.reuse:
            print(f"\nCasework, {label}; load average {_load()}")
            print(f"\n{_concern_count():,} concerns (kept database {args.reuse})")
            _measure(_kept_world())
            return
        world = _world(args.schools)
        print(f"\nCasework, {label}; {args.schools} schools, load average {_load()}")
        first = args.concerns // 10
        done = 0
        for size in (first, args.concerns):
            started = time.perf_counter()
            _add_concerns(world, start=done, stop=size, schools=args.schools)
            done = size
            print(f"\n{size:,} concerns (built in {time.perf_counter() - started:.0f} s)")
            _measure(world)
        print(f"\nload average {_load()}")


@contextmanager
def _county_database(*, keep: bool, reuse: str | None) -> Iterator[str]:
    """bench.search's throwaway database, or one kept (--keep) or kept before (--reuse)."""
    if not keep and not reuse:
        with _database(postgres=True) as label:
            yield label
        return
    import psycopg

    server = subprocess.run(
        [str(ROOT / "scripts" / "pg-test-server"), "start"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    base, name = server.rsplit("/", 1)[0], reuse or f"earlyhelp_casework_{os.getpid()}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        if not reuse:
            admin.execute(f'CREATE DATABASE "{name}"')
        version = admin.execute("SHOW server_version").fetchone()
    os.environ["DATABASE_URL"] = f"{base}/{name}"
    try:
        yield f"PostgreSQL {version[0] if version else '?'}, database {name} on the test server"
    finally:
        print(f"\nKept the database {name} (measure again: --reuse {name}; drop it with")
        print(f"  psql {base}/postgres -c 'DROP DATABASE \"{name}\"')")


def _concern_count() -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute("SELECT count(*) FROM concerns_concern")
        (count,) = cursor.fetchone()
    return int(count)


def _kept_world() -> dict[str, Any]:
    from earlyhelp.accounts.models import User
    from earlyhelp.pupils.models import Pupil
    from earlyhelp.schools.models import School

    school = School.objects.get(name="Measured School")
    child = Pupil.objects.filter(school=school).order_by("pk").first()
    return {"school": school, "dsl": User.objects.get(username="bench-dsl"), "child": child}


def _world(schools: int) -> dict[str, Any]:
    from django.db import connection, transaction

    from earlyhelp.accounts.actions import grant_role
    from earlyhelp.accounts.roles import Role
    from earlyhelp.lib.encryption import encrypt
    from earlyhelp.pupils.models import Pupil
    from tests.universe import make_county, make_school, make_user

    with transaction.atomic():
        county = make_county()
        school = make_school(county, "Measured School")
        dsl = make_user("bench-dsl", "Bench", "Lead")
        grant_role(by=None, user=dsl, role=Role.DSL, school=school)
    token = encrypt("A fictional account of what was seen and said, about this long. " * 3)
    with connection.cursor() as cursor:
        cursor.execute(
            """INSERT INTO schools_school (name, slug, urn, phase, local_authority_id, phone,
                   email, website, address, postcode)
               SELECT 'School ' || n, 'school-' || n, '', 'primary', %s, '', '', '', '', ''
               FROM generate_series(2, %s) AS n""",
            [county.pk, schools],
        )
        cursor.execute(
            """INSERT INTO pupils_pupil (school_id, upn, legal_first_name, legal_last_name,
                   preferred_name, date_of_birth, year_group, registration_group, sen_status,
                   pupil_premium, free_school_meals, english_additional_language,
                   looked_after, previously_looked_after, young_carer, search_name)
               SELECT s.id, 'A' || lpad(n::text, 12, '0'), 'Child' || n, 'Family' || (n %% 97),
                   '', date '2016-01-01' + (n %% 2000), '5', '', 'N', false, false, false,
                   false, false, false, 'child' || n || ' family' || (n %% 97)
               FROM schools_school s, generate_series(1, %s) AS n""",
            [PUPILS_PER_SCHOOL],
        )
    child = Pupil.objects.filter(school=school).order_by("pk").first()
    assert child is not None
    with connection.cursor() as cursor:
        cursor.execute(
            """INSERT INTO casework_chronologyentry (pupil_id, school_id, occurred_at, kind,
                   summary, recorded_by_id, recorded_at, source_type, source_id)
               SELECT %s, %s, now() - n * interval '1 day', 'note', %s, %s, now(), '', ''
               FROM generate_series(1, %s) AS n""",
            [child.pk, school.pk, token, dsl.pk, CHRONOLOGY],
        )
        cursor.execute("SELECT min(id), max(id) FROM pupils_pupil")
        low, high = cursor.fetchone()
    return {"school": school, "dsl": dsl, "child": child, "token": token, "pupils": (low, high)}


def _add_concerns(world: dict[str, Any], *, start: int, stop: int, schools: int) -> None:
    """Concerns start..stop: school by n mod schools, pupil spread over that school's roll."""
    from django.db import connection

    low, _ = world["pupils"]
    dsl = world["dsl"]
    token = world["token"]
    school = world["school"]
    first_school = school.pk
    with connection.cursor() as cursor:
        cursor.execute(
            f"""CREATE TEMP TABLE batch AS
               SELECT n, {first_school} + (n % {schools}) AS school_id,
                   {low} + (n % {schools}) * {PUPILS_PER_SCHOOL}
                       + ((n / {schools}) % {PUPILS_PER_SCHOOL}) AS pupil_id
               FROM generate_series({start + 1}, {stop}) AS n"""
        )
        cursor.execute(
            """INSERT INTO concerns_concern (school_id, raised_by_id, raised_at, occurred_at,
                   location, account, categories, action_taken, told_dsl, told_dsl_who,
                   immediate_risk, tell_dsl_now, source, message_kind, contact, about_whom,
                   safe_to_contact, safe_times, status)
               SELECT school_id, %s, now() - n * interval '30 seconds', now(),
                   'Classroom', %s, '["neglect"]', '', true, '', false, false, 'staff', '', '',
                   '', '', '',
                   CASE WHEN (n / %s) %% %s = 0 THEN 'new' ELSE 'triaged' END
               FROM batch ORDER BY n""",
            [dsl.pk, token, schools, NEW_ONE_IN],
        )
        cursor.execute(
            """INSERT INTO concerns_concernpupil (concern_id, pupil_id, part)
               SELECT c.id, b.pupil_id, 'subject'
               FROM (SELECT id, row_number() OVER (ORDER BY id) AS r FROM concerns_concern
                     WHERE id > (SELECT coalesce(max(concern_id), 0) FROM concerns_concernpupil)) c
               JOIN (SELECT pupil_id, row_number() OVER (ORDER BY n) AS r FROM batch) b
                 ON b.r = c.r"""
        )
        cursor.execute(
            """INSERT INTO casework_chronologyentry (pupil_id, school_id, occurred_at, kind,
                   summary, recorded_by_id, recorded_at, source_type, source_id)
               SELECT pupil_id, school_id, now() - n * interval '30 seconds',
                   'concern', %s, %s, now(), 'concerns.concern', n::text
               FROM batch""",
            [token, dsl.pk],
        )
        cursor.execute(
            """INSERT INTO concerns_triagedecision (concern_id, outcome, reason,
                   service_name, decided_by_id, decided_at)
               SELECT id, 'monitor', %s, '', %s, now() FROM concerns_concern
               WHERE school_id = %s AND status = 'triaged'
                 AND id NOT IN (SELECT concern_id FROM concerns_triagedecision)""",
            [token, dsl.pk, first_school],
        )
        cursor.execute(
            """INSERT INTO audit_auditevent (created_at, actor_id, actor_name, action,
                   object_type, object_id, object_name, school_id, details, previous_hash, hash,
                   chain_version)
               SELECT now() - n * interval '30 seconds', %s, 'Bench Lead',
                   'concern.logged', 'concerns.concern', n::text, 'Concern ' || n,
                   school_id::text, '{}', md5('p' || n) || md5('q' || n),
                   md5('h' || n) || md5('i' || n), 2
               FROM batch ORDER BY n""",
            [str(dsl.pk)],
        )
        cursor.execute("DROP TABLE batch")
        cursor.execute("ANALYZE")


def _measure(world: dict[str, Any]) -> None:
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections, connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from tests.signin import sign_in

    # As Django's own test cases do: keep the connection (and its query log) across requests.
    request_started.disconnect(reset_queries)
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    client = Client()
    sign_in(client, world["dsl"])
    slug = world["school"].slug
    child = world["child"].pk
    entries = world["child"].chronology_entries.count()  # CHRONOLOGY notes + its concerns
    pages = {
        "DSL inbox": f"/staff/schools/{slug}/concerns/inbox/",
        f"chronology, {entries} entries": (
            f"/staff/schools/{slug}/children/{child}/chronology/?all=1"
        ),
    }
    for label, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        times = []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        if PROFILE:
            _profile(client, url, queries.captured_queries)
        p95 = statistics.quantiles(times, n=100, method="inclusive")[94]
        print(
            f"  {label:<26} p50 {statistics.median(times):7.1f} ms  p95 {p95:7.1f} ms  "
            f"{len(queries.captured_queries)} queries  ({ROUNDS} requests)"
        )


def _profile(client: Any, url: str, queries: list[dict[str, str]]) -> None:
    """Each query's time and text, then the calls of one request by cumulative time."""
    import cProfile
    import pstats

    for query in queries:
        print(f"    {float(query['time']) * 1000:6.1f} ms  {query['sql'][:150]}")
    profiler = cProfile.Profile()
    profiler.runcall(client.get, url)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
