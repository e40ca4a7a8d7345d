"""Numbers and addresses in a stored Offer: costly, inconsistent, malformed, retired, elsewhere."""

from earlyhelp.directory.data import ServiceData
from earlyhelp.directory.models import Scope
from earlyhelp.offers.actions.editing import add_own_provision, update_offer_text
from earlyhelp.offers.actions.schools import create_school_with_offer
from earlyhelp.schools.actions import (
    PersonDetails,
    SchoolDetails,
    add_key_person,
    create_local_authority,
)
from earlyhelp.schools.models import School
from tests.unit.health.support import add_deputy, check, phones_of, show_service


def test_a_complete_offer_has_no_findings(northfield: School):
    assert check(northfield) == []


def test_a_costly_number_points_to_the_0300_number_the_service_also_gives(northfield: School):
    show_service(
        northfield,
        ServiceData(
            name="Quiet Minds",
            organization_name="Quiet Minds",
            phones=phones_of("+448456012345", "+443069990123"),
        ),
    )
    [finding] = check(northfield)
    assert (finding.code, finding.severity) == ("phone-costly", "warning")
    assert finding.where == "Service: Quiet Minds"
    assert "0845 601 2345 is a chargeable number" in finding.message
    assert finding.fix.startswith("Use the 0306 999 0123 number instead.")
    assert "the national directory's editors keep this record" in finding.fix
    assert finding.link == ""  # the school cannot change a national record


def test_a_costly_number_in_the_schools_own_provision_links_to_its_editor(northfield: School):
    entry = add_own_provision(
        by=None,
        offer=northfield.offer,
        data=ServiceData(
            name="Parent line",
            organization_name="Northfield Primary",
            phones=phones_of("+448700100123"),
        ),
        level=1,
    )
    [finding] = check(northfield)
    assert finding.code == "phone-costly"
    assert "free (0800 or 0808) or 03 number" in finding.fix
    assert finding.link == f"/staff/schools/northfield-primary/offer/provision/{entry.service_id}/"


def test_a_costly_number_written_in_a_text_is_found_there(northfield: School):
    update_offer_text(
        by=None,
        offer=northfield.offer,
        introduction="Call our parent line on 0845 601 2345.",
        raising_concerns="",
        attendance="",
    )
    [finding] = check(northfield)
    assert (finding.code, finding.where) == ("phone-costly", "Introduction")
    assert finding.link.endswith("/offer/texts/#id_introduction")


def test_one_service_with_numbers_a_digit_apart_is_an_error(universe, northfield: School):
    show_service(
        northfield,
        ServiceData(
            name="Testshire Youth Club",
            organization_name="Testshire Youth Support",
            phones=phones_of("+441134960300", "+441134960700"),
        ),
        scope=Scope.LOCAL,
    )
    [finding] = check(northfield)
    assert (finding.code, finding.severity) == ("phone-inconsistent", "error")
    assert finding.where == "Service: Testshire Youth Club"
    assert "0113 496 0700 differs by a digit or two from 0113 496 0300" in finding.message
    assert "Testshire keep this record" in finding.fix
    assert finding.title == "Phone number that may have a typing error"


def test_two_services_of_one_council_may_have_numbers_a_digit_apart(universe, northfield):
    # Testshire Youth Support already gives 0113 496 0300 for its young carers' service:
    # another of its services on 0113 496 0700 is a different line, not a typing slip.
    show_service(
        northfield,
        ServiceData(
            name="Testshire Youth Club",
            organization_name="Testshire Youth Support",
            phones=phones_of("+441134960700"),
        ),
        scope=Scope.LOCAL,
    )
    assert check(northfield) == []


def test_999_as_a_services_own_number_is_an_error(northfield: School):
    show_service(
        northfield,
        ServiceData(name="Safe at home", organization_name="Safe", phones=phones_of("999")),
    )
    [finding] = check(northfield)
    assert (finding.code, finding.severity) == ("phone-invalid", "error")
    assert finding.where == "Service: Safe at home"
    assert "999 is given as this service’s own phone number" in finding.message
    assert "does not reach Safe at home" in finding.message


def test_101_as_a_services_own_number_is_an_error(northfield: School):
    show_service(
        northfield,
        ServiceData(name="Street safety", organization_name="Safe", phones=phones_of("101")),
    )
    [finding] = check(northfield)
    assert "the police non-emergency number" in finding.message


def test_999_written_in_a_text_is_not_a_problem(northfield: School):
    update_offer_text(
        by=None,
        offer=northfield.offer,
        introduction="In an emergency, call 999.",
        raising_concerns="",
        attendance="",
    )
    assert check(northfield) == []


