"""Log lines as JSON objects, one a line, each with the request id (settings.LOGGING).

{"time": "2026-12-06T23:15:02.120Z", "level": "INFO", "logger": "earlyhelp.request",
 "message": "GET /directory/ 200", "request_id": "9f1c…", "method": "GET", ...}
"""

import json
import logging
import sys
from datetime import UTC, datetime

from earlyhelp.ops import requestid

# Extra fields that callers pass with `extra={...}` and that go into the JSON as they are.
FIELDS = ("method", "path", "status", "duration_ms", "view")


class StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to sys.stderr as it is when a line is logged, not as it was when logging was
    set up: a process manager or a test runner may replace it in between (a handler that
    kept the old one would write to a closed file)."""

    @property
    def stream(self) -> object:
        return sys.stderr

    @stream.setter
    def stream(self, value: object) -> None:
        """StreamHandler's constructor sets a stream; this handler always looks it up."""


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record, so text formats can show it too."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = requestid.current() or "-"
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": requestid.current() or None,
        }
        entry.update({name: getattr(record, name) for name in FIELDS if hasattr(record, name)})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)
