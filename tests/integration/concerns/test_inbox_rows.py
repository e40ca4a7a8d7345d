"""The inbox: new concerns in order of urgency, counted when the page shows only some."""

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from earlyhelp.concerns.models import Concern
from earlyhelp.concerns.views import lists
from tests.concerns_universe import add_roll, log, signed_in

INBOX = "/staff/schools/northfield-primary/concerns/inbox/"


def test_a_full_inbox_counts_the_new_concerns_it_does_not_show(client, universe, monkeypatch):
    roll = add_roll(universe)
    monkeypatch.setattr(lists, "INBOX_NEW_SHOWN", 2)
    concerns = [log(universe.tom, roll.amy) for _ in range(2)]
    signed_in(client, universe.dee)
    html = client.get(INBOX).content.decode()
    assert "new concerns." not in html
    for concern in concerns:
        assert f'href="/staff/schools/northfield-primary/concerns/{concern.pk}/"' in html
    log(universe.tom, roll.ben)
    html = client.get(INBOX).content.decode()
    assert "Showing the 2 most urgent of 3 new concerns." in html


def test_immediate_risk_first_then_pattern_alerts_then_oldest(client, universe):
    roll = add_roll(universe)

    def logged(at, by, pupil):
        with time_machine.travel(at, tick=False):
            return log(by, pupil)

    oldest = logged("2026-11-02 09:00Z", universe.tom, roll.amy)
    first_of_pattern = logged("2026-11-03 09:00Z", universe.tom, roll.ben)
    second_of_pattern = logged("2026-11-04 09:00Z", universe.ed, roll.ben)
    urgent = logged("2026-11-05 09:00Z", universe.tom, roll.cara)
    Concern.objects.filter(pk=urgent.pk).update(immediate_risk=True)
    signed_in(client, universe.dee)
    with time_machine.travel("2026-11-06 09:00Z", tick=False):
        html = client.get(INBOX).content.decode()
    order = [urgent, first_of_pattern, second_of_pattern, oldest]
    places = [
        html.index(f'href="/staff/schools/northfield-primary/concerns/{c.pk}/"') for c in order
    ]
    assert places == sorted(places)
    assert html.count("Pattern alert</strong>") == 2
    only_decided = client.get(INBOX, {"status": "triaged"}).content.decode()
    assert f"/concerns/{oldest.pk}/" not in only_decided


def test_the_inbox_query_count_does_not_grow(client, universe):
    roll = add_roll(universe)
    log(universe.tom, roll.amy)
    signed_in(client, universe.dee)
    client.get(INBOX)
    with CaptureQueriesContext(connection) as one:
        client.get(INBOX)
    for pupil in (roll.ben, roll.cara, roll.amy):
        log(universe.ed, pupil)
    with CaptureQueriesContext(connection) as four:
        client.get(INBOX)
    assert len(four.captured_queries) == len(one.captured_queries)


def test_the_dsl_home_counts_immediate_risk_new_and_overdue(client, universe):
    roll = add_roll(universe)
    with time_machine.travel("2026-11-02 09:00Z", tick=False):
        log(universe.tom, roll.amy)
    with time_machine.travel("2026-11-05 08:00Z", tick=False):
        urgent = log(universe.tom, roll.ben)
        log(universe.tom, roll.cara)
    Concern.objects.filter(pk=urgent.pk).update(immediate_risk=True)
    with time_machine.travel("2026-11-05 09:00Z", tick=False):
        signed_in(client, universe.dee)
        home = " ".join(client.get("/staff/").content.decode().split())
        signed_in(client, universe.tom)
        teacher = client.get("/staff/").content.decode()
    assert "1 immediate risk</strong>, 3 new, <strong>1 overdue</strong>" in home
    assert "immediate risk" not in teacher
