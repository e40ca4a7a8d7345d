"""First-day calls mark a child with an open concern or early help plan (issue 13)."""

from datetime import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from earlyhelp.casework.actions.episodes import open_episode
from earlyhelp.concerns.actions import ConcernDetails, Involved, log_concern, triage_concern
from earlyhelp.concerns.models import Outcome
from tests.concerns_universe import add_roll, signed_in

pytestmark = pytest.mark.django_db
OVERVIEW = "/staff/schools/northfield-primary/attendance/"
TODAY = "2026-03-10 09:30Z"
MARK = '<strong class="govuk-tag govuk-tag--red">Priority</strong>'


@pytest.fixture
def absent(universe):
    """Amy, Ben and Cara absent this morning with no reason."""
    roll = add_roll(universe)
    lines = ["upn,date,session,code"]
    lines += [f"{p.upn},2026-03-10,AM,N" for p in (roll.amy, roll.ben, roll.cara)]
    return roll, "\n".join(lines) + "\n"


def calls_page(client, text):
    client.post(f"{OVERVIEW}import/", {"file": SimpleUploadedFile("r.csv", text.encode())})
    return client.get(OVERVIEW).content.decode()


@time_machine.travel(TODAY, tick=False)
def test_known_children_are_marked_and_called_first(client, universe, absent):
    roll, text = absent
    concern = log_concern(
        school=universe.northfield,
        details=ConcernDetails(
            account="Bruise on arm.", occurred_at=datetime.fromisoformat("2026-03-09T10:00+00:00")
        ),
        pupils=[Involved(roll.cara)],
        by=universe.tom,
    ).concern
    open_episode(pupil=roll.ben, level=2, reason="Tired every morning.", by=universe.dee)
    signed_in(client, universe.dee)
    html = calls_page(client, text)
    assert "Still to do: 3" in html
    assert html.count(MARK) == 2
    assert html.count("Known to the safeguarding team") == 2
    order = [html.index(name) for name in ("Ben Cross", "Cara Dunn", "Amy Bell")]
    assert order == sorted(order)
    assert "Bruise" not in html and "Tired" not in html
    triage_concern(
        concern=concern, outcome=Outcome.NO_FURTHER_ACTION, reason="Fell in PE.", by=universe.dee
    )
    assert client.get(OVERVIEW).content.decode().count(MARK) == 1
