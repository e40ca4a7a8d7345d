"""Acceptance: a malformed phone, email or web address is refused, named, and nothing saved."""

import pytest

from earlyhelp.schools.models import KeyPerson
from tests.integration.editor.support import html, row_counts, url
from tests.integration.editor.test_people import person_form
from tests.integration.editor.test_provision import provision_form

PHONE = "Enter a phone number, like 01905 822666"
EMAIL = "Enter an email address in the correct format, like name@example.com"
WEB = "Enter a web address in the correct format, like https://www.example.org"


def assert_refused(response, *messages: str) -> None:
    page = html(response)
    assert response.status_code == 200
    assert "govuk-error-summary" in page and "There is a problem" in page
    assert "<title>Error:" in page
    for message in messages:
        assert message in page


@pytest.mark.parametrize(
    ("field", "value", "message", "anchor"),
    [
        ("phone", "01905 82266", PHONE, "#id_phone"),
        ("phone", "call the office", PHONE, "#id_phone"),
        ("phone_2", "0113 496 01234567", PHONE, "#id_phone_2"),
        ("email", "listening@", EMAIL, "#id_email"),
        ("email", "not an email", EMAIL, "#id_email"),
        ("url", "not a web address", WEB, "#id_url"),
        ("url", "https://", WEB, "#id_url"),
    ],
)
def test_provision_form_refuses_bad_contact_details(ed, universe, field, value, message, anchor):
    before = row_counts()
    response = ed.post(url("provision-add"), provision_form(**{field: value}))
    assert_refused(response, message)
    assert f'href="{anchor}"' in html(response)  # the summary links to the field
    assert row_counts() == before


def test_changing_provision_with_bad_input_changes_nothing(ed, universe):
    club = universe.breakfast_club
    before = row_counts()
    response = ed.post(
        url("provision", club.pk),
        provision_form(name="Renamed club", phone="12", email="x@", url="http://"),
    )
    assert_refused(response, PHONE, EMAIL, WEB)
    club.refresh_from_db()
    assert club.name == "Breakfast club"
    assert row_counts() == before


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("phone", "0113 496", PHONE), ("email", "dee at northfield", EMAIL)],
)
def test_key_person_form_refuses_bad_contact_details(ed, universe, field, value, message):
    dee = KeyPerson.objects.get(name="Dee Lane")
    before = row_counts()
    for target in (url("person-add"), url("person", dee.pk)):
        response = ed.post(target, person_form(**{field: value}))
        assert_refused(response, message)
    dee.refresh_from_db()
    assert (dee.name, dee.phone) == ("Dee Lane", "+441134960100")
    assert row_counts() == before


def test_a_bad_review_date_publishes_nothing(ed, universe):
    before = row_counts()
    for day, month, year, message in [
        ("31", "2", "2030", "The next review date must be a real date"),
        ("1", "1", "2001", "The next review date must be in the future"),
        ("", "", "", "Enter the next review date"),
        ("1", "", "2030", "must include a day, month and year"),
    ]:
        response = ed.post(
            url("publish"), {"review_due_0": day, "review_due_1": month, "review_due_2": year}
        )
        assert_refused(response, message)
        assert 'href="#id_review_due_0"' in html(response)
    assert row_counts() == before
