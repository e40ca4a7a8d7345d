"""The Offer page costs the same number of queries whatever the number of services."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.integration.offers.conftest import offer_url


def count_queries(client, school) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(offer_url(school))
    assert response.status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_the_number_of_services(client, offer_with_services):
    small, large = offer_with_services(5), offer_with_services(50)
    count_queries(client, small)  # anything loaded once per process is loaded now

    assert count_queries(client, large) == count_queries(client, small)
    assert count_queries(client, large) <= 10
