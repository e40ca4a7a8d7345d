"""The Open Referral UK API and harvest at county scale.

    EARLYHELP_ENV=test .venv/bin/python -m bench.oruk [--services 100000] [--postgres] [--reuse]

Builds a synthetic directory (`earlyhelp synth`) in a throwaway database (as bench.search
does), then prints: the p50/p95 of `/api/oruk/services?search=…` for the search benchmark's
words (through Django's test client, so the whole view and its JSON are timed); a walk of
every page of `/api/oruk/services` (every service once, in a stable order); the ndjson
export of every service with the process's peak memory after the first tenth and at the end
(flat memory: the two are close), read first; and a harvest of --harvest services (taken from that
export, served by a loopback ORUK server) into the same database, twice (the second run
must change nothing), inside a transaction rolled back at the end, so that with --reuse (the
directory kept between runs, as bench.search keeps it) every run starts from the same
services. Figures go in docs/benchmarks.md.
"""

import argparse
import json
import math
import os
import resource
import signal
import statistics
import sys
import threading
import time
import tracemalloc
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from typing import Any
from urllib.parse import parse_qs, urlparse

from bench import _search_queries as queries
from bench.search import _build, _cpu, _database, _setup_django

ROUNDS = 20
PER_PAGE = 200


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--schools", type=int, default=500)
    parser.add_argument("--harvest", type=int, default=10_000)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument(
        "--parts", default="search,walk,export,harvest", help="which figures to print (commas)"
    )
    parser.add_argument("--reuse", action="store_true", help="keep the directory for next time")
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("Stopped."))
    reuse = f"earlyhelp_bench_{args.services}" if args.reuse else None
    with _database(postgres=args.postgres, reuse=reuse) as label:
        _setup_django()
        started = time.perf_counter()
        _build(args.services, args.schools, reuse=args.reuse)
        built = time.perf_counter() - started
        print(f"\nORUK API, {args.services:,} services, {label}; built in {built:.0f} s")
        print(f"Load average {_load()}")
        if "search" in parts:
            _search()
        if "walk" in parts:
            _walk()
        if "export" in parts:
            _export()
        if "harvest" in parts:
            _harvest(_first(args.harvest))
        print(f"Load average at the end {_load()}")


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def _client() -> Any:
    from django.test import Client

    return Client(HTTP_HOST="localhost")


def _search() -> None:
    client = _client()
    timings: list[float] = []
    cpu: list[float] = []
    for words in queries.WORDS:
        client.get("/api/oruk/services", {"search": words})  # warm-up
    for _ in range(ROUNDS):
        for words in queries.WORDS:
            started, cpu_started = time.perf_counter(), _cpu()
            response = client.get("/api/oruk/services", {"search": words})
            timings.append((time.perf_counter() - started) * 1000)
            cpu.append((_cpu() - cpu_started) * 1000)
            assert response.status_code == 200
    p50, p95 = statistics.median(timings), _p95(timings)
    print(
        f"  /services?search=…  p50 {p50:7.2f} ms  p95 {p95:7.2f} ms"
        f"  ({len(queries.WORDS)} words x {ROUNDS}; target p95 < 100 ms)"
        f"  CPU p50 {statistics.median(cpu):6.2f}  p95 {_p95(cpu):6.2f}"
        " (this process and its database server process)"
    )


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(len(ordered) * 0.95) - 1)]


def _walk() -> None:
    client = _client()
    seen: list[str] = []
    started = time.perf_counter()
    page, total = 1, 0
    while True:
        body = client.get("/api/oruk/services", {"page": page, "per_page": PER_PAGE}).json()
        total = body["total_items"]
        seen += [item["id"] for item in body["contents"]]
        if body["last_page"]:
            break
        page += 1
    took = time.perf_counter() - started
    complete = len(seen) == len(set(seen)) == total
    print(
        f"  page walk: {page} pages of {PER_PAGE}, {len(seen):,} items,"
        f" {len(set(seen)):,} distinct,"
        f" total_items {total:,}: {'complete, each once' if complete else 'INCOMPLETE'};"
        f" {took:.1f} s ({took / page * 1000:.1f} ms a page)"
    )


