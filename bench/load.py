"""Load test: staff logging and reading concerns and families searching, against a real server.

    EARLYHELP_ENV=test .venv/bin/python -m bench.load [--seconds 60] [--staff 50]
        [--families 200] [--postgres] [--think 5-15] [--ramp 5] [--workers 3] [--threads 1]

Builds a throwaway database (a SQLite file in a temporary folder, or with --postgres a fresh
database on the test server, `scripts/pg-test-server start`; dropped afterwards), migrates,
loads the demo through its actions (`earlyhelp load_demo`: three schools, their rolls and
concerns) and adds `--staff` staff accounts at those schools, one in eight a DSL, each with
an authenticator app whose key the load test knows. Then it starts gunicorn on 127.0.0.1
as production runs it (`--workers` sync workers, docs/deployment.md; gthread with
`--threads` above 1), on a free port, DEBUG off, public search rate limit off (all the load
comes from one address),
and runs the people of bench/_load_journeys.py in threads, loopback only, for `--seconds`,
starting them over the first `--ramp` seconds, each waiting `--think` seconds between pages.
It prints each step's requests, errors, p50 and p95, the server's and the load generator's
CPU time, and exits 1 if any request failed. Figures go in docs/benchmarks.md ("Load test").
"""

import argparse
import io
import sys
import threading
import time
from dataclasses import replace
from typing import IO

from bench._load_journeys import Child, Family, Results, Staff, StaffLogin, Target
from bench._serve import built_and_served, described
from bench.search import _load

DSL_EVERY = 8  # one staff account in this many is a DSL


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--staff", type=int, default=50)
    parser.add_argument("--families", type=int, default=200)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument(
        "--think", type=_seconds_range, default=(5.0, 15.0), help="seconds between pages: 5-15"
    )
    parser.add_argument("--ramp", type=float, default=5, help="seconds over which people start")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument(
        "--threads",
        type=int,
        default=1,
        help="threads per gunicorn worker: 1, gunicorn's sync worker, as production runs it "
        "(docs/deployment.md); more, gthread",
    )
    parser.add_argument(
        "--pages", action="store_true", help="the public pages with wrk (bench/_load_pages.py)"
    )
    parser.add_argument("--services", type=int, default=100_000, help="with --pages")
    parser.add_argument("--seconds-each", type=float, default=10, help="with --pages")
    parser.add_argument(
        "--compare",
        default="",
        help="with --pages: instead, gunicorn set-ups one after another on one build, the "
        "pages at 50 clients each, e.g. 3,2,4,5,3x4,2x4,1x8 (workers, or workers x threads)",
    )
    args = parser.parse_args()
    if args.pages:
        from bench._load_pages import run

        sys.exit(run(args))
    served_here = built_and_served(
        postgres=args.postgres,
        build=lambda: _build(args.staff),
        built_message=lambda _: f"Built the demo and {args.staff} staff accounts",
        server=args,
    )
    with served_here as served:
        server = served.server
        base = server.base
        print(
            f"\nLoad test, {served.label}; {described(args)} on {base}; "
            f"load average before {_load()}",
            flush=True,
        )
        server_cpu, client_cpu = server.cpu_seconds(), time.process_time()
        results = _run(replace(served.built, base=base), args)
        server_cpu = server.cpu_seconds() - server_cpu
        client_cpu = time.process_time() - client_cpu
        count = sum(len(times) for times in results.times.values())
        print(
            f"  CPU: server {server_cpu:.1f} s ({server_cpu * 1000 / count:.0f} ms a "
            f"request), load generator {client_cpu:.1f} s; load average after {_load()}"
        )
        failed = sum(results.errors.values())
        if failed:
            _show_errors(results, served.log)
    sys.exit(1 if failed else 0)


def _seconds_range(text: str) -> tuple[float, float]:
    low, _, high = text.partition("-")
    return float(low), float(high or low)


def _build(staff: int) -> Target:
    """The demo, plus `staff` accounts spread over its schools; what the people need."""
    from django.core.management import call_command
    from django.db import transaction
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from earlyhelp.accounts.actions import grant_role
    from earlyhelp.accounts.roles import Role
    from earlyhelp.directory import taxonomies
    from earlyhelp.directory.models import Service, ServiceStatus
    from earlyhelp.pupils.models import Pupil
    from earlyhelp.schools.models import School
    from tests.universe import PASSWORD, make_user

    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=io.StringIO())
    schools = [s for s in School.objects.order_by("name") if Pupil.objects.filter(school=s)]
    logins = []
    with transaction.atomic():
        for n in range(staff):
            school = schools[n % len(schools)]
            dsl = n % DSL_EVERY == 0
            user = make_user(f"load.{n:03d}", "Load", f"Tester {n}")
            role = Role.DSL if dsl else Role.STAFF
            grant_role(by=None, user=user, role=role, school=school)
            device = TOTPDevice.objects.get(user=user, confirmed=True)
            logins.append(
                StaffLogin(user.username, PASSWORD, device.bin_key, device.last_t, school.slug, dsl)
            )
    children = {
        s.slug: [
            Child(p.pk, p.legal_last_name) for p in Pupil.objects.filter(school=s, left_on=None)
        ]
        for s in schools
    }
    shown = (ServiceStatus.ACTIVE, ServiceStatus.TEMPORARILY_CLOSED)
    return Target(
        base="",  # the server's, once it is up
        staff=logins,
        children=children,
        schools=[s.slug for s in School.objects.order_by("name")],
        services=list(Service.objects.filter(status__in=shown).values_list("pk", flat=True)),
        topics=[t.code for t in taxonomies.TOPICS],
    )


def _run(target: Target, args: argparse.Namespace) -> Results:
    import random

    results = Results()
    started = time.monotonic()
    deadline = started + args.seconds
    spread = random.Random(0)
    threads = []
    people: list[Family | Staff] = [
        Staff(login, target, results, deadline, n) for n, login in enumerate(target.staff)
    ]
    people += [Family(target, results, deadline, 1000 + n) for n in range(args.families)]
    for person in people:
        person.think = args.think
        thread = threading.Thread(
            target=person.run, args=(person.journey, spread.uniform(0, args.ramp)), daemon=True
        )
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join(timeout=max(0.0, deadline + 35 - time.monotonic()))
    elapsed = time.monotonic() - started
    print(
        f"\n{len(target.staff)} staff ({sum(s.dsl for s in target.staff)} DSLs) and "
        f"{args.families} families for {elapsed:.0f} s, think time "
        f"{args.think[0]:g}-{args.think[1]:g} s between pages:"
    )
    print(results.table(elapsed))
    return results


def _show_errors(results: Results, log: IO[str]) -> None:
    print("\nFirst errors:")
    for example in results.examples:
        print(f"  {example}")
    log.seek(0)
    server = log.read()
    if server.strip():
        print(f"\nServer log (last 4000 characters):\n{server[-4000:]}")


if __name__ == "__main__":
    main()
