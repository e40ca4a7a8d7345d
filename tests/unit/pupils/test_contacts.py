"""Reading a roll export's family contacts: numbered columns, phones in E.164, priority order."""

import pytest

from earlyhelp.lib.csvfile import read_csv
from earlyhelp.pupils.roll import RollFileError, read_roll
from earlyhelp.pupils.upn import make_upn

UPN1 = make_upn("820200100001")
SIMS = (
    "UPN,Legal Surname,Legal Forename,DOB,Year,"
    "Contact 1 Name,Contact 1 Relationship,Contact 1 Telephone,Contact 1 Email,Contact 1 Priority,"
    "Contact 2 Name,Contact 2 Relationship,Contact 2 Telephone,Contact 2 Email,Contact 2 Priority\n"
)


def rows(text):
    return read_roll(read_csv(text.encode()))


def sims(
    first="Jo Bell,Mother,01632 960001,jo.bell@example.org,2",
    second="Sam Bell,Father,07700 900123,,1",
):
    return SIMS + f"{UPN1},Bell,Amelia,27/03/2016,5,{first},{second}\n"


def test_contacts_come_in_priority_order_with_phones_in_e164():
    (amy,) = rows(sims())
    assert amy.contacts is not None
    assert [(c.name, c.relationship, c.phone, c.email, c.priority) for c in amy.contacts] == [
        ("Sam Bell", "Father", "+447700900123", "", 1),
        ("Jo Bell", "Mother", "+441632960001", "jo.bell@example.org", 2),
    ]


def test_an_empty_contact_slot_is_skipped_and_a_missing_priority_is_the_number():
    text = sims(second=",,,,").replace("jo.bell@example.org,2", "jo.bell@example.org,")
    (amy,) = rows(text)
    assert [(c.name, c.priority) for c in amy.contacts or ()] == [("Jo Bell", 1)]


def test_a_file_without_contact_columns_leaves_contacts_alone():
    text = f"UPN,Legal Surname,Legal Forename,DOB,Year\n{UPN1},Bell,Amelia,27/03/2016,5\n"
    (amy,) = rows(text)
    assert amy.contacts is None
    assert "contacts" not in amy.values()


def test_arbor_guardian_columns_are_read():
    text = (
        "UPN,Legal First Name,Legal Last Name,Date of Birth,Year,Guardian 1 Name,"
        "Guardian 1 Relationship,Guardian 1 Mobile Number,Guardian 1 Email Address\n"
        f"{UPN1},Amelia,Bell,2016-03-27,5,Kim Bell,Carer,+44 7700 900001,kim@example.org\n"
    )
    (amy,) = rows(text)
    assert [(c.name, c.phone) for c in amy.contacts or ()] == [("Kim Bell", "+447700900001")]


@pytest.mark.parametrize(
    ("first", "message"),
    [
        ("Jo Bell,Mother,call me,,1", "column 'Contact 1 Telephone': enter a phone number"),
        ("Jo Bell,Mother,999,,1", "column 'Contact 1 Telephone': enter a phone number"),
        ("Jo Bell,Mother,,not-an-email,1", "column 'Contact 1 Email': enter an email address"),
        ("Jo Bell,Mother,,,first", "column 'Contact 1 Priority': enter a priority from 1"),
        (",Mother,01632 960001,,1", "column 'Contact 1 Name': enter the name of contact 1"),
    ],
)
def test_a_bad_contact_cell_names_its_line_and_column(first, message):
    with pytest.raises(RollFileError) as error:
        rows(sims(first=first))
    assert len(error.value.messages) == 1
    assert error.value.messages[0].startswith(f"Line 2, {message}")