def test_direct_lines_and_other_organisations_are_not_inconsistent(northfield: School):
    show_service(
        northfield,
        ServiceData(
            name="Youth Club",
            organization_name="Testshire Youth Support",
            phones=phones_of("+441134960301"),  # a direct line of the same switchboard
        ),
    )
    show_service(
        northfield,
        ServiceData(name="Other", organization_name="Other", phones=phones_of("+441134960700")),
    )
    assert check(northfield) == []


def test_an_email_with_nothing_before_the_domain_ending_is_an_error(universe):
    school = universe.southbank
    add_key_person(
        by=None,
        school=school,
        details=PersonDetails(name="Rachel Roberts", roles=("dsl",), email="dsl@org.uk"),
    )
    add_deputy(school)
    [finding] = check(school)
    assert (finding.code, finding.severity) == ("email-invalid", "error")
    assert finding.where == "Key people: Rachel Roberts"
    assert "'dsl@org.uk' has no organisation name before .org.uk" in finding.message
    assert "/offer/people/" in finding.link


def test_a_web_address_whose_host_has_no_dot_is_an_error(northfield: School):
    show_service(
        northfield,
        ServiceData(
            name="Intranet",
            organization_name="Intranet",
            url="http://localhost/help",
            phones=phones_of("+441134960999"),
        ),
    )
    [finding] = check(northfield)
    assert (finding.code, finding.severity) == ("url-invalid", "error")
    assert "http://localhost/help has no complete host name" in finding.message


def test_an_address_on_a_retired_domain_is_an_error(northfield: School):
    show_service(
        northfield,
        ServiceData(
            name="Referrals",
            organization_name="Testshire Council",
            email="referrals@testshire.gcsx.gov.uk",
            phones=phones_of("+441134960999"),
        ),
        scope=Scope.LOCAL,
    )
    [finding] = check(northfield)
    assert (finding.code, finding.severity) == ("domain-retired", "error")
    assert "gcsx.gov.uk domain: the Government Connect secure domain was retired" in finding.message
    assert "Testshire keep this record" in finding.fix


def test_a_web_address_naming_another_council_is_out_of_area(db: None):
    county = create_local_authority(
        by=None,
        name="Worcestershire",
        front_door_name="Family Front Door",
        front_door_phone="+441134960001",
        out_of_hours_phone="+441134960002",
    )
    school = create_school_with_offer(
        by=None,
        local_authority=county,
        details=SchoolDetails(name="Westlands First School", phase="first"),
    )
    add_key_person(
        by=None,
        school=school,
        details=PersonDetails(name="Rachel Roberts", roles=("dsl",), phone="+441134960100"),
    )
    add_deputy(school)
    show_service(
        school,
        ServiceData(
            name="On Your Mind",
            organization_name="On Your Mind",
            url="https://onyourmindglos.example.org",
            phones=phones_of("+441134960999"),
        ),
    )
    [finding] = check(school)
    assert (finding.code, finding.severity) == ("out-of-area", "warning")
    assert "Gloucestershire resource" in finding.message
    assert "this Offer is for Worcestershire" in finding.message


def test_a_us_government_site_is_out_of_area_anywhere(northfield: School):
    show_service(
        northfield,
        ServiceData(
            name="Helpline",
            organization_name="Helpline",
            url="https://www.example.gov/help",
            phones=phones_of("+441134960999"),
        ),
    )
    [finding] = check(northfield)
    assert finding.code == "out-of-area"
    assert "the United States" in finding.message


def test_a_service_with_no_phone_and_no_opening_times_is_found(northfield: School):
    show_service(northfield, ServiceData(name="Quiet Corner", organization_name="Quiet Corner"))
    [finding] = check(northfield)
    assert (finding.code, finding.severity) == ("missing-required", "warning")
    assert finding.where == "Service: Quiet Corner"
    assert finding.message == "This service has no phone number and no opening times."
    assert finding.fix.startswith("Add a phone number, or the days and times it is open.")


def test_a_phone_or_opening_times_is_enough(northfield: School):
    from datetime import time

    from earlyhelp.directory.data import ScheduleData

    show_service(
        northfield,
        ServiceData(name="Phone Only", organization_name="A", phones=phones_of("+441134960300")),
    )
    hours = (ScheduleData("MO,TU", time(9), time(17)),)
    show_service(northfield, ServiceData(name="Hours Only", organization_name="B", schedules=hours))
    assert check(northfield) == []
