"""The local authority officer: counts without names; a child only after a step-up."""

import pytest
from django.urls import reverse

from earlyhelp.casework.actions.episodes import step_up
from tests.early_help_universe import add_pupil, assessed, open_with_consent, sign_in

pytestmark = pytest.mark.django_db
ADDRESS = reverse("casework_la:overview", args=["testshire"])


def test_counts_by_school_and_level_without_names(client, universe, children):
    open_with_consent(children.ava, universe.dee)
    open_with_consent(children.ben, universe.dee)
    open_with_consent(children.cai, universe.sam)
    sign_in(client, universe.lara)
    page = client.get(ADDRESS).content.decode()
    assert "Northfield Primary" in page and "Southbank Academy" in page
    assert "Ava" not in page and "Ben" not in page and "Cai" not in page
    # Northfield's two children at level 2, labelled by their level when the rows stack.
    assert 'data-label="Level 2: additional needs">2</td>' in page


def test_a_child_appears_and_opens_only_after_a_step_up(client, universe, children):
    episode = assessed(children.ava, universe.dee)
    overview = reverse("children:overview", args=["northfield-primary", children.ava.pk])
    sign_in(client, universe.lara)
    assert client.get(overview).status_code == 404
    step_up(episode=episode, summary="Marks seen.", by=universe.dee)
    page = client.get(ADDRESS).content.decode()
    assert "Ava Stone" in page and overview in page
    assert client.get(overview).status_code == 200
    ben = reverse("children:overview", args=["northfield-primary", children.ben.pk])
    assert client.get(ben).status_code == 404


def test_only_the_authoritys_officers(client, universe):
    assert client.get(ADDRESS).status_code == 302
    sign_in(client, universe.dee)
    assert client.get(ADDRESS).status_code == 404
    sign_in(client, universe.lara)
    assert client.get(reverse("casework_la:overview", args=["nowhere"])).status_code == 404


def test_counts_page_without_n_plus_1(client, universe, django_assert_max_num_queries):
    for n in range(5):
        pupil = add_pupil(universe.northfield, f"Kid{n}", "Test", 40 + n)
        step_up(episode=assessed(pupil, universe.dee), summary="x", by=universe.dee)
    sign_in(client, universe.lara)
    # 10, plus the audit event of the read (savepoint, chain lock on PostgreSQL, last hash,
    # insert)
    with django_assert_max_num_queries(14):
        page = client.get(ADDRESS)
    assert page.content.decode().count("Test</a>") == 5


def test_the_officer_is_not_offered_the_schools_access_list(client, universe, children):
    step_up(episode=assessed(children.ava, universe.dee), summary="Marks seen.", by=universe.dee)
    overview = reverse("children:overview", args=["northfield-primary", children.ava.pk])
    who = reverse("children:who-looked", args=["northfield-primary", children.ava.pk])
    sign_in(client, universe.lara)
    assert who not in client.get(overview).content.decode()
    assert client.get(who).status_code == 404  # the safeguarding team's alone
    sign_in(client, universe.dee)
    assert who in client.get(overview).content.decode()


def test_the_officer_goes_back_to_the_referrals_not_the_schools_list(client, universe, children):
    step_up(episode=assessed(children.ava, universe.dee), summary="Marks seen.", by=universe.dee)
    school_list = reverse("children:list", args=["northfield-primary"])
    for page in ("overview", "chronology"):
        address = reverse(f"children:{page}", args=["northfield-primary", children.ava.pk])
        sign_in(client, universe.lara)
        html = client.get(address).content.decode()
        assert f'href="{ADDRESS}" class="govuk-back-link"' in html
        assert f'href="{school_list}"' not in html
        assert client.get(ADDRESS).status_code == 200
        sign_in(client, universe.dee)
        html = client.get(address).content.decode()
        assert f'href="{school_list}" class="govuk-back-link">Children<' in html
