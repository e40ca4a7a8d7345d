"""The demo directory's places: family hubs, clinics and a school with addresses, postcodes
and coordinates, shown on service pages and found by the ORUK postcode and proximity filters."""

from django.test import Client
from django.urls import reverse

from earlyhelp.demo.locations import read_locations
from earlyhelp.directory.models import Location, Postcode, Service


def test_every_place_sits_on_a_loaded_postcode(demo: str) -> None:
    places = {p.name: p for located in read_locations().values() for p in located}
    assert len(places) >= 10
    for place in places.values():
        (address,) = place.addresses
        centre = Postcode.objects.get(postcode=address.postal_code)
        assert (place.latitude, place.longitude) == (centre.latitude, centre.longitude)
    kinds = " ".join(places)
    assert "Family Hub" in kinds and "Clinic" in kinds and "School" in kinds


def test_a_service_page_shows_where_it_is_given(demo: str, client: Client) -> None:
    service = Service.objects.get(service_at_locations__location__name="Meadowbrook Primary School")
    page = client.get(reverse("directory:service", args=[service.pk])).content.decode()
    assert "Meadowbrook Primary School" in page and "WR4 9AA" in page


def test_the_postcode_filter_finds_the_places_nearby(demo: str, client: Client) -> None:
    body = client.get(
        "/api/oruk/services", {"postcode": "WR1 2AB", "proximity": "1000", "per_page": "50"}
    ).json()
    names = {item["name"] for item in body["contents"]}
    riverside = Service.objects.filter(service_at_locations__location__name="Riverside Family Hub")
    assert names and names == set(riverside.values_list("name", flat=True))
    assert Location.objects.filter(name="Hillside Children's Clinic").exists()
