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
    warm = offer_with_services(3)
    count_queries(client, warm)  # anything loaded once per process is loaded now

    first_small, first_large = count_queries(client, small), count_queries(client, large)
    served_small, served_large = count_queries(client, small), count_queries(client, large)

    assert first_large == first_small  # the one render of each version's page
    assert served_large == served_small <= 3  # then: school and version, stamps, stored page
