"""The editor's Health check page: a count, errors before warnings, fixes and Change links."""

import re

from django.test import Client

from earlyhelp.schools.models import School
from tests.integration.editor.support import html, url


def test_the_overview_links_to_the_health_check(ed: Client, clean: School):
    assert f'href="{url("health")}"' in html(ed.get(url("overview")))


def test_a_clean_offer_shows_no_problems_found(ed: Client, clean: School):
    page = html(ed.get(url("health")))
    assert "No problems found" in page
    assert "<table" not in page


def test_findings_are_counted_and_grouped_errors_first(ed: Client, troubled: School):
    page = html(ed.get(url("health")))
    assert "3 problems found:</strong> 1 error and 2 warnings." in page
    errors, warnings = page.index('id="errors"'), page.index('id="warnings"')
    assert errors < page.index("testshire.gcsx.gov.uk") < warnings
    assert warnings < page.index("0845 601 2345 is a chargeable number")
    assert "Find the organisation&#x27;s current address on its website" in page
    assert "Add a deputy DSL" in page


def test_a_fix_the_school_can_make_links_to_its_editor_page(ed: Client, troubled: School):
    page = html(ed.get(url("health")))
    add_person = url("person-add")
    assert re.search(
        rf'<a class="govuk-link" href="{add_person}">Add a person'
        r'<span class="govuk-visually-hidden">: Key people</span>',
        page,
    )


def test_the_page_has_one_h1_and_tables_with_headers(ed: Client, troubled: School):
    page = html(ed.get(url("health")))
    assert page.count("<h1") == 1
    tables = re.findall(r"<table.*?</table>", page, re.DOTALL)
    assert len(tables) == 2
    for table in tables:
        assert "<caption" in table
        assert table.count('<th scope="col"') == 4
        assert table.count('<th scope="row"') == table.count('<tr class="govuk-table__row">') - 1


def test_the_page_reads_the_offer_in_a_bounded_number_of_queries(
    ed: Client, troubled: School, django_assert_max_num_queries
):
    with django_assert_max_num_queries(20):
        assert ed.get(url("health")).status_code == 200
