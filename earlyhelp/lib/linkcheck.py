"""Check that web addresses still work: infrastructure only, no Django models.

`check_urls` fetches many addresses at once with a bounded thread pool. Each address is
tried with HEAD first (falling back to GET when the server refuses HEAD with 405 or 501),
redirects are followed by hand (at most `max_redirects`, http and https only), connection
errors, 5xx and 429 answers are retried with exponential back-off, and at most `max_bytes`
of any body is read. Every request carries an honest User-Agent naming us and our site.
"""

import http.client
import importlib.metadata
import socket
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, replace
from urllib.parse import urljoin, urlsplit, urlunsplit

WEB_SCHEMES = frozenset({"http", "https"})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
HEAD_REFUSED = frozenset({405, 501})
REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class CheckSettings:
    user_agent: str
    workers: int = 8
    timeout: float = 10.0  # seconds, for connecting and for each read
    retries: int = 2  # further tries after the first, for transient failures only
    backoff: float = 1.0  # seconds before the first retry; doubled for each further one
    max_redirects: int = 5
    max_bytes: int = 64 * 1024


@dataclass(frozen=True)
class LinkResult:
    url: str
    ok: bool
    status_code: int | None = None
    error: str = ""  # short and plain: "timed out", "DNS failure", "HTTP 404"
    final_url: str = ""


class _Failure(Exception):
    """A request failed; `retry` says whether another try might mend it (connection
    trouble, 5xx, 429) or not (a DNS failure, a bad certificate)."""

    def __init__(self, result: LinkResult, *, retry: bool) -> None:
        super().__init__(result.error)
        self.result = result
        self.retry = retry


def user_agent(site_url: str) -> str:
    """`earlyhelp-link-checker/0.1.0 (+https://example.org)`: who we are and where to ask."""
    try:
        version = importlib.metadata.version("earlyhelp")
    except importlib.metadata.PackageNotFoundError:
        version = "0"
    return f"earlyhelp-link-checker/{version} (+{site_url})"


def normalise_url(url: str) -> str:
    """One spelling per address: scheme and host in lower case, no fragment, no default
    port, and "/" for an empty path. Anything that is not an http(s) address is returned
    stripped but otherwise unchanged."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if scheme not in WEB_SCHEMES or not parts.hostname:
        return url
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    if port is not None and port != {"http": 80, "https": 443}[scheme]:
        host = f"{host}:{port}"
    userinfo = parts.netloc.rpartition("@")[0]
    netloc = f"{userinfo}@{host}" if userinfo else host
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def check_urls(
    urls: Iterable[str],
    settings: CheckSettings,
    on_result: Callable[[LinkResult], None] | None = None,
) -> list[LinkResult]:
    """Check every address with at most `settings.workers` requests in flight. `on_result`
    is called in the caller's thread as each result arrives (for progress lines)."""
    results: list[LinkResult] = []
    with ThreadPoolExecutor(max_workers=settings.workers) as pool:
        futures = [pool.submit(check_url, url, settings) for url in urls]
        for future in as_completed(futures):
            result = future.result()
            results.append(result)
            if on_result is not None:
                on_result(result)
    return results


def check_url(url: str, settings: CheckSettings) -> LinkResult:
    """Check one address, retrying transient failures with back-off."""
    if urlsplit(url).scheme.lower() not in WEB_SCHEMES:
        return LinkResult(url=url, ok=False, error="not a web address")
    for attempt in range(settings.retries + 1):
        try:
            return _follow(url, settings)
        except _Failure as failure:
            if not failure.retry or attempt == settings.retries:
                return replace(failure.result, url=url)
            time.sleep(settings.backoff * 2**attempt)
    raise AssertionError("unreachable")  # pragma: no cover


def _follow(url: str, settings: CheckSettings) -> LinkResult:
    """Follow redirects from `url` and report where they end."""
    current = url
    for _ in range(settings.max_redirects + 1):
        status, location = _fetch(current, settings)
        if status in REDIRECTS and location:
            current = urljoin(current, location)
            if urlsplit(current).scheme.lower() not in WEB_SCHEMES:
                return _failed(url, status, "redirects to a non-web address", current)
            continue
        if 200 <= status < 300:
            return LinkResult(url=url, ok=True, status_code=status, final_url=current)
        result = _failed(url, status, f"HTTP {status}", current)
        if status in RETRY_STATUSES:
            raise _Failure(result, retry=True)
        return result
    return _failed(url, None, "too many redirects", current)


def _failed(url: str, status: int | None, error: str, final_url: str) -> LinkResult:
    return LinkResult(url=url, ok=False, status_code=status, error=error, final_url=final_url)


def _fetch(url: str, settings: CheckSettings) -> tuple[int, str]:
    """One address, HEAD then GET if HEAD is refused: the status and any Location."""
    status, location = _request(url, "HEAD", settings)
    if status in HEAD_REFUSED:
        status, location = _request(url, "GET", settings)
    return status, location


def _request(url: str, method: str, settings: CheckSettings) -> tuple[int, str]:
    # Only http(s) reach here (checked above) and the opener has no other handlers.
    request = urllib.request.Request(  # noqa: S310
        url, method=method, headers={"User-Agent": settings.user_agent, "Accept": "*/*"}
    )
    try:
        with _OPENER.open(request, timeout=settings.timeout) as response:
            if method == "GET":
                response.read(settings.max_bytes)
            return int(response.status), response.headers.get("Location", "")
    except (OSError, http.client.HTTPException) as error:
        result = LinkResult(url=url, ok=False, error=describe_error(error), final_url=url)
        retry = result.error not in {"DNS failure", "certificate problem"}
        raise _Failure(result, retry=retry) from error
    except ValueError as error:  # http.client.InvalidURL and friends
        result = LinkResult(url=url, ok=False, error="not a web address", final_url=url)
        raise _Failure(result, retry=False) from error


def describe_error(error: BaseException) -> str:
    """A short, plain description of why a request failed."""
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, str):
        return "connection failed"
    if isinstance(reason, socket.gaierror):
        return "DNS failure"
    if isinstance(reason, TimeoutError):
        return "timed out"
    if isinstance(reason, ssl.SSLError | ssl.CertificateError):
        return "certificate problem"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    return "connection failed"


def _opener() -> urllib.request.OpenerDirector:
    """An opener that returns every status as it is (no redirect or error handlers), so
    that redirects are followed here, by our rules."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(context=ssl.create_default_context()),
    ):
        opener.add_handler(handler)
    return opener


_OPENER = _opener()
