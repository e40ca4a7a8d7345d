"""A tiny Open Referral UK server on loopback that serves fixture services, for harvest tests.

`FeedServer.services` maps an id to a full service record; `/services` pages them
(`per_page` is the server's own, whatever the client asks, as real feeds do).
"""

import json
import math
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

Json = dict[str, Any]
SUMMARY_FIELDS = (
    "id",
    "organization_id",
    "name",
    "description",
    "url",
    "email",
    "status",
    "fees",
    "minimum_age",
    "maximum_age",
    "assured_date",
    "last_modified",
    "organization",
)


class FeedServer:
    def __init__(self, per_page: int = 2) -> None:
        self.services: dict[str, Json] = {}
        self.per_page = per_page
        self.requests: list[str] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/api"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def page(self, number: int) -> Json:
        items = list(self.services.values())
        pages = math.ceil(len(items) / self.per_page)
        chunk = items[(number - 1) * self.per_page : number * self.per_page]
        return {
            "total_items": len(items),
            "total_pages": pages,
            "page_number": number,
            "size": len(chunk),
            "first_page": number == 1,
            "last_page": number >= pages,
            "empty": not items,
            "contents": [{k: s[k] for k in SUMMARY_FIELDS if k in s} for s in chunk],
        }

    def answer(self, path: str, query: dict[str, list[str]]) -> tuple[int, Any]:
        if path == "/api/services":
            return 200, self.page(int(query.get("page", ["1"])[0]))
        if path.startswith("/api/services/"):
            found = self.services.get(path.removeprefix("/api/services/"))
            return (200, found) if found is not None else (404, {"error": "not found"})
        return 404, {"error": "not found"}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        feed = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                url = urlparse(self.path)
                feed.requests.append(self.path)
                status, body = feed.answer(url.path, parse_qs(url.query))
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                return

        return Handler


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer()
    server.start()
    yield server
    server.stop()


def uuid_for(n: int, kind: int = 0) -> str:
    return f"{kind:08d}-0000-4000-8000-{n:012d}"


def record(n: int, **changes: Any) -> Json:
    """A valid, fully nested ORUK service, numbered `n`."""
    service_id = uuid_for(n)
    values: Json = {
        "id": service_id,
        "name": f"Harvested service {n}",
        "description": f"Help number {n} for families in Testshire.",
        "url": f"https://services.example.org/{n}",
        "email": f"service{n}@example.org",
        "status": "active",
        "minimum_age": 5,
        "maximum_age": 18,
        "last_modified": "2026-11-01T09:00:00Z",
        "organization": {
            "id": uuid_for(n, 1),
            "name": "Testshire Family Hubs",
            "description": "The county's family hubs.",
        },
        "phones": [{"id": uuid_for(n, 2), "number": f"0113 496 0{n:03d}"}],
        "contacts": [{"id": uuid_for(n, 3), "name": "Reception", "email": f"hub{n}@example.org"}],
        "schedules": [
            {
                "id": uuid_for(n, 4),
                "freq": "WEEKLY",
                "byday": "MO,WE",
                "opens_at": "09:00:00",
                "closes_at": "15:30:00",
            }
        ],
        "service_at_locations": [
            {
                "id": uuid_for(n, 5),
                "location": {
                    "id": uuid_for(n, 6),
                    "location_type": "physical",
                    "name": f"Family hub {n}",
                    "latitude": 52.19,
                    "longitude": -2.22,
                    "addresses": [
                        {
                            "id": uuid_for(n, 7),
                            "address_1": f"{n} Market Street",
                            "city": "Testford",
                            "state_province": "Testshire",
                            "postal_code": "TE1 1AA",
                            "country": "GB",
                            "address_type": "physical",
                        }
                    ],
                },
            }
        ],
        "attributes": [
            {
                "id": uuid_for(n, 8),
                "taxonomy_term_id": uuid_for(1, 9),
                "taxonomy_term": {
                    "id": uuid_for(1, 9),
                    "name": "Family support",
                    "description": "",
                    "taxonomy": "esd-service-types",
                    "term": "family-support-services",
                },
            },
            {
                "id": uuid_for(n, 10),
                "taxonomy_term_id": uuid_for(2, 9),
                "taxonomy_term": {
                    "id": uuid_for(2, 9),
                    "name": "Bullying",
                    "description": "",
                    "taxonomy": "earlyhelp-topic",
                    "code": "bullying",
                },
            },
        ],
    }
    return values | changes
