"""The child record pages: overview, chronology (filter, cap, PDF), who has looked."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from earlyhelp.audit.models import AuditEvent
from earlyhelp.casework.access import VIEWED
from earlyhelp.concerns.actions import triage_concern
from earlyhelp.concerns.models import Outcome
from earlyhelp.records.chronology import add_entry
from earlyhelp.records.models import EntryKind
from tests.concerns_universe import add_roll, log, signed_in


@pytest.fixture
def roll(universe):
    return add_roll(universe)


def url(pupil, page=""):
    return f"/staff/schools/{pupil.school.slug}/children/{pupil.pk}/{page}"


def views():
    return AuditEvent.objects.filter(action=VIEWED).count()


def many_entries(pupil, by, count):
    now = timezone.now()
    with transaction.atomic():
        for n in range(count):
            kind = EntryKind.NOTE if n % 2 else EntryKind.ACTION
            add_entry(
                pupil=pupil,
                kind=kind,
                summary=f"Entry {n}",
                by=by,
                occurred_at=now - timedelta(days=n),
            )


@pytest.mark.parametrize("page", ["", "chronology/", "chronology.pdf", "who-has-looked/"])
def test_anonymous_signs_in_and_others_get_404_without_a_view_recorded(
    client, universe, roll, page
):
    assert client.get(url(roll.amy, page)).status_code == 302
    for person in (universe.tom, universe.sam, universe.lara, universe.ed):
        signed_in(client, person)
        assert client.get(url(roll.amy, page)).status_code == 404
    wrong_school = f"/staff/schools/southbank-academy/children/{roll.amy.pk}/{page}"
    signed_in(client, universe.sam)
    assert client.get(wrong_school).status_code == 404
    assert views() == 0


def test_overview_shows_pupil_facts_and_latest_entries(client, universe, roll):
    log(universe.tom, roll.amy)
    signed_in(client, universe.dee)
    html = client.get(url(roll.amy)).content.decode()
    assert "Amy Bell" in html and "Year 5" in html and "SEN support" not in html
    assert "Concern logged by Tom Webb" in html
    assert views() == 1


def test_chronology_filters_by_kind_and_date_and_caps(client, universe, roll):
    many_entries(roll.amy, universe.dee, 130)
    signed_in(client, universe.dee)
    html = client.get(url(roll.amy, "chronology/")).content.decode()
    assert "Showing 100 of 130 entries" in html and "Show all" in html
    html = client.get(url(roll.amy, "chronology/"), {"all": "1"}).content.decode()
    assert html.count("Entry ") == 130
    html = client.get(url(roll.amy, "chronology/"), {"kind": "note"}).content.decode()
    assert "Entry 1<" in html and "Entry 2<" not in html
    start = (timezone.localdate() - timedelta(days=3)).strftime("%d/%m/%Y")
    html = client.get(url(roll.amy, "chronology/"), {"start": start}).content.decode()
    assert "Entry 3<" in html and "Entry 4<" not in html
    html = client.get(url(roll.amy, "chronology/"), {"start": "31/02/2026"}).content.decode()
    assert "Enter a real date" in html


def test_chronology_queries_do_not_grow(client, universe, roll, django_assert_max_num_queries):
    many_entries(roll.amy, universe.dee, 300)
    signed_in(client, universe.dee)
    with django_assert_max_num_queries(14):
        client.get(url(roll.amy, "chronology/"), {"all": "1"})


def test_chronology_pdf(client, universe, roll):
    concern = log(universe.tom, roll.amy)
    triage_concern(concern=concern, outcome=Outcome.MONITOR, reason="Watch.", by=universe.dee)
    signed_in(client, universe.dee)
    response = client.get(url(roll.amy, "chronology.pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert views() == 1


def test_who_has_looked_lists_the_views(client, universe, roll):
    signed_in(client, universe.dee)
    client.get(url(roll.amy))
    client.get(url(roll.amy, "chronology/"))
    html = client.get(url(roll.amy, "who-has-looked/")).content.decode()
    assert html.count("Dee Lane") >= 3
    assert "overview" in html and "chronology" in html and "who has looked" in html
    assert views() == 3


def test_children_list_shows_children_with_a_record(
    client, universe, roll, django_assert_max_num_queries
):
    log(universe.tom, roll.amy)
    log(universe.tom, roll.ben)
    signed_in(client, universe.dee)
    with django_assert_max_num_queries(10):
        html = client.get("/staff/schools/northfield-primary/children/").content.decode()
    assert "Amy Bell" in html and "Ben Cross" in html and "Cara Dunn" not in html
    assert (
        "Cara Dunn"
        in client.get("/staff/schools/northfield-primary/children/", {"q": "cara"}).content.decode()
    )
    assert views() == 0
    signed_in(client, universe.tom)
    assert client.get("/staff/schools/northfield-primary/children/").status_code == 403
