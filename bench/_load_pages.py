"""The public pages under load: `python -m bench.load --pages` (issue 17).

    EARLYHELP_ENV=test .venv/bin/python -m bench.load --pages --postgres
        [--services 100000] [--seconds-each 10] [--workers 3] [--threads 1]
        [--compare 3,2,4,5,3x4,2x4,1x8]

Builds a throwaway database (with --postgres a fresh one on `scripts/pg-test-server`),
a synthetic directory of `--services` services (`earlyhelp synth`) and two published Offers
of 89 and 500 services (bench/offer_page.py's builder, through the actions), and lets the
background worker (`db_worker --batch`) make their pages and PDFs as it does after
publishing. Then gunicorn as production runs it (docs/deployment.md: `--workers` sync
workers; gthread with `--threads` above 1) on loopback, and wrk (Debian's,
`scripts/system-deps bench`) against each page at 1, 10 and 50 concurrent clients for
`--seconds-each` seconds each. Every request carries the headers a browser sends (Accept,
Accept-Encoding: gzip, deflate, br, Accept-Language, User-Agent), so the figures are what
browsers get (the Offer page gzipped). Per run it prints requests a second, p50, p95,
errors (non-2xx, time-outs, socket errors), the gunicorn processes' CPU time per request
(read from /proc before and after the run) and the kilobytes received per response,
headers included. The home page is the floor. Last, one service of the 89-service Offer
changes and ten clients ask for the Offer's new PDF at once: it prints how many renders
were queued and made, and what the ten were answered. With `--compare`, instead, each
gunicorn set-up listed in turn on the same build: the home page and the Offer pages and
PDFs at 50 clients.
"""

import argparse
import io
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import requests

from bench._serve import _Server, built_and_served, described

CONCURRENCY = (1, 10, 50)
SEARCHES = [
    "/directory/?q=young+carers",
    "/directory/?q=anxiety&age=9",
    "/directory/?q=domestic+abuse",
    "/directory/?q=my+child+is+being+bullied+at+school",
    "/directory/?topics=bereavement",
    "/directory/?q=food+bank&free_only=on",
    "/directory/?q=autism&age=12",
    "/directory/?q=self+harm",
]
# What a browser sends with every page request (Firefox's headers): the figures are those
# of what browsers get, a gzipped page where the server gives one.
BROWSER_HEADERS = {
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Encoding": "gzip, deflate, br",
    "Accept-Language": "en-GB,en;q=0.5",
    "User-Agent": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
}
# wrk's script: rotate through the paths given with the browser's headers, print the figures
# as JSON at the end.
WRK_SCRIPT = """
local paths = {%(paths)s}
local headers = {%(headers)s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1], headers)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %%d, "seconds": %%f, "p50": %%f, "p95": %%f, "non2xx": %%d, "socket": %%d, '
    .. '"bytes": %%d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, e.status, e.connect + e.read + e.write + e.timeout,
    summary.bytes))
end
"""


@dataclass(frozen=True)
class Figures:
    requests: int
    seconds: float
    p50: float  # ms
    p95: float  # ms
    errors: int
    cpu_ms: float  # server CPU per request
    kilobytes: float  # received per response, headers included


