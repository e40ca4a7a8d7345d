"""The idle and absolute time limits, told apart by travelling in time."""

from datetime import timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone

from tests.signin import sign_in

SESSION = reverse("accounts:session")
SIGN_IN = reverse("accounts:sign-in")
SIGNED_OUT = "You were signed out because you were inactive for 15 minutes."


def test_fourteen_idle_minutes_are_fine_and_sixteen_sign_out(client, universe):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        sign_in(client, universe.ed)
        clock.shift(timedelta(minutes=14))
        assert client.get("/staff/").status_code == 200
        clock.shift(timedelta(minutes=14))  # 14 since the last page: still fine
        assert client.get("/staff/").status_code == 200
        clock.shift(timedelta(minutes=16))
        response = client.get("/staff/schools/northfield-primary/offer/")
        assert response["Location"].startswith(SIGN_IN)
        assert SIGNED_OUT in client.get(response["Location"]).content.decode()
        assert client.get("/staff/")["Location"].startswith(SIGN_IN)


def test_twelve_hours_end_the_session_however_busy(client, universe):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        sign_in(client, universe.ed)
        for _ in range(12 * 6 + 1):
            clock.shift(timedelta(minutes=10))
            if client.get("/staff/").status_code != 200:
                break
        else:
            raise AssertionError("still signed in after 12 hours")
        assert "signed in for 12 hours" in client.get(SIGN_IN).content.decode()


def test_the_warning_data_and_asking_how_long_is_left(client, universe):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        sign_in(client, universe.ed)
        page = client.get("/staff/").content.decode()
        assert 'data-idle-seconds="900"' in page and 'data-warning-seconds="120"' in page
        assert "signed out if you do nothing in the staff area for 15 minutes" in page
        clock.shift(timedelta(minutes=13))
        status = client.get(SESSION, headers={"accept": "application/json"}).json()
        assert status == {"secondsLeft": 120, "warningBefore": 120}
        clock.shift(timedelta(minutes=1))  # asking did not count as activity
        assert client.get(SESSION).json()["secondsLeft"] == 60
        stayed = client.post(SESSION, headers={"accept": "application/json"}).json()
        assert stayed["secondsLeft"] == 900
        clock.shift(timedelta(minutes=14))
        assert client.get("/staff/").status_code == 200


def test_stay_signed_in_works_without_javascript(client, universe):
    sign_in(client, universe.ed)
    response = client.post(SESSION, {"next": "/staff/schools/northfield-primary/offer/"})
    assert response["Location"] == "/staff/schools/northfield-primary/offer/"


def test_the_limits_hold_on_a_public_page_too(client, universe):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        sign_in(client, universe.ed)
        clock.shift(timedelta(minutes=16))
        assert client.get("/schools/").status_code == 200  # a public page: ends the session
        clock.shift(timedelta(minutes=1))
        response = client.get("/staff/")
        assert response["Location"].startswith(SIGN_IN)
        assert SIGNED_OUT in client.get(response["Location"]).content.decode()


def test_a_public_page_without_a_session_cookie_reads_no_session(client, universe):
    response = client.get("/schools/northfield-primary/")

    assert response.status_code == 200
    assert "Cookie" not in response.get("Vary", "")  # the session was never read
    assert not response.cookies
