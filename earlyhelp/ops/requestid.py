"""The request id: one per request, in every log line written while it runs.

A proxy's `X-Request-ID` is kept when it looks like an id (letters, digits, `-`, `_`, `.`,
at most 64), so one id follows a request from the load balancer to the logs; otherwise a
new one is made. The id goes back in the response's `X-Request-ID`.
"""

import re
import uuid
from contextvars import ContextVar

HEADER = "X-Request-ID"
_VALID = re.compile(r"[A-Za-z0-9._-]{1,64}")
_current: ContextVar[str] = ContextVar("request_id", default="")


def current() -> str:
    """The id of the request being answered, or "" outside a request."""
    return _current.get()


def choose(offered: str | None) -> str:
    if offered and _VALID.fullmatch(offered):
        return offered
    return uuid.uuid4().hex


def activate(request_id: str) -> object:
    return _current.set(request_id)


def deactivate(token: object) -> None:
    _current.reset(token)  # type: ignore[arg-type]
