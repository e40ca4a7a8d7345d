"""Prometheus metrics (prometheus-client), for operators only.

Counted per request: `earlyhelp_http_requests_total{method,view,status}` and
`earlyhelp_http_request_duration_seconds{method,view}` (view = the URL name, so the label
set stays small). Read at each scrape: `earlyhelp_tasks_waiting` and
`earlyhelp_tasks_oldest_waiting_seconds`. Under gunicorn with several workers set
PROMETHEUS_MULTIPROC_DIR (an empty folder per host, docs/deployment.md) so the figures of
all workers are added up.

`/metrics` answers only a request carrying `Authorization: Bearer <METRICS_TOKEN>`; with
no METRICS_TOKEN set it does not exist (404). Nobody gets the figures anonymously.
"""

import hmac
import os
from collections.abc import Iterator

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from earlyhelp.ops.health import backlog

REQUESTS = Counter(
    "earlyhelp_http_requests", "HTTP requests answered", ["method", "view", "status"]
)
DURATION = Histogram(
    "earlyhelp_http_request_duration_seconds",
    "Time to answer an HTTP request",
    ["method", "view"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)


def observe(*, method: str, view: str, status: int, seconds: float) -> None:
    REQUESTS.labels(method=method, view=view, status=str(status)).inc()
    DURATION.labels(method=method, view=view).observe(seconds)


class TaskCollector(Collector):
    def collect(self) -> Iterator[Metric]:
        waiting, waited = backlog()
        yield GaugeMetricFamily("earlyhelp_tasks_waiting", "Tasks waiting to run", waiting)
        yield GaugeMetricFamily(
            "earlyhelp_tasks_oldest_waiting_seconds", "How long the oldest task has waited", waited
        )


def allowed(request: HttpRequest) -> bool:
    token = settings.METRICS_TOKEN
    given = request.headers.get("Authorization", "")
    return bool(token) and hmac.compare_digest(given.encode(), f"Bearer {token}".encode())


def metrics(request: HttpRequest) -> HttpResponse:
    if not settings.METRICS_TOKEN:
        return HttpResponse("Not found\n", status=404, content_type="text/plain")
    if not allowed(request):
        response = HttpResponse("Unauthorised\n", status=401, content_type="text/plain")
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    body = generate_latest(_process_registry()) + generate_latest(_scrape_registry())
    response = HttpResponse(body, content_type=CONTENT_TYPE_LATEST)
    response["Cache-Control"] = "no-store"
    return response


def _process_registry() -> CollectorRegistry:
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return REGISTRY
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    return registry


def _scrape_registry() -> CollectorRegistry:
    registry = CollectorRegistry(auto_describe=False)
    registry.register(TaskCollector())
    return registry
