"""The editor's forms: what they accept, how they word refusals, what they hand to actions."""

from datetime import time
from decimal import Decimal

import pytest

from earlyhelp.directory.data import PhoneData, ScheduleData
from earlyhelp.offers.forms import (
    KeyPersonForm,
    ProvisionForm,
    PublishForm,
    TimeTextField,
    level_choices,
)

HEADINGS = {1: "Everyone", 2: "Need a bit of help?", 3: "If we can't help", 4: "Specialist support"}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("8:00", time(8, 0)),
        ("08:30", time(8, 30)),
        ("15.30", time(15, 30)),
        ("8am", time(8, 0)),
        ("3:30pm", time(15, 30)),
        ("12pm", time(12, 0)),
        ("12am", time(0, 0)),
        (" 9 ", time(9, 0)),
        ("", None),
    ],
)
def test_times_as_people_write_them(typed, expected):
    assert TimeTextField(label="Opening time").clean(typed) == expected


@pytest.mark.parametrize("typed", ["noon", "25:00", "8:75", "13pm", "8:5"])
def test_times_that_are_not_times(typed):
    field = TimeTextField(label="Opening time")
    with pytest.raises(Exception, match="opening time"):
        field.clean(typed)


def test_level_choices_use_the_schools_words_and_the_councils():
    assert level_choices(HEADINGS)[1] == (2, "Need a bit of help? (level 2: additional needs)")


def provision(**changes):
    data = {
        "name": "ELSA",
        "topics": ["mental-health"],
        "levels": ["3", "2"],
        "minimum_age": "",
        "maximum_age": "",
        "free": "",
    }
    return ProvisionForm({**data, **changes}, headings=HEADINGS)


def test_a_minimal_provision_is_valid_and_shown_under_its_lowest_level():
    form = provision()
    assert form.is_valid(), form.errors
    assert form.first_level() == 2
    data = form.service_data(organization_name="Northfield Primary")
    assert (data.name, data.organization_name, data.levels) == (
        "ELSA",
        "Northfield Primary",
        (2, 3),
    )
    assert data.free is None and data.phones == () and data.schedules == ()


def test_provision_ages_are_decimals_in_order():
    form = provision(minimum_age="4.5", maximum_age="11")
    assert form.is_valid()
    assert form.cleaned_data["minimum_age"] == Decimal("4.5")
    refused = provision(minimum_age="four", maximum_age="-1")
    assert not refused.is_valid()
    assert refused.errors["minimum_age"] == ["Enter the youngest age as a number, like 4 or 4.5"]
    assert refused.errors["maximum_age"] == ["The oldest age must be 0 or more"]


def test_provision_needs_a_name_a_topic_and_a_level():
    form = provision(name="", topics=[], levels=[])
    assert not form.is_valid()
    assert form.errors["name"] == ["Enter the name of the support"]
    assert form.errors["topics"] == ["Select at least one topic"]
    assert form.errors["levels"] == ["Select at least one level of need"]


def test_opening_times_need_days_and_both_times():
    assert provision(days=["MO"], opens_at="9:00").errors["closes_at"] == ["Enter the closing time"]
    assert provision(opens_at="9:00", closes_at="10:00").errors["days"] == [
        "Select the days it is open"
    ]
    form = provision(days=["FR", "MO"], opens_at="8am", closes_at="8:45", opening_note="Term time")
    assert form.is_valid()
    data = form.service_data(organization_name="Northfield Primary")
    assert data.schedules == (ScheduleData("MO,FR", time(8, 0), time(8, 45), "Term time"),)


def test_phones_and_addresses_are_normalised():
    form = provision(
        phone="0113 496 0555",
        phone_2="+44 20 7946 0000",
        email="Office@Example.ORG",
        url="example.org",
    )
    assert form.is_valid(), form.errors
    data = form.service_data(organization_name="Northfield Primary")
    assert data.phones == (PhoneData("+441134960555"), PhoneData("+442079460000"))
    assert data.email == "office@example.org"
    assert data.url == "https://example.org"


def test_free_or_not():
    def free(answer):
        form = provision(free=answer)
        assert form.is_valid()
        return form.service_data(organization_name="x").free

    assert (free("yes"), free("no"), free("")) == (True, False, None)


def test_key_person_form_words_errors_the_govuk_way():
    form = KeyPersonForm({"name": "", "roles": ["dsl", "wizard"], "phone": "0113", "email": "a@"})
    assert not form.is_valid()
    assert form.errors["name"] == ["Enter the person’s full name"]
    assert "Select a valid choice" in form.errors["roles"][0]
    assert str(form.errors["phone"][0]).startswith("Enter a phone number, like 01905 822666")
    assert form.errors["email"] == [
        "Enter an email address in the correct format, like name@example.com"
    ]


def test_review_date_must_be_in_the_next_two_years():
    too_late = PublishForm({"review_due_0": "1", "review_due_1": "1", "review_due_2": "2999"})
    assert too_late.errors["review_due"] == ["The next review date must be within the next 2 years"]