def _export() -> None:
    """The whole export, memory measured."""
    from earlyhelp.oruk.views import export_lines

    started = time.perf_counter()
    count, size, tenth_peak, tenth_heap = 0, 0, 0.0, 0.0
    total = _public_count()
    tracemalloc.start()
    for line in export_lines():
        count += 1
        size += len(line.encode())
        if count == max(1, total // 10):
            tenth_peak, tenth_heap = _peak_mb(), tracemalloc.get_traced_memory()[0] / 1e6
    heap, heap_peak = (n / 1e6 for n in tracemalloc.get_traced_memory())
    tracemalloc.stop()
    took = time.perf_counter() - started
    print(
        f"  ndjson export: {count:,} services, {size / 1e6:.0f} MB in {took:.1f} s;"
        f" Python heap {tenth_heap:.0f} MB after a tenth, {heap:.0f} MB at the end"
        f" (peak {heap_peak:.0f} MB);"
        f" process peak RSS {tenth_peak:.0f} MB after a tenth, {_peak_mb():.0f} MB at the end"
        f" (growth {_peak_mb() - tenth_peak:.0f} MB)"
    )


def _first(keep: int) -> list[dict[str, Any]]:
    """The first `keep` services of the export, for the harvest's feed."""
    from earlyhelp.oruk.views import export_lines

    kept: list[dict[str, Any]] = []
    for line in export_lines():
        if len(kept) >= keep:
            break
        kept.append(json.loads(line))
    return kept


def _public_count() -> int:
    from earlyhelp.oruk.queries import public_services

    return public_services().count()


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _RolledBack(Exception):
    pass


def _schema_check(records: list[dict[str, Any]]) -> None:
    """The harvest's check of each record: `jsonschema` walking the schema (as before
    ADR 0015) against the check compiled once (`oruk.schemas.errors`), CPU a service."""
    from earlyhelp.oruk import schemas

    full, count = schemas.validator(schemas.SERVICE), len(records)
    cpu = time.process_time()
    walked = sum(1 for r in records if next(full.iter_errors(r), None) is not None)
    walk_cpu = time.process_time() - cpu
    cpu = time.process_time()
    refused = sum(1 for r in records if schemas.errors(schemas.SERVICE, r))
    compiled_cpu = time.process_time() - cpu
    print(
        f"  schema check of {count:,} services: jsonschema {walk_cpu / count * 1000:.2f} ms a"
        f" service, compiled {compiled_cpu / count * 1000:.2f} ms"
        f" ({walk_cpu / max(compiled_cpu, 1e-9):.0f} times faster); refused {walked} and {refused}"
    )


def _harvest(records: list[dict[str, Any]]) -> None:
    """Harvest twice (the second run changes nothing), then roll both back."""
    from django.db import transaction

    _schema_check(records)
    server = _serve(records)
    host, port = server.server_address[:2]
    address = f"http://{host!s}:{port}/api"
    try:
        with transaction.atomic():
            _harvest_once(address, len(records), "harvest")
            _harvest_once(address, len(records), "again, the same feed")
            raise _RolledBack
    except _RolledBack:
        pass
    finally:
        server.shutdown()


def _harvest_once(address: str, count: int, label: str) -> None:
    from django.core.management import call_command

    out = StringIO()
    started, cpu = time.perf_counter(), time.process_time()
    call_command("harvest-oruk", address, "--source", "bench", stdout=out)
    took, cpu = time.perf_counter() - started, time.process_time() - cpu
    done = [line for line in out.getvalue().splitlines() if line.startswith("Done")]
    print(
        f"  {label} of {count:,} services: {took:.1f} s (CPU {cpu:.1f} s; target < 60 s);"
        f" {done[-1] if done else out.getvalue()[-300:]}"
    )


def _serve(records: list[dict[str, Any]]) -> ThreadingHTTPServer:
    by_id = {r["id"]: json.dumps(r).encode() for r in records}
    order = list(by_id)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urlparse(self.path)
            if url.path == "/api/services":
                page = int(parse_qs(url.query).get("page", ["1"])[0])
                ids = order[(page - 1) * 100 : page * 100]
                pages = math.ceil(len(order) / 100)
                body = json.dumps(
                    {
                        "total_items": len(order),
                        "total_pages": pages,
                        "page_number": page,
                        "size": len(ids),
                        "first_page": page == 1,
                        "last_page": page >= pages,
                        "empty": not order,
                        "contents": [
                            {"id": i, "name": json.loads(by_id[i])["name"], "status": "active"}
                            for i in ids
                        ],
                    }
                ).encode()
            else:
                body = by_id.get(url.path.removeprefix("/api/services/"), b"{}")
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


if __name__ == "__main__":
    main()
