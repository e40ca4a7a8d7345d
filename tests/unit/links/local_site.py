"""A real HTTP server on 127.0.0.1 for link-check tests: never the internet."""

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Visits:
    """What the site saw: each request's method, path and user agent, and the most
    requests it ever had in flight at once."""

    requests: list[tuple[str, str, str]] = field(default_factory=list)
    in_flight: int = 0
    most_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self, path: str) -> int:
        return sum(1 for _, seen, _ in self.requests if seen == path)


class Site(ThreadingHTTPServer):
    daemon_threads = True
    visits: Visits
    slow_seconds: float = 1.0

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that timed out and hung up is expected here: stay quiet."""


class Handler(BaseHTTPRequestHandler):
    server: Site
    _counted = False  # this request is counted in visits.in_flight

    def do_HEAD(self) -> None:
        self._serve("HEAD")

    def do_GET(self) -> None:
        self._serve("GET")

    def log_message(self, format: str, *args: Any) -> None:
        """No access log on the test output."""

    def _serve(self, method: str) -> None:
        visits = self.server.visits
        with visits.lock:
            visits.requests.append((method, self.path, self.headers.get("User-Agent", "")))
            visits.in_flight += 1
            visits.most_in_flight = max(visits.most_in_flight, visits.in_flight)
            seen = visits.count(self.path)
        self._counted = True
        try:
            self._answer(method, seen)
        finally:
            self._finished()

    def _finished(self) -> None:
        """A request stops counting as in flight before its answer is sent: once the client
        has the answer it may send its next request, which must not overlap this one."""
        if self._counted:
            self._counted = False
            with self.server.visits.lock:
                self.server.visits.in_flight -= 1

    def _answer(self, method: str, seen: int) -> None:
        path = self.path.partition("?")[0]
        if path == "/ok":
            self._reply(200)
        elif path == "/missing":
            self._reply(404)
        elif path == "/broken":
            self._reply(500)
        elif path == "/flaky":
            self._reply(500 if seen == 1 else 200)
        elif path == "/busy":
            self._reply(200 if seen > 1 else 429)
        elif path == "/slow":
            time.sleep(self.server.slow_seconds)
            self._reply(200)
        elif path == "/a-moment":
            time.sleep(0.2)
            self._reply(200)
        elif path.startswith("/hop/"):
            left = int(path.removeprefix("/hop/"))
            self._reply(301, location="/ok" if left <= 1 else f"/hop/{left - 1}")
        elif path == "/loop":
            self._reply(302, location="/loop")
        elif path == "/to-ftp":
            self._reply(302, location="ftp://files.example.org/leaflet.pdf")
        elif path == "/no-head":
            self._reply(405 if method == "HEAD" else 200)
        else:
            self._reply(404)

    def _reply(self, status: int, location: str = "") -> None:
        body = b"<!doctype html><title>Test</title>"
        self._finished()
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command == "GET":
            self.wfile.write(body)


@contextmanager
def local_site() -> Iterator[tuple[str, Visits]]:
    """Serve on a random free port; yield the base address and what the site saw."""
    site = Site(("127.0.0.1", 0), Handler)
    site.visits = Visits()
    thread = threading.Thread(
        target=site.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{site.server_address[1]}", site.visits
    finally:
        site.shutdown()
        site.server_close()
        thread.join()
