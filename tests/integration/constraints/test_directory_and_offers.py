"""The database refuses impossible services, Offers, imports, link checks and harvested
services (tests/constraints.py)."""

from datetime import date

import pytest
from django.utils import timezone

from earlyhelp.directory.models import (
    Attribute,
    Location,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
    ZeroResultSearch,
)
from earlyhelp.imports.models import ImportedService, ImportRun
from earlyhelp.jobs.models import ScheduledRun
from earlyhelp.offers.models import (
    LevelHeading,
    OfferEntry,
    OfferRender,
    OfferVersion,
    RenderKind,
    RenderStatus,
)
from earlyhelp.oruk.models import HarvestedService, HarvestSource
from tests.constraints import copy_of, refused

pytestmark = pytest.mark.django_db


def test_a_school_service_names_its_school(universe):
    refused(
        "service_owner_matches_scope",
        **copy_of(universe.breakfast_club, owner_school=None),
    )


def test_a_services_ages_are_in_order(universe):
    refused(
        "service_ages_in_order",
        **copy_of(universe.young_carers, minimum_age=17, maximum_age=7),
    )


def test_a_service_is_at_a_location_once(universe):
    location = Location.objects.create(name="Testbury Hub")
    ServiceAtLocation.objects.create(service=universe.young_carers, location=location)
    refused("sal_unique", service=universe.young_carers, location=location)


def test_a_taxonomy_code_is_used_once_in_its_taxonomy(universe):
    term = TaxonomyTerm.objects.first()
    assert term is not None
    refused("term_unique_code", **copy_of(term, name="Another name"))


def test_an_attribute_belongs_to_a_service_or_an_organisation(universe):
    term = TaxonomyTerm.objects.first()
    refused("attribute_links_one_entity", taxonomy_term=term, service=None, organization=None)


def test_a_service_has_each_taxonomy_term_once(universe):
    attribute = Attribute.objects.filter(service=universe.samaritans).first()
    assert attribute is not None
    refused("attribute_unique_service_term", **copy_of(attribute))


def test_a_search_that_found_nothing_is_counted_once_a_day(universe):
    ZeroResultSearch.objects.create(day=date(2026, 11, 2), query="unicorn club")
    refused("zero_result_unique_day_query", day=date(2026, 11, 2), query="unicorn club")


def test_an_offer_has_one_heading_per_level(universe):
    heading = LevelHeading.objects.filter(offer=universe.northfield.offer).first()
    assert heading is not None
    refused("level_heading_unique", **copy_of(heading, heading="A second heading"))


def test_an_offer_lists_a_service_once(universe):
    entry = OfferEntry.objects.get(offer=universe.northfield.offer, service=universe.samaritans)
    refused("offer_entry_unique", **copy_of(entry, level=2))


def test_an_offer_version_number_is_used_once(universe):
    version = OfferVersion.objects.get(offer=universe.northfield.offer)
    refused("offer_version_unique", **copy_of(version))


def test_offer_versions_count_from_one(universe):
    version = OfferVersion.objects.get(offer=universe.northfield.offer)
    refused("offer_version_from_one", **copy_of(version, number=0))


def waiting_import(universe) -> ImportRun:
    return ImportRun.objects.create(
        school=universe.northfield,
        document_name="northfield.txt",
        document_sha256="0" * 64,
        created_at=timezone.now(),
        result={},
    )


def test_a_school_has_one_import_waiting_for_review(universe):
    refused("import_run_one_waiting_per_school", **copy_of(waiting_import(universe)))


def test_an_imported_service_has_its_own_place_in_the_document(universe):
    row = ImportedService.objects.create(
        run=waiting_import(universe),
        position=1,
        name="Young carers",
        document={},
        outcome="created",
    )
    refused("imported_service_unique_position", **copy_of(row, name="Another service"))


def test_a_link_check_has_a_failing_date_exactly_when_it_fails(universe):
    now = timezone.now()
    url = "https://www.example.org/"
    refused("linkcheck_failing_since_only_when_failing", url=url, last_checked_at=now, ok=False)
    refused(
        "linkcheck_failing_since_only_when_failing",
        url=url,
        last_checked_at=now,
        ok=True,
        failing_since=now,
    )


def test_a_harvested_service_is_stored_once_per_remote_id(universe):
    source = HarvestSource.objects.create(
        name="testshire", base_url="https://feed.example.org/api", created_at=timezone.now()
    )
    harvested = HarvestedService.objects.create(
        source=source,
        remote_id="svc-1",
        service=universe.samaritans,
        fingerprint="abc",
        first_seen=timezone.now(),
        last_seen=timezone.now(),
    )
    refused("harvested_unique_id", **copy_of(harvested, service=universe.young_carers))


def test_services_are_untouched_by_the_refusals(universe):
    """Each refusal above is rolled back on its own: the directory is as the universe made it."""
    refused("service_ages_in_order", **copy_of(universe.young_carers, minimum_age=9, maximum_age=8))
    assert Service.objects.filter(name="Testshire Young Carers").count() == 1


def test_an_offer_page_is_rendered_once_per_key(universe):
    version = OfferVersion.objects.get(offer=universe.northfield.offer)
    render = OfferRender.objects.create(
        version=version,
        kind=RenderKind.PAGE,
        key="a" * 64,
        status=RenderStatus.READY,
        created_at=timezone.now(),
    )
    refused("offer_render_once_per_key", **copy_of(render))


def test_a_scheduled_job_is_enqueued_once_per_slot():
    run = ScheduledRun.objects.create(
        job="casework-clock", slot="2026-12-07", enqueued_at=timezone.now()
    )
    refused("scheduled_run_once_per_slot", **copy_of(run))
