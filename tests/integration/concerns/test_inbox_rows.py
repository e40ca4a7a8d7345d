"""The inbox says how many new concerns there are when it shows only the newest."""

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
    assert "Showing the 2 newest of 3 new concerns." in html
