"""Bad input in casework gives a form error or a 404, never a 500 and never a stored record."""

from datetime import date

import pytest
from django.urls import reverse

from earlyhelp.casework.models import PlanAction
from tests.early_help_universe import assessed, sign_in

pytestmark = pytest.mark.django_db


def url(name, pupil, *args):
    return reverse(f"children:{name}", args=[pupil.school.slug, pupil.pk, *args])


def action(due: tuple[str, str, str]) -> dict[str, str]:
    day, month, year = due
    return {
        "need": "Food",
        "action": "Breakfast club",
        "who": "Dee",
        "due_on_0": day,
        "due_on_1": month,
        "due_on_2": year,
    }


@pytest.mark.parametrize(
    ("due", "error"),
    [
        (("1", "1", "99999999999999999999"), "must be a real date"),
        (("1", "1", "0001"), "must be on or after"),
        (("1", "1", "²026"), "must be a real date"),
        (("31", "12", "9999"), "must be on or before"),
        (("1", "1", "2031"), "must be on or before"),
        (("1", "1", "2020"), "must be on or after"),
    ],
)
def test_a_plan_action_date_must_be_within_two_years(client, universe, children, due, error):
    assessed(children.ava, universe.dee)
    sign_in(client, universe.dee)
    response = client.post(url("early-help-action-add", children.ava), action(due))
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not PlanAction.objects.exists()


def test_a_plan_action_date_within_two_years_is_saved(client, universe, children):
    assessed(children.ava, universe.dee)
    sign_in(client, universe.dee)
    response = client.post(url("early-help-action-add", children.ava), action(("1", "6", "2027")))
    assert response.status_code == 302
    assert PlanAction.objects.get().due_on == date(2027, 6, 1)


@pytest.mark.parametrize("pupil_id", ["²", "1" * 23, "99999999999999999999"])
def test_an_id_that_is_not_a_plain_integer_in_range_is_404(client, universe, children, pupil_id):
    sign_in(client, universe.dee)
    response = client.get(f"/staff/schools/northfield-primary/children/{pupil_id}/")
    assert response.status_code == 404


def test_ids_in_a_query_string_are_checked(client, universe, children):
    sign_in(client, universe.dee)
    base = "/staff/schools/northfield-primary/concerns/new/details/"
    response = client.get(base, {"chosen": f"²,{'9' * 23},{children.ava.pk}"})
    assert response.status_code in (200, 302)


def test_a_nul_in_a_query_string_is_a_bad_request(client, universe, children):
    sign_in(client, universe.dee)
    response = client.get("/staff/schools/northfield-primary/children/", {"q": "Av\x00a"})
    assert response.status_code == 400


@pytest.mark.parametrize("bound", ["9999-12-31", "0001-01-01", "31/12/9999"])
def test_chronology_ranges_are_bounded(client, universe, children, bound):
    sign_in(client, universe.dee)
    response = client.get(url("chronology", children.ava), {"start": "1/1/2026", "end": bound})
    assert response.status_code == 200
    assert "must be on or" in response.content.decode()


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "２０２６-12-01"])
def test_meeting_dates_far_from_today_are_404(client, universe, day):
    sign_in(client, universe.dee)
    address = reverse("casework:meeting", args=["northfield-primary", day])
    assert client.get(address).status_code == 404
