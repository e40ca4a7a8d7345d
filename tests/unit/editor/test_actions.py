"""Actions the editor adds: own provision, ordering people, review reminders."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from earlyhelp.audit.models import AuditEvent
from earlyhelp.directory.data import ServiceData
from earlyhelp.directory.models import Service, ServiceStatus
from earlyhelp.lib.errors import ActionError, WrongStateError
from earlyhelp.offers.actions.editing import (
    add_own_provision,
    delete_own_provision,
    remove_entry,
    update_own_provision,
)
from earlyhelp.offers.actions.reminders import list_reminder_recipients, send_review_reminder
from earlyhelp.offers.models import Offer
from earlyhelp.schools.actions import PersonDetails, add_key_person, move_key_person
from earlyhelp.schools.models import KeyPerson


def offer_of(school) -> Offer:
    return Offer.objects.select_related("school").get(school=school)


def due_of(offer: Offer) -> date:
    assert offer.review_due is not None
    return offer.review_due


def test_new_provision_is_inactive_and_in_the_draft(universe):
    offer = offer_of(universe.northfield)
    entry = add_own_provision(
        by=universe.ed,
        offer=offer,
        data=ServiceData(name="ELSA", organization_name="Northfield Primary", status="active"),
        level=2,
    )
    assert entry.service.status == ServiceStatus.INACTIVE  # whatever the data said
    assert entry.service.owner_school == universe.northfield
    assert (entry.level, entry.offer) == (2, offer)
    assert AuditEvent.objects.filter(
        action="service.created", object_id=str(entry.service.pk)
    ).exists()


def test_updating_provision_keeps_its_status(universe):
    club = universe.breakfast_club
    update_own_provision(
        by=universe.ed,
        offer=offer_of(universe.northfield),
        service=club,
        data=ServiceData(
            name="Breakfast club", organization_name="Northfield Primary", status="inactive"
        ),
    )
    club.refresh_from_db()
    assert club.status == ServiceStatus.ACTIVE


def test_provision_of_another_school_or_kind_is_refused(universe):
    southbank = offer_of(universe.southbank)
    data = ServiceData(name="x", organization_name="y")
    with pytest.raises(ActionError):
        update_own_provision(by=None, offer=southbank, service=universe.breakfast_club, data=data)
    with pytest.raises(ActionError):
        delete_own_provision(
            by=None, offer=offer_of(universe.northfield), service=universe.samaritans
        )


def test_delete_provision_only_once_it_is_out_of_the_draft_and_the_published_offer(universe):
    offer = offer_of(universe.northfield)
    club = universe.breakfast_club
    with pytest.raises(WrongStateError, match="Remove Breakfast club from your Offer"):
        delete_own_provision(by=None, offer=offer, service=club)
    remove_entry(by=None, entry=offer.entries.get(service=club))
    with pytest.raises(WrongStateError, match="on your published Offer"):
        delete_own_provision(by=None, offer=offer, service=club)
    Service.objects.filter(pk=club.pk).update(status=ServiceStatus.INACTIVE)
    club.refresh_from_db()
    delete_own_provision(by=universe.ed, offer=offer, service=club)
    assert not Service.objects.filter(pk=club.pk).exists()
    event = AuditEvent.objects.get(action="service.deleted")
    assert event.details["service"] == "Breakfast club"


def test_move_key_person_swaps_neighbours_and_records_it(universe):
    school = universe.northfield
    for name in ("Bea", "Cal"):
        add_key_person(by=None, school=school, details=PersonDetails(name=name, roles=("other",)))
    cal = KeyPerson.objects.get(name="Cal")
    move_key_person(by=universe.ed, person=cal, direction="up")
    assert list(school.key_people.values_list("name", flat=True)) == ["Dee Lane", "Cal", "Bea"]
    move_key_person(by=universe.ed, person=cal, direction="up")
    move_key_person(by=universe.ed, person=cal, direction="up")  # first already: no change
    assert list(school.key_people.values_list("name", flat=True)) == ["Cal", "Dee Lane", "Bea"]
    assert AuditEvent.objects.filter(action="key_person.moved").count() == 2


def test_reminder_recipients_are_those_who_may_publish(universe):
    names = [u.username for u in list_reminder_recipients(universe.northfield)]
    assert names == ["ed", "dee"]  # by surname: Jones, Lane; not Tom


def test_a_reminder_twice_in_a_week_is_refused(universe, django_capture_on_commit_callbacks):
    offer = offer_of(universe.northfield)
    with django_capture_on_commit_callbacks(execute=True):
        send_review_reminder(by=None, offer=offer, today=due_of(offer))
    with pytest.raises(WrongStateError, match="less than a week ago"):
        send_review_reminder(by=None, offer=offer, today=due_of(offer))


def test_an_unpublished_offer_is_not_reminded(universe):
    with pytest.raises(WrongStateError, match="has not published"):
        send_review_reminder(
            by=None,
            offer=offer_of(universe.southbank),
            today=date(2099, 1, 1),
        )


@pytest.mark.parametrize("extension", ["20a", "ext 2", "2 4"])
def test_a_key_persons_extension_must_be_digits(universe, extension):
    details = PersonDetails(
        name="Ann Other", roles=("other",), phone="+441905123456", phone_extension=extension
    )
    with pytest.raises(ValidationError, match="Enter the extension in digits"):
        add_key_person(by=None, school=universe.northfield, details=details)
    assert not KeyPerson.objects.filter(name="Ann Other").exists()
