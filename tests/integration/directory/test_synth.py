"""`earlyhelp synth`: a small synthetic directory, searchable, refused in production."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from earlyhelp.directory.models import Phone, Service
from earlyhelp.directory.search import SearchParams, search_services
from earlyhelp.lib import phones
from earlyhelp.schools.models import LocalAuthority, School


def synth(**options) -> str:
    out = StringIO()
    call_command("synth", stdout=out, **options)
    return out.getvalue()


def test_a_small_synthetic_directory_is_built_and_searchable(db):
    output = synth(services=200, schools=6, seed=3)
    assert "Services: 200/200" in output
    assert "Made 200 services and 6 schools." in output
    assert Service.objects.count() == 200
    assert School.objects.count() == 6
    assert all(la.name.endswith("(synthetic)") for la in LocalAuthority.objects.all())
    assert all(s.offer is not None for s in School.objects.all())
    scopes = set(Service.objects.values_list("scope", flat=True))
    assert scopes == {"school", "local", "national"}
    for number in Phone.objects.values_list("number", flat=True)[:50]:
        assert phones.parse(number).number == number  # fictional, but dialable
    first = Service.objects.filter(status="active").order_by("id").first()
    assert first is not None
    found = search_services(SearchParams(q=first.name, per_page=100))
    assert first.pk in found.ids
    assert search_services(SearchParams(topics=("mental-health",))).total > 0
    assert search_services(SearchParams(free_only=True, self_referral=True)).total > 0


def test_the_same_seed_makes_the_same_directory(db):
    synth(services=30, schools=2, seed=9)
    first = list(Service.objects.order_by("id").values_list("name", "description"))
    Service.objects.all().delete()
    School.objects.all().delete()
    LocalAuthority.objects.all().delete()
    synth(services=30, schools=2, seed=9)
    assert list(Service.objects.order_by("id").values_list("name", "description")) == first


def test_synth_refuses_to_run_twice(db):
    synth(services=5, schools=1)
    with pytest.raises(CommandError, match="already loaded"):
        synth(services=5, schools=1)


@override_settings(PRODUCTION=True)
def test_synth_refuses_to_run_in_production(db):
    with pytest.raises(CommandError, match="production"):
        synth(services=5, schools=1)
    assert not Service.objects.exists()
