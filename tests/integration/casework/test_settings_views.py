"""The casework settings page: term dates and the review interval, for the safeguarding
team only."""

from datetime import date

import pytest
from django.urls import reverse

from earlyhelp.casework.actions.terms import set_term
from earlyhelp.casework.models import CaseworkSettings, SchoolTerm
from tests.signin import sign_in

pytestmark = pytest.mark.django_db
SETTINGS = reverse("casework:settings", args=["northfield-primary"])
ADD = reverse("casework:term-add", args=["northfield-primary"])


def term_data(name, starts, ends):
    return {
        "name": name,
        **{f"starts_on_{i}": v for i, v in enumerate(starts)},
        **{f"ends_on_{i}": v for i, v in enumerate(ends)},
    }


def autumn(universe):
    return set_term(
        school=universe.northfield,
        name="Autumn 2026",
        starts_on=date(2026, 9, 3),
        ends_on=date(2026, 12, 18),
        by=universe.dee,
    )


def test_anonymous_people_are_sent_to_sign_in(client):
    response = client.get(SETTINGS)
    assert response.status_code == 302 and "sign-in" in response["Location"]


def test_another_schools_dsl_finds_nothing(client, universe):
    term = autumn(universe)
    sign_in(client, universe.sam)
    assert client.get(SETTINGS).status_code == 404
    change = reverse("casework:term-change", args=["northfield-primary", term.pk])
    assert client.post(change, term_data("Hacked", (1, 9, 2026), (2, 9, 2026))).status_code == 404
    assert SchoolTerm.objects.get().name == "Autumn 2026"


def test_a_teacher_is_refused(client, universe):
    sign_in(client, universe.tom)
    assert client.get(SETTINGS).status_code == 403
    assert client.post(ADD, term_data("Autumn", (3, 9, 2026), (18, 12, 2026))).status_code == 403
    assert not SchoolTerm.objects.exists()


def test_the_staff_home_links_the_dsl_to_the_settings(client, universe):
    sign_in(client, universe.dee)
    assert SETTINGS in client.get("/staff/").content.decode()
    sign_in(client, universe.tom)
    assert SETTINGS not in client.get("/staff/").content.decode()


def test_the_dsl_adds_changes_and_removes_a_term(client, universe):
    sign_in(client, universe.dee)
    assert "No term dates yet" in client.get(SETTINGS).content.decode()
    response = client.post(ADD, term_data("Autumn 2026", (3, 9, 2026), (18, 12, 2026)))
    assert response.status_code == 302 and response["Location"] == SETTINGS
    page = client.get(SETTINGS).content.decode()
    assert "Autumn 2026 is saved." in page and "18 December 2026" in page

    term = SchoolTerm.objects.get(school=universe.northfield)
    change = reverse("casework:term-change", args=["northfield-primary", term.pk])
    assert 'value="2026"' in client.get(change).content.decode()
    client.post(change, term_data("Autumn 2026", (2, 9, 2026), (17, 12, 2026)))
    term.refresh_from_db()
    assert (term.starts_on, term.ends_on) == (date(2026, 9, 2), date(2026, 12, 17))

    remove = reverse("casework:term-remove", args=["northfield-primary", term.pk])
    assert "Remove Autumn 2026?" in client.get(remove).content.decode()
    assert client.post(remove).status_code == 302
    assert not SchoolTerm.objects.exists()
    assert "Autumn 2026 is removed." in client.get(SETTINGS).content.decode()


def test_bad_dates_show_an_error_summary(client, universe):
    sign_in(client, universe.dee)
    page = client.post(ADD, term_data("", (31, 2, 2026), (18, 12, ""))).content.decode()
    assert "govuk-error-summary" in page and page.count("<title>Error: ") == 1
    assert "Enter the name of the term" in page
    assert "The first day of term must be a real date" in page
    assert "The last day of term must include a day, month and year" in page
    assert 'href="#id_starts_on_0"' in page
    backwards = client.post(ADD, term_data("Autumn", (18, 12, 2026), (3, 9, 2026)))
    assert "The last day of term must be after the first day of term" in backwards.content.decode()
    assert not SchoolTerm.objects.exists()


def test_an_overlapping_term_is_refused(client, universe):
    autumn(universe)
    sign_in(client, universe.dee)
    page = client.post(ADD, term_data("Spring 2027", (1, 12, 2026), (26, 3, 2027)))
    text = page.content.decode()
    assert page.status_code == 200 and "govuk-error-summary" in text
    assert "The dates overlap Autumn 2026 (3 September 2026 to 18 December 2026)" in text
    assert SchoolTerm.objects.count() == 1


def test_the_review_interval_is_set_between_6_and_12_weeks(client, universe):
    sign_in(client, universe.dee)
    assert 'value="6"' in client.get(SETTINGS).content.decode()
    for wrong in ("13", "five", ""):
        page = client.post(SETTINGS, {"weeks": wrong}).content.decode()
        assert "Enter a number of weeks between 6 and 12" in page and "govuk-error-summary" in page
    assert not CaseworkSettings.objects.exists()
    assert client.post(SETTINGS, {"weeks": "8"}).status_code == 302
    assert CaseworkSettings.objects.get(school=universe.northfield).review_interval_weeks == 8
    assert "due every 8 weeks" in client.get(SETTINGS).content.decode()


def test_the_settings_page_without_n_plus_1(client, universe, django_assert_max_num_queries):
    for n in range(6):
        set_term(
            school=universe.northfield,
            name=f"Term {n}",
            starts_on=date(2026 + n, 9, 3),
            ends_on=date(2026 + n, 12, 18),
            by=universe.dee,
        )
    sign_in(client, universe.dee)
    client.get(SETTINGS)
    with django_assert_max_num_queries(12):
        page = client.get(SETTINGS).content.decode()
    assert page.count("Change<span") == 6


def test_a_stale_term_or_interval_save_is_refused_with_both_versions(client, universe):
    from tests.integration.editor.test_concurrent_edits import STALE, version

    term = autumn(universe)
    sign_in(client, universe.dee)
    change = reverse("casework:term-change", args=["northfield-primary", term.pk])
    base = version(client.get(change).content.decode())
    theirs = term_data("Autumn term", (2, 9, 2026), (18, 12, 2026))
    assert client.post(change, {**theirs, "base_version": base}).status_code == 302
    mine = term_data("Mine", (4, 9, 2026), (18, 12, 2026))
    page = client.post(change, {**mine, "base_version": base}).content.decode()
    assert STALE in page and "Autumn term" in page and 'value="Mine"' in page
    assert SchoolTerm.objects.get().name == "Autumn term"

    assert client.post(SETTINGS, {"weeks": "7"}).status_code == 302
    base = version(client.get(SETTINGS).content.decode())
    assert client.post(SETTINGS, {"weeks": "8", "base_version": base}).status_code == 302
    page = client.post(SETTINGS, {"weeks": "10", "base_version": base}).content.decode()
    assert STALE in page
    assert CaseworkSettings.objects.get().review_interval_weeks == 8
