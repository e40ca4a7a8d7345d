"""The stored Offer page goes gzipped to a browser that accepts gzip and plain to any other
client, each with its own ETag, and with the same security and cache headers (issue 17)."""

import gzip

import pytest
from django.test import Client, override_settings

from tests.integration.offers.conftest import offer_url, pdf_url
from tests.worker import run_worker

# What Chromium and Firefox send with a page request.
BROWSER = {
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Encoding": "gzip, deflate, br, zstd",
    "Accept-Language": "en-GB,en;q=0.9",
    "User-Agent": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
}
SAME_HEADERS = (
    "Content-Type",
    "Content-Security-Policy",
    "Cache-Control",
    "Last-Modified",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
)


def page(client, school, **headers):
    response = client.get(offer_url(school), headers=headers)
    assert response.status_code == 200
    return response


@pytest.mark.django_db
def test_a_browser_gets_the_page_gzipped_and_it_is_exactly_the_plain_page(client, universe):
    plain = page(client, universe.northfield)
    zipped = page(client, universe.northfield, **BROWSER)

    assert zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content) == plain.content
    assert b"Testshire Young Carers" in plain.content
    assert len(zipped.content) < len(plain.content) / 2
    assert int(zipped["Content-Length"]) == len(zipped.content)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "accept_encoding",
    [None, "", "identity", "br, deflate", "gzip;q=0", "gzip; q=0.000, br", "*;q=0", "gzip;q=2"],
)
def test_a_client_that_does_not_accept_gzip_gets_the_plain_page(client, universe, accept_encoding):
    headers = {} if accept_encoding is None else {"Accept-Encoding": accept_encoding}

    response = page(client, universe.northfield, **headers)

    assert "Content-Encoding" not in response
    assert b"Testshire Young Carers" in response.content
    assert not response["ETag"].endswith('-gzip"')


@pytest.mark.django_db
@pytest.mark.parametrize("accept_encoding", ["gzip", "GZIP;q=0.5", "x-gzip", "br;q=1, *;q=0.1"])
def test_any_way_of_accepting_gzip_gets_it(client, universe, accept_encoding):
    response = page(client, universe.northfield, **{"Accept-Encoding": accept_encoding})

    assert response["Content-Encoding"] == "gzip"


@pytest.mark.django_db
def test_each_encoding_has_its_own_etag_and_both_vary_on_accept_encoding(client, universe):
    plain = page(client, universe.northfield)
    zipped = page(client, universe.northfield, **BROWSER)

    assert zipped["ETag"] == plain["ETag"][:-1] + '-gzip"'
    assert "Accept-Encoding" in plain["Vary"] and "Accept-Encoding" in zipped["Vary"]


@pytest.mark.django_db
def test_the_headers_are_the_same_whichever_the_encoding(client, universe):
    plain = page(client, universe.northfield)
    zipped = page(client, universe.northfield, **BROWSER)

    for name in SAME_HEADERS:
        assert zipped[name] == plain[name], name
    assert "'sha256-" in zipped["Content-Security-Policy"]
    assert zipped["Cache-Control"] == "public, max-age=300"


@pytest.mark.django_db
def test_if_none_match_answers_304_for_either_etag(client, universe):
    plain = page(client, universe.northfield)
    zipped = page(client, universe.northfield, **BROWSER)
    url = offer_url(universe.northfield)

    for held in (plain, zipped):
        for asking in ({}, BROWSER):
            again = client.get(url, headers={**asking, "If-None-Match": held["ETag"]})
            assert again.status_code == 304 and again.content == b""
            assert again["ETag"] == held["ETag"]  # a cache keeping both knows which is fresh
            assert "Accept-Encoding" in again["Vary"]
    stale = client.get(url, headers={**BROWSER, "If-None-Match": '"old-gzip"'})
    assert stale.status_code == 200


@pytest.mark.django_db
def test_a_cache_holding_both_is_answered_with_the_etag_of_the_encoding_it_asks_for(
    client, universe
):
    plain = page(client, universe.northfield)
    zipped = page(client, universe.northfield, **BROWSER)
    both = f"{plain['ETag']}, {zipped['ETag']}"

    asked_gzip = client.get(
        offer_url(universe.northfield), headers={**BROWSER, "If-None-Match": both}
    )
    asked_plain = client.get(offer_url(universe.northfield), headers={"If-None-Match": both})

    assert asked_gzip.status_code == asked_plain.status_code == 304
    assert asked_gzip["ETag"] == zipped["ETag"] and asked_plain["ETag"] == plain["ETag"]


@pytest.mark.django_db
def test_the_pdf_is_sent_as_it_is(client, universe):
    client.get(pdf_url(universe.northfield))  # queued
    run_worker()

    response = client.get(pdf_url(universe.northfield), headers=BROWSER)

    assert response.status_code == 200
    assert "Content-Encoding" not in response
    assert response.content.startswith(b"%PDF-")


@pytest.mark.django_db
@override_settings(SECURE_HSTS_SECONDS=63072000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True)
def test_the_public_offer_carries_every_security_header(universe):
    client = Client()  # its middleware read with these settings

    response = client.get(offer_url(universe.northfield), headers=BROWSER, secure=True)

    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=63072000; includeSubDomains"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    policy = response["Content-Security-Policy"]
    for directive in ("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'"):
        assert directive in policy
    assert "X-Request-ID" in response
