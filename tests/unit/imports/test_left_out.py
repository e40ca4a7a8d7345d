"""What a document lists like a service but is not one: emergency routes, school contacts."""

from earlyhelp.imports.result import Contacts, Service
from earlyhelp.offers.actions.importing.left_out import (
    EMERGENCY,
    SCHOOL,
    SchoolContacts,
    left_out_reason,
    person_words,
    without_emergency_numbers,
)

SCHOOL_CONTACTS = SchoolContacts(
    phones=frozenset({"+441134960100"}),
    domains=frozenset({"northfield.example.org"}),
    names=frozenset({person_words("Ada Fenn")}),
)


def service(name: str, phones=(), emails=(), urls=()) -> Service:
    return Service(name, [], Contacts(list(phones), list(emails), list(urls)))


def test_police_999_and_101_are_an_emergency_route():
    assert left_out_reason(service("Police", ["999", "101"]), SCHOOL_CONTACTS) == EMERGENCY


def test_a_police_force_with_its_own_number_and_website_is_a_service():
    force = service("Testshire Police", ["999", "+441134960888"], urls=["https://police.example"])
    assert left_out_reason(force, SCHOOL_CONTACTS) is None
    assert without_emergency_numbers(force) == ["+441134960888"]


def test_a_service_named_after_a_role_or_a_person_is_the_schools_contact():
    assert (
        left_out_reason(service("Designated Safeguarding Lead", ["+441134960144"]), SCHOOL_CONTACTS)
        == SCHOOL
    )
    assert left_out_reason(service("Mrs Ada Fenn", ["+441134960144"]), SCHOOL_CONTACTS) == SCHOOL
    assert left_out_reason(service("Key contacts", ["+441134960144"]), SCHOOL_CONTACTS) == SCHOOL


def test_contacts_that_are_all_the_schools_own_are_not_a_service():
    office = service("Worries", ["+441134960100"], ["office@northfield.example.org"])
    assert left_out_reason(office, SCHOOL_CONTACTS) == SCHOOL


def test_a_real_service_is_kept():
    carers = service("Testshire Young Carers", ["+441134960399"], ["youngcarers@example.org"])
    assert left_out_reason(carers, SCHOOL_CONTACTS) is None
