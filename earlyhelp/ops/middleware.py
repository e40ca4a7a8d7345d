"""The operations middleware, first in settings.MIDDLEWARE (docs/deployment.md).

`RequestIdMiddleware` gives each request its id (earlyhelp/ops/requestid.py), returns it
in `X-Request-ID`, counts the request for Prometheus and writes one log line when it is
answered. `OpsEndpointsMiddleware` answers `/healthz`, `/readyz` and `/metrics` before the
host check and the HTTPS redirect, so a load balancer or Prometheus can reach an app server
by its own address over plain HTTP; nothing there is private (`/metrics` needs its token).
"""

import logging
import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse

from earlyhelp.ops import metrics, requestid
from earlyhelp.ops.health import readiness

logger = logging.getLogger("earlyhelp.request")
Handler = Callable[[HttpRequest], HttpResponse]


class RequestIdMiddleware:
    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = requestid.choose(request.headers.get(requestid.HEADER))
        token = requestid.activate(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[requestid.HEADER] = request_id
            self._record(request, response, time.perf_counter() - started)
            return response
        finally:
            requestid.deactivate(token)

    def _record(self, request: HttpRequest, response: HttpResponse, seconds: float) -> None:
        match = getattr(request, "resolver_match", None)
        view = (match.view_name if match else "") or "-"
        method = request.method or "-"
        metrics.observe(method=method, view=view, status=response.status_code, seconds=seconds)
        logger.info(
            "%s %s %s",
            method,
            request.path,
            response.status_code,
            extra={
                "method": method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round(seconds * 1000, 1),
                "view": view,
            },
        )


def healthz(request: HttpRequest) -> HttpResponse:
    """The process is up and answering; nothing else is checked (no database)."""
    return _no_store(JsonResponse({"status": "ok"}))


def readyz(request: HttpRequest) -> HttpResponse:
    ready, body = readiness()
    return _no_store(JsonResponse(body, status=200 if ready else 503))


ENDPOINTS: dict[str, Handler] = {
    "/healthz": healthz,
    "/readyz": readyz,
    "/metrics": metrics.metrics,
}


class OpsEndpointsMiddleware:
    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        endpoint = ENDPOINTS.get(request.path_info)
        if endpoint is None or request.method not in {"GET", "HEAD"}:
            return self.get_response(request)
        return endpoint(request)


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response
