"""What every API response shares: JSON, CORS `*`, read-only methods, ETags, JSON errors."""

import hashlib
import json
import logging
from collections.abc import Callable
from datetime import datetime
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.views.decorators.csrf import csrf_exempt

from earlyhelp.oruk.params import BadParameter

logger = logging.getLogger(__name__)

ALLOWED = "GET, HEAD, OPTIONS"
MAX_AGE = 60  # seconds a client or a shared cache may reuse a response
JSON_TYPE = "application/json"


class NotFound(Exception):
    """No public record with that id (or the id is not a UUID)."""


View = Callable[..., HttpResponseBase]


def with_cors(response: HttpResponseBase) -> HttpResponseBase:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag, Last-Modified"
    return response


def error(status: int, message: str) -> HttpResponse:
    body = json.dumps({"status": status, "error": message})
    response = HttpResponse(body, status=status, content_type=JSON_TYPE)
    with_cors(response)
    return response


def api_view(view: View) -> View:
    """Wrap a view that returns JSON-ready data or a response of its own."""

    @csrf_exempt
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = ALLOWED
            response["Access-Control-Max-Age"] = "86400"
            response["Allow"] = ALLOWED
            return with_cors(response)
        if request.method not in ("GET", "HEAD"):
            response = error(405, f"{request.method} is not allowed: this API is read-only")
            response["Allow"] = ALLOWED
            return response
        try:
            return with_cors(view(request, *args, **kwargs))
        except BadParameter as problem:
            return error(400, str(problem))
        except NotFound as problem:
            return error(404, str(problem) or "Not found")
        except Exception:
            logger.exception("ORUK API error on %s", request.path)
            return error(500, "Server error")

    return wrapped


def json_response(
    request: HttpRequest, data: Any, *, last_modified: datetime | None = None
) -> HttpResponseBase:
    """The data as JSON, with an ETag of its bytes; a 304 when the client has it already."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    etag = '"' + hashlib.sha256(body).hexdigest()[:40] + '"'
    stamp = int(last_modified.timestamp()) if last_modified is not None else None
    response = HttpResponse(body, content_type=JSON_TYPE)
    response["ETag"] = etag
    if stamp is not None:
        response["Last-Modified"] = http_date(stamp)
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    conditional = get_conditional_response(
        request, etag=etag, last_modified=stamp, response=response
    )
    if conditional is None:
        return response
    if conditional is not response:
        for header in ("Cache-Control", "ETag", "Last-Modified"):
            if header in response:
                conditional[header] = response[header]
    return conditional
