"""The Offer as a whole: what must be there, dates, guidance, repeats and other areas' services."""

from datetime import timedelta

from earlyhelp.directory.actions import create_service
from earlyhelp.directory.data import ServiceData
from earlyhelp.directory.models import Scope
from earlyhelp.offers.actions.editing import add_entry, update_offer_text
from earlyhelp.offers.models import Offer
from earlyhelp.schools.actions import PersonDetails, add_key_person, create_local_authority
from earlyhelp.schools.models import LocalAuthority, School
from tests.unit.health.support import add_deputy, check, codes, phones_of, show_service


def test_an_offer_naming_nobody_misses_the_dsl_and_a_deputy(universe):
    findings = check(universe.southbank)
    assert codes(findings) == ["missing-required", "missing-required"]
    dsl, deputy = findings
    assert "does not name a Designated Safeguarding Lead" in dsl.message
    assert deputy.fix.startswith("Add a deputy DSL")
    assert dsl.link == deputy.link == "/staff/schools/southbank-academy/offer/people/add/"
    assert all("999" not in f.message for f in findings)  # the emergency panel always shows it


def test_a_dsl_without_a_phone_or_email_is_missing_a_contact(universe):
    school = universe.southbank
    person = add_key_person(
        by=None, school=school, details=PersonDetails(name="Sue Park", roles=("dsl",))
    )
    add_deputy(school)
    [finding] = check(school)
    assert finding.code == "missing-required"
    assert finding.message == "No phone number or email address is given for the DSL, Sue Park."
    assert finding.where == "Key people: Sue Park"
    assert finding.link == f"/staff/schools/southbank-academy/offer/people/{person.pk}/"


def test_a_council_without_a_front_door_number_is_reported(northfield: School):
    # The model requires the number; an older record without one is what this check is for.
    LocalAuthority.objects.filter(pk=northfield.local_authority_id).update(front_door_phone="")
    [finding] = check(northfield)
    assert finding.code == "missing-required"
    assert finding.where == "Local authority: Testshire"
    assert "no Family Front Door phone number" in finding.message


def test_the_review_is_overdue_the_day_after_its_date(northfield: School):
    due = Offer.objects.get(school=northfield).review_due
    assert due is not None
    assert check(northfield, today=due) == []
    [finding] = check(northfield, today=due + timedelta(days=1))
    assert (finding.code, finding.severity) == ("review-overdue", "warning")
    assert finding.message == f"Your Offer was due for review on {due.day} {due:%B %Y}."
    assert finding.link == "/staff/schools/northfield-primary/offer/publish/"


def test_an_older_edition_of_kcsie_is_outdated_and_the_current_one_is_not(northfield: School):
    update_offer_text(
        by=None,
        offer=northfield.offer,
        introduction="We follow Keeping Children Safe in Education 2025.",
        raising_concerns="As Keeping Children Safe in Education (September 2021) says, and "
        "KCSIE 2021 again.",
        attendance="",
    )
    [finding] = check(northfield)
    assert (finding.code, finding.where) == ("guidance-outdated", "Raising and handling concerns")
    assert finding.message == (
        "Cites Keeping Children Safe in Education 2021; the current edition is 2025."
    )
    assert finding.link.endswith("/offer/texts/#id_raising_concerns")


def test_the_same_organisations_service_twice_is_a_duplicate(northfield: School):
    data = ServiceData(
        name="Young Minds Matter",
        organization_name="Minds Together",
        phones=phones_of("+441134960999"),
    )
    show_service(northfield, data)
    second = show_service(northfield, data)
    [finding] = check(northfield)
    assert (finding.code, finding.where) == ("duplicate-section", "Service: Young Minds Matter")
    entry = northfield.offer.entries.get(service=second)
    assert finding.link == f"/staff/schools/northfield-primary/offer/entries/{entry.pk}/remove/"
    assert finding.link_text == "Remove"


def test_a_local_service_of_another_council_is_out_of_area(northfield: School):
    otherham = create_local_authority(
        by=None,
        name="Otherham",
        front_door_name="Front Door",
        front_door_phone="+441134960003",
        out_of_hours_phone="+441134960004",
    )
    service = create_service(
        by=None,
        scope=Scope.LOCAL,
        owner_local_authority=otherham,
        data=ServiceData(
            name="Otherham Young Carers",
            organization_name="Otherham Council",
            phones=phones_of("+441134960999"),
        ),
    )
    add_entry(by=None, offer=northfield.offer, service=service, level=2)
    [finding] = check(northfield)
    assert (finding.code, finding.severity) == ("out-of-area", "warning")
    assert "kept by Otherham" in finding.message
    assert "your school is in Testshire" in finding.message


def test_errors_come_before_warnings(universe):
    school = universe.southbank  # no DSL, no deputy: two warnings
    show_service(
        school,
        ServiceData(
            name="Old line",
            organization_name="Old",
            email="help@old.gsi.gov.uk",
            phones=phones_of("+441134960999"),
        ),
    )
    assert codes(check(school)) == ["domain-retired", "missing-required", "missing-required"]
