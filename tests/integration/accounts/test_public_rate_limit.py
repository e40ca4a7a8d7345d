"""Public search answers 429, with a GOV.UK page, past its limit for one address."""

from django.test import Client


def test_search_past_the_limit_gets_a_429_page(client: Client, universe, settings):
    settings.PUBLIC_SEARCH_RATE_LIMIT = 3
    for _ in range(3):
        assert client.get("/directory/", {"q": "carers"}).status_code == 200
    response = client.get("/directory/", {"q": "carers"})
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    page = response.content.decode()
    assert "Sorry, there have been too many requests" in page
    assert "If a child is in danger" in page  # the emergency panel is still there
    assert Client(REMOTE_ADDR="192.0.2.50").get("/directory/").status_code == 200
