"""Today's first-day calls show each family's contacts from the roll, in calling order."""

import pytest
import time_machine

from earlyhelp.accounts.actions import grant_role
from earlyhelp.accounts.roles import Role
from earlyhelp.lib.csvfile import read_csv
from earlyhelp.pupils.actions import import_roll
from earlyhelp.pupils.roll import read_roll
from tests.concerns_universe import add_roll, signed_in
from tests.integration.attendance.test_pages import OVERVIEW, TODAY, register, upload
from tests.universe import make_user


@pytest.fixture
def roll(universe):
    return add_roll(universe)


@pytest.fixture
def officer(universe):
    user = make_user("olive", "Olive", "Marsh")
    grant_role(by=None, user=user, role=Role.ATTENDANCE_OFFICER, school=universe.northfield)
    return user


def give_contacts(universe, roll):
    text = (
        "UPN,Legal Surname,Legal Forename,DOB,Year,Contact 1 Name,Contact 1 Relationship,"
        "Contact 1 Telephone,Contact 1 Email,Contact 1 Priority,Contact 2 Name,"
        "Contact 2 Relationship,Contact 2 Telephone,Contact 2 Priority\n"
        f"{roll.ben.upn},Cross,Ben,01/09/2015,5,Jo Cross,Mother,01632 960001,"
        "jo.cross@example.org,2,Sam Cross,Grandparent,07700 900123,1\n"
        f"{roll.amy.upn},Bell,Amy,01/09/2015,5,,,,,,,,,\n"
    )
    import_roll(school=universe.northfield, rows=read_roll(read_csv(text.encode())), by=None)


@time_machine.travel(TODAY, tick=False)
def test_each_call_lists_the_contacts_in_priority_order_as_links(client, universe, roll, officer):
    give_contacts(universe, roll)
    signed_in(client, officer)
    upload(client, register(roll, amy_am="-", ben_am="N"))
    html = client.get(OVERVIEW).content.decode()
    ben = html[html.index(f'id="call-{roll.ben.pk}"') :]
    sam, jo = ben.index("Sam Cross (Grandparent)"), ben.index("Jo Cross (Mother)")
    assert sam < jo
    assert '<a class="govuk-link" href="tel:+447700900123">07700 900123</a>' in ben
    assert '<a class="govuk-link" href="tel:+441632960001">01632 960001</a>' in ben
    assert '<a class="govuk-link" href="mailto:jo.cross@example.org">' in ben
    amy = html[html.index(f'id="call-{roll.amy.pk}"') :]
    assert amy.index("No family contact on the roll") < amy.index("Not called yet")
