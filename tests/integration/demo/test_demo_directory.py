"""The demo directory tells the truth: Childline's phone, honest "open now", free and age
filters that change results sensibly, and schools' own provision only in their own context."""

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.urls import reverse
from lxml import html as lxml_html  # type: ignore[import-untyped]

from earlyhelp.directory.models import Scope, Service
from earlyhelp.directory.search import SearchParams, search_services
from earlyhelp.schools.models import School

LONDON = ZoneInfo("Europe/London")
THURSDAY_EVENING = datetime(2026, 11, 26, 19, 30, tzinfo=LONDON)
SUNDAY_NIGHT = datetime(2026, 11, 29, 3, 0, tzinfo=LONDON)


def names(**params) -> set[str]:
    page = search_services(SearchParams(per_page=100, **params))
    return set(Service.objects.filter(pk__in=page.ids).values_list("name", flat=True))


def test_every_demo_service_states_its_cost_and_ages(demo):
    services = Service.objects.all()
    assert services.count() > 100
    assert not services.filter(cost_options__isnull=True).exists()
    assert not services.filter(minimum_age__isnull=True, maximum_age__isnull=True).exists()


def test_childline_has_its_free_24_hour_number(demo, client):
    childline = Service.objects.get(name="Childline")
    assert list(childline.phones.values_list("number", flat=True)) == ["+448001111"]
    html = client.get(reverse("directory:service", args=[childline.pk])).content.decode()
    assert 'href="tel:+448001111">0800 1111</a>' in html


def test_the_pupils_form_gives_childline_as_0800_1111(demo, client):
    school = School.objects.get(name="Westlands First School")
    html = client.get(f"/schools/{school.slug}/tell-us/").content.decode()
    assert "0800 1111" in html and "08001111" not in html


def test_open_now_on_a_thursday_evening_finds_the_lines_that_never_close(demo):
    found = names(open_now=True, at=THURSDAY_EVENING)
    assert {"Childline", "Samaritans", "Family Front Door"} <= found
    assert {"Childline", "Samaritans", "Family Front Door"} <= names(open_now=True, at=SUNDAY_NIGHT)
    unknown = names(open_now=True, hours_unknown=True, at=THURSDAY_EVENING)
    assert "Mind" in unknown and not found & unknown


def test_free_only_includes_the_free_lines(demo):
    assert {"Childline", "Samaritans", "Family Front Door"} <= names(free_only=True)
    assert "Worcester Family Learning" not in names(free_only=True)


def test_age_25_matches_only_services_for_that_age(demo):
    at_25 = names(age=Decimal(25))
    assert "Samaritans" in at_25
    assert "Worcestershire Young Carers" not in at_25 and "Childline" not in at_25
    assert len(at_25) < len(names(age=Decimal(9)))


def test_a_veterans_charity_is_not_for_children(demo):
    first = search_services(SearchParams(open_now=True, at=THURSDAY_EVENING)).ids[0]
    assert Service.objects.get(pk=first).name != "Combat Stress"
    assert "Combat Stress" not in names(open_now=True, at=THURSDAY_EVENING, age=Decimal(12))


def test_a_schools_own_provision_only_in_its_own_context(demo, client):
    westlands = School.objects.get(name="Westlands First School")
    own = Service.objects.filter(scope=Scope.SCHOOL, owner_school=westlands)
    assert own.filter(name="Breakfast club").exists()
    assert "Breakfast club" not in names(q="breakfast club")
    assert "Breakfast club" in names(q="breakfast club", school_id=westlands.pk)
    other = School.objects.exclude(pk=westlands.pk).first()
    assert other is not None
    page = client.get(reverse("directory:search"), {"q": "breakfast club", "school": other.slug})
    listed = lxml_html.fromstring(page.content).xpath('//ol[@id="results"]/li//a/text()')
    assert "Breakfast club" not in listed


def test_a_postcode_search_works_on_the_sample_postcodes(demo):
    from earlyhelp.directory.models import Postcode

    assert Postcode.objects.exists()
    page = search_services(SearchParams(q="young carers WR9 8AA"))
    assert page.total > 0
