"""What a family sees of the demo: the three Offers, the shared directory records, and
the directory search (issue 2's acceptance: young carers for a nine-year-old)."""

import re
from decimal import Decimal

from django.urls import reverse

from earlyhelp.directory.models import Scope, Service
from earlyhelp.directory.search.engine import search_services
from earlyhelp.directory.search.params import SearchParams
from earlyhelp.offers.models import OfferEntry
from earlyhelp.schools.models import School

WESTLANDS = "westlands-first-school"
PITCHEROAK = "pitcheroak-school"
ST_JOHNS = "st-johns-c-of-e-middle-school-academy"


def page(client, slug: str) -> str:
    response = client.get(reverse("offers:offer", args=[slug]))
    assert response.status_code == 200
    html: str = response.content.decode()
    return html


def row_of(html: str, name: str) -> str:
    """The table row that names this person."""
    return next(row for row in html.split("<tr") if f">{name}<" in row)


def test_westlands_shows_rachel_roberts_as_dsl_and_the_emergency_numbers(demo, client):
    html = page(client, WESTLANDS)
    row = row_of(html, "Rachel Roberts")
    assert "Designated Safeguarding Lead" in row
    assert "head@westlands.worcs.sch.uk" in row
    assert 'href="tel:+441905822666"' in html
    assert 'href="tel:+441905768020"' in html
    assert 'href="tel:999"' in html


def test_westlands_keeps_its_own_level_wording_and_provision(demo, client):
    html = page(client, WESTLANDS)
    for heading in ["Everyone (Universal)", "Need a bit of help?", "Specialist Support"]:
        assert f">{heading}</h2>" in html
    assert "If we can&#x27;t help</h2>" in html
    for provision in ["Listening and talking", "Breakfast club", "Drop-in appointments"]:
        assert provision in html


def test_every_demo_school_has_a_public_offer(demo, client):
    assert "Trish Baker" in page(client, PITCHEROAK)
    html = page(client, ST_JOHNS)
    assert "K Gallinagh" in html
    assert "Pupil voice and Epraise" in html


def test_a_county_service_two_schools_list_is_one_record_linked_from_both(demo, client):
    young_carers = Service.objects.get(name="Worcestershire Young Carers")
    assert young_carers.scope == Scope.LOCAL
    assert young_carers.owner_local_authority is not None
    assert young_carers.owner_local_authority.name == "Worcestershire"
    link = f'href="{reverse("directory:service", args=[young_carers.pk])}"'
    assert link in page(client, WESTLANDS)
    assert link in page(client, PITCHEROAK)
    assert link not in page(client, ST_JOHNS)


def test_shared_services_are_never_duplicated(demo):
    names = list(Service.objects.exclude(scope=Scope.SCHOOL).values_list("name", flat=True))
    assert len(names) == len(set(names))
    shared_by_all = Service.objects.get(name="Samaritans")
    schools = OfferEntry.objects.filter(service=shared_by_all).values_list(
        "offer__school__name", flat=True
    )
    assert sorted(schools) == sorted(School.objects.values_list("name", flat=True))


def test_each_schools_own_provision_belongs_to_that_school_only(demo):
    for entry in OfferEntry.objects.select_related("service", "offer"):
        if entry.service.scope == Scope.SCHOOL:
            assert entry.service.owner_school_id == entry.offer.school_id


def test_a_service_page_shows_ages_and_a_tel_link(demo, client):
    young_carers = Service.objects.get(name="Worcestershire Young Carers")
    response = client.get(reverse("directory:service", args=[young_carers.pk]))
    html = response.content.decode()
    assert re.search(r"7\s+to\s+17", html)
    assert 'href="tel:+441905619886"' in html


def result_ids(html: str) -> list[int]:
    """Service ids in the order the results list (`<ol id="results">`) links them."""
    listed = html.split('id="results"', 1)[-1].split("</ol>", 1)[0]
    return [int(i) for i in re.findall(r'href="/directory/(\d+)/[?"]', listed)]


def test_young_carers_for_a_nine_year_old_lists_worcestershire_young_carers_first(demo, client):
    young_carers = Service.objects.get(name="Worcestershire Young Carers")
    response = client.get(reverse("directory:search"), {"q": "young carers", "age": "9"})
    assert response.status_code == 200
    ids = result_ids(response.content.decode())
    assert ids, "the search page lists no services"
    assert ids[0] == young_carers.pk


def test_the_search_engine_ranks_worcestershire_young_carers_first(demo):
    page = search_services(SearchParams(q="young carers", age=Decimal(9)))
    assert page.ids[0] == Service.objects.get(name="Worcestershire Young Carers").pk
