"""The link checker against a real local HTTP server."""

import socket
import ssl
import urllib.error

import pytest

from earlyhelp.lib.linkcheck import (
    CheckSettings,
    LinkResult,
    check_url,
    check_urls,
    describe_error,
    normalise_url,
    user_agent,
)
from tests.unit.links.local_site import Visits

Site = tuple[str, Visits]
FAST = CheckSettings(user_agent="earlyhelp-link-checker/test (+http://testserver)", backoff=0)


def test_a_working_address_is_ok_and_only_asked_for_its_head(site: Site) -> None:
    base, visits = site
    result = check_url(f"{base}/ok", FAST)
    assert result == LinkResult(f"{base}/ok", ok=True, status_code=200, final_url=f"{base}/ok")
    assert [method for method, _, _ in visits.requests] == ["HEAD"]


def test_a_missing_page_fails_at_once_without_retries(site: Site) -> None:
    base, visits = site
    result = check_url(f"{base}/missing", FAST)
    assert (result.ok, result.status_code, result.error) == (False, 404, "HTTP 404")
    assert visits.count("/missing") == 1


def test_a_server_error_is_retried_and_a_later_success_counts(site: Site) -> None:
    base, visits = site
    result = check_url(f"{base}/flaky", FAST)
    assert (result.ok, result.status_code) == (True, 200)
    assert visits.count("/flaky") == 2


def test_too_many_requests_is_retried(site: Site) -> None:
    base, visits = site
    assert check_url(f"{base}/busy", FAST).ok
    assert visits.count("/busy") == 2


def test_a_lasting_server_error_fails_after_the_retries(site: Site) -> None:
    base, visits = site
    result = check_url(f"{base}/broken", CheckSettings(user_agent="x", retries=2, backoff=0))
    assert (result.ok, result.error) == (False, "HTTP 500")
    assert visits.count("/broken") == 3


def test_a_slow_server_times_out(site: Site) -> None:
    base, _ = site
    settings = CheckSettings(user_agent="x", timeout=0.2, retries=0)
    result = check_url(f"{base}/slow", settings)
    assert (result.ok, result.error, result.status_code) == (False, "timed out", None)


def test_redirects_are_followed_to_the_final_address(site: Site) -> None:
    base, _ = site
    result = check_url(f"{base}/hop/3", FAST)
    assert (result.ok, result.final_url) == (True, f"{base}/ok")


def test_redirects_stop_after_the_cap(site: Site) -> None:
    base, visits = site
    result = check_url(f"{base}/loop", FAST)
    assert (result.ok, result.error) == (False, "too many redirects")
    assert visits.count("/loop") == 1 + FAST.max_redirects


def test_a_chain_longer_than_the_cap_fails(site: Site) -> None:
    base, _ = site
    assert check_url(f"{base}/hop/5", FAST).ok
    assert check_url(f"{base}/hop/6", FAST).error == "too many redirects"


def test_a_redirect_to_another_scheme_is_not_followed(site: Site) -> None:
    base, _ = site
    result = check_url(f"{base}/to-ftp", FAST)
    assert (result.ok, result.error) == (False, "redirects to a non-web address")
    assert result.final_url == "ftp://files.example.org/leaflet.pdf"


def test_a_server_that_refuses_head_is_asked_with_get(site: Site) -> None:
    base, visits = site
    assert check_url(f"{base}/no-head", FAST).ok
    assert [method for method, _, _ in visits.requests] == ["HEAD", "GET"]


def test_non_web_addresses_are_never_fetched(site: Site) -> None:
    _, visits = site
    for url in ("file:///etc/passwd", "ftp://files.example.org/", "mailto:a@example.org"):
        assert check_url(url, FAST) == LinkResult(url, ok=False, error="not a web address")
    assert visits.requests == []


def test_a_closed_port_is_connection_refused() -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    result = check_url(f"http://127.0.0.1:{port}/", CheckSettings(user_agent="x", retries=0))
    assert (result.ok, result.error) == (False, "connection refused")


def test_every_request_carries_the_honest_user_agent(site: Site) -> None:
    base, visits = site
    agent = user_agent("https://earlyhelp.example.org")
    check_urls([f"{base}/ok", f"{base}/no-head"], CheckSettings(user_agent=agent))
    assert agent.startswith("earlyhelp-link-checker/0.1.0 ")
    assert agent.endswith("(+https://earlyhelp.example.org)")
    assert {seen_agent for _, _, seen_agent in visits.requests} == {agent}


def test_no_more_requests_than_workers_are_in_flight(site: Site) -> None:
    base, visits = site
    urls = [f"{base}/ok?{n}" for n in range(3)] + [f"{base}/a-moment"] * 6
    settings = CheckSettings(user_agent="x", workers=2)
    seen: list[str] = []
    results = check_urls(urls, settings, on_result=lambda result: seen.append(result.url))
    assert all(result.ok for result in results)
    assert sorted(seen) == sorted(urls)
    assert visits.most_in_flight <= 2


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (urllib.error.URLError(socket.gaierror(-2, "Name or service not known")), "DNS failure"),
        (urllib.error.URLError(TimeoutError()), "timed out"),
        (TimeoutError(), "timed out"),
        (urllib.error.URLError(ssl.SSLCertVerificationError("bad")), "certificate problem"),
        (urllib.error.URLError(ConnectionRefusedError()), "connection refused"),
        (ConnectionResetError(), "connection failed"),
    ],
)
def test_failures_are_described_plainly(error: BaseException, words: str) -> None:
    assert describe_error(error) == words


@pytest.mark.parametrize(
    ("given", "normal"),
    [
        ("HTTPS://WWW.Samaritans.org", "https://www.samaritans.org/"),
        (" https://www.example.org:443/a/B?x=1#top ", "https://www.example.org/a/B?x=1"),
        ("http://example.org:8080/", "http://example.org:8080/"),
        ("mailto:help@example.org", "mailto:help@example.org"),
    ],
)
def test_addresses_are_normalised(given: str, normal: str) -> None:
    assert normalise_url(given) == normal
