from django.urls import reverse


def test_published_offer_shows_people_services_and_emergency_numbers(client, universe):
    response = client.get(reverse("offers:offer", args=["northfield-primary"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dee Lane" in html
    assert "Designated Safeguarding Lead" in html
    assert 'href="tel:999"' in html
    assert 'href="tel:+441134960001"' in html  # the county front door
    assert "Testshire Young Carers" in html
    assert "Breakfast club" in html


def test_school_without_published_offer_is_not_found(client, universe):
    response = client.get(reverse("offers:offer", args=["southbank-academy"]))
    assert response.status_code == 404
