"""Reading an Open Referral UK API over HTTP: the standard library, timeouts, a size cap."""

import json
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode, urljoin
from urllib.request import Request, urlopen

USER_AGENT = "earlyhelp-harvest-oruk/1 (+https://github.com/earlyhelp)"
DEFAULT_TIMEOUT = 30.0  # seconds, for each request
MAX_BYTES = 20 * 1024 * 1024  # one response; a page or a service is far smaller


class FeedError(Exception):
    """The feed could not be read: the message says which address and why."""


class Client:
    def __init__(
        self, base_url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = MAX_BYTES
    ) -> None:
        if not base_url.startswith(("http://", "https://")):
            raise FeedError(f"{base_url!r} is not an http(s) address")
        self.base_url = base_url.rstrip("/") + "/"
        self.timeout = timeout
        self.max_bytes = max_bytes

    def url(self, path: str, params: dict[str, Any] | None = None) -> str:
        address = urljoin(self.base_url, path.lstrip("/"))
        return f"{address}?{urlencode(params)}" if params else address

    def get_json(self, path: str, params: dict[str, Any] | None = None) -> Any:
        address = self.url(path, params)
        headers = {"Accept": "application/json", "User-Agent": USER_AGENT}
        request = Request(address, headers=headers)  # noqa: S310 # nosec B310 (http(s) only: __init__)
        try:
            with urlopen(request, timeout=self.timeout) as response:  # noqa: S310 # nosec B310 (http(s) only)
                body = response.read(self.max_bytes + 1)
        except HTTPError as error:
            raise FeedError(f"{address}: HTTP {error.code} {error.reason}") from None
        except (URLError, TimeoutError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise FeedError(f"{address}: could not be read ({reason})") from None
        if len(body) > self.max_bytes:
            raise FeedError(f"{address}: larger than {self.max_bytes // (1024 * 1024)} MB")
        try:
            return json.loads(body)
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise FeedError(f"{address}: not JSON ({error})") from None