def run(args: argparse.Namespace) -> int:
    from bench.search import _load

    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: run scripts/system-deps bench (Debian's wrk).")
    # gunicorn, the worker and this process share the default storage as configured
    # (var/media unless MEDIA_ROOT or S3 says otherwise); the PDFs made here are removed.
    served_here = built_and_served(
        postgres=args.postgres,
        build=lambda: _build(args.services),
        built_message=lambda _: (
            f"Built {args.services:,} directory services and Offers of 89 and 500 services, "
            f"pages and PDFs made by the worker,"
        ),
        server=argparse.Namespace(workers=args.workers, threads=args.threads, think=(0, 5)),
    )
    with served_here as served:
        server, slugs = served.server, served.built
        if args.compare:
            failed = _compare(args, served.label, slugs)
            _remove_renders(slugs)
            return 1 if failed else 0
        print(
            f"\nPublic pages under load, {served.label}; {described(args)} on "
            f"{server.base}; wrk with a browser's headers, {args.seconds_each:g} s a run; "
            f"load average before {_load()}",
            flush=True,
        )
        failed = _measure_all(server, slugs, args.seconds_each)
        failed += _first_pdf_requests(server.base, slugs[89])
        print(f"Load average after {_load()}")
        _remove_renders(slugs)
    return 1 if failed else 0


def _compare(args: argparse.Namespace, label: str, slugs: dict[int, str]) -> int:
    """Each gunicorn set-up of `--compare` in turn on the same database: the home page and
    the Offer pages and PDFs at 50 clients (after a 2 s warm-up run each)."""
    from bench.search import _load

    print(
        f"\ngunicorn set-ups compared, {label}; wrk with a browser's headers, 50 clients, "
        f"{args.seconds_each:g} s a run; load average before {_load()}\n"
        f"  {'set-up':<44}{'page':<26}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'errors':>8}"
        f"{'CPU ms/req':>12}",
        flush=True,
    )
    errors = 0
    for setup in args.compare.split(","):
        workers, _, threads = setup.strip().partition("x")
        shape = argparse.Namespace(workers=int(workers), threads=int(threads or 1), think=(0, 5))
        with tempfile.TemporaryFile("w+") as log, _Server(shape, log) as server:
            for name, paths in _targets(slugs)[:5]:
                _wrk(server, paths, 50, 2)
                figures = _wrk(server, paths, 50, args.seconds_each)
                errors += figures.errors
                print(
                    f"  {described(shape):<44}{name:<26}"
                    f"{figures.requests / figures.seconds:>9.1f}{figures.p50:>9.1f}"
                    f"{figures.p95:>9.1f}{figures.errors:>8}{figures.cpu_ms:>12.1f}",
                    flush=True,
                )
    print(f"Load average after {_load()}")
    return errors


def _remove_renders(slugs: dict[int, str]) -> None:
    from django.core.files.storage import default_storage

    from earlyhelp.offers.models import OfferRender

    for render in OfferRender.objects.filter(version__offer__school__slug__in=slugs.values()):
        if render.file_name and default_storage.exists(render.file_name):
            default_storage.delete(render.file_name)


def _build(services: int) -> dict[int, str]:
    from django.core.management import call_command

    from bench.offer_page import build_offer

    call_command("migrate", verbosity=0)
    call_command("synth", services=services, schools=50, seed=1, stdout=io.StringIO())
    slugs = {count: build_offer(f"Load School {count}", count) for count in (89, 500)}
    _run_worker()
    return slugs


def _run_worker() -> None:
    from django.core.management import call_command

    call_command("db_worker", "--batch", "--queue-name", "default", stdout=io.StringIO())


def _targets(slugs: dict[int, str]) -> list[tuple[str, list[str]]]:
    return [
        ("home page (the floor)", ["/"]),
        ("Offer page, 89 services", [f"/schools/{slugs[89]}/"]),
        ("Offer page, 500 services", [f"/schools/{slugs[500]}/"]),
        ("Offer PDF, 89 services", [f"/schools/{slugs[89]}/offer.pdf"]),
        ("Offer PDF, 500 services", [f"/schools/{slugs[500]}/offer.pdf"]),
        ("directory search (8 searches)", SEARCHES),
    ]


def _measure_all(server: _Server, slugs: dict[int, str], seconds: float) -> int:
    targets = _targets(slugs)
    print(
        f"  {'page':<31}{'clients':>8}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}"
        f"{'errors':>8}{'CPU ms/req':>12}{'kB/resp':>9}"
    )
    errors = 0
    for name, paths in targets:
        for clients in CONCURRENCY:
            figures = _wrk(server, paths, clients, seconds)
            errors += figures.errors
            print(
                f"  {name:<31}{clients:>8}{figures.requests / figures.seconds:>9.1f}"
                f"{figures.p50:>9.1f}{figures.p95:>9.1f}{figures.errors:>8}"
                f"{figures.cpu_ms:>12.1f}{figures.kilobytes:>9.1f}",
                flush=True,
            )
    return errors


def _wrk(server: _Server, paths: list[str], clients: int, seconds: float) -> Figures:
    base = server.base
    quoted = ", ".join(json.dumps(path) for path in paths)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        headers = ", ".join(
            f"[{json.dumps(k)}] = {json.dumps(v)}" for k, v in BROWSER_HEADERS.items()
        )
        script.write(WRK_SCRIPT % {"paths": quoted, "headers": headers})
    command = [
        "wrk",
        f"--threads={min(clients, 2)}",
        f"--connections={clients}",
        f"--duration={seconds:g}s",
        "--timeout=30s",
        f"--script={script.name}",
        base + paths[0],
    ]
    before = server.cpu_seconds()
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    cpu = server.cpu_seconds() - before
    Path(script.name).unlink()
    line = [text for text in done.stdout.splitlines() if text.startswith("{")][-1]
    raw = json.loads(line)
    count = max(1, int(raw["requests"]))
    return Figures(
        requests=int(raw["requests"]),
        seconds=float(raw["seconds"]),
        p50=float(raw["p50"]),
        p95=float(raw["p95"]),
        errors=int(raw["non2xx"]) + int(raw["socket"]),
        cpu_ms=cpu * 1000 / count,
        kilobytes=int(raw["bytes"]) / count / 1000,
    )


def _first_pdf_requests(base: str, slug: str, clients: int = 10) -> int:
    """A service of the Offer changes; ten clients ask for the new PDF at the same moment."""
    from django_tasks_db.models import DBTaskResult

    from bench.offer_page import service_data
    from earlyhelp.directory.actions import update_service
    from earlyhelp.directory.models import Scope, Service
    from earlyhelp.offers.models import OfferRender
    from earlyhelp.offers.rendering import get_published

    published = get_published(slug)
    assert published is not None
    shown = [e["id"] for level in published.version.content["levels"] for e in level["entries"]]
    service = Service.objects.filter(pk__in=shown, scope=Scope.LOCAL).first()
    assert service is not None
    update_service(by=None, service=service, data=service_data("A county service, changed", 1))
    task = "earlyhelp.offers.tasks.render_offer_pdf"
    queued_before = DBTaskResult.objects.filter(task_path=task).count()
    renders_before = OfferRender.objects.filter(kind="pdf").count()

    statuses = _at_once(f"{base}/schools/{slug}/offer.pdf", clients)
    queued = DBTaskResult.objects.filter(task_path=task).count() - queued_before
    rows = OfferRender.objects.filter(kind="pdf").count() - renders_before
    started = time.perf_counter()
    _run_worker()
    results = DBTaskResult.objects.filter(task_path=task, status="SUCCESSFUL")
    made = sum(
        str(value).startswith("rendered")
        for value in results.values_list("return_value", flat=True)
    )
    worker_seconds = time.perf_counter() - started
    after = _at_once(f"{base}/schools/{slug}/offer.pdf", clients)
    print(
        f"\n{clients} concurrent first requests for a new PDF (89 services, one service "
        f"changed): answered {_tally(statuses)}; {rows} render queued ({queued} task); the "
        f"worker then took {worker_seconds:.1f} s; asked again: {_tally(after)}. PDF renders "
        f"made by the worker in this run: {made} (2 after publishing, 1 now)."
    )
    return 0 if rows == queued == 1 and after == [200] * clients else 1


def _at_once(url: str, clients: int) -> list[int]:
    start = threading.Barrier(clients)
    statuses: list[int] = []

    def one() -> None:
        start.wait()
        statuses.append(requests.get(url, timeout=60).status_code)

    threads = [threading.Thread(target=one) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(statuses)


def _tally(statuses: list[int]) -> str:
    return ", ".join(f"{statuses.count(s)} x {s}" for s in sorted(set(statuses)))
