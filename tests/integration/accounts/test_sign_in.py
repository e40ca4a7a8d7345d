"""Signing in: password, then the second factor; failures, lockouts and refusals logged."""

from django.test import Client
from django.urls import reverse

from earlyhelp.audit.models import AuditEvent
from tests.integration.accounts.support import last_event
from tests.signin import sign_in, totp_code, totp_device
from tests.universe import PASSWORD, Universe

SIGN_IN = reverse("accounts:sign-in")
CHALLENGE = reverse("accounts:two-factor-challenge")


def password(client: Client, username: str, secret: str = PASSWORD, address: str = "192.0.2.1"):
    return client.post(SIGN_IN, {"username": username, "password": secret}, REMOTE_ADDR=address)


def actions() -> list[str]:
    return list(AuditEvent.objects.order_by("id").values_list("action", flat=True))


def test_the_password_leads_to_the_challenge_and_the_code_to_the_page(client, universe):
    response = password(client, "ed")
    assert response["Location"].startswith(CHALLENGE)
    assert client.get(reverse("staff:home"))["Location"].startswith(CHALLENGE)
    code = totp_code(totp_device(universe.ed))
    response = client.post(CHALLENGE, {"code": code, "next": "/staff/"})
    assert response["Location"] == "/staff/"
    assert client.get("/staff/").status_code == 200
    assert actions()[-1] == "sign_in.succeeded"


def test_a_wrong_code_is_refused_and_logged(client, universe):
    password(client, "ed")
    response = client.post(CHALLENGE, {"code": "000000"})
    assert "Enter a correct code" in response.content.decode()
    assert client.get("/staff/").status_code == 302
    assert actions()[-1] == "sign_in.failed"


def test_a_wrong_password_is_logged_with_the_username_and_address(client, universe):
    password(client, "ed", "not the password")
    event = last_event()
    assert event.action == "sign_in.failed"
    assert event.details == {"username": "ed", "address": "192.0.2.1"}


def test_five_failures_lock_that_username_from_that_address_only(client, universe):
    for _ in range(5):
        password(client, "ed", "guess")
    assert "sign_in.locked" in actions()
    response = password(client, "ed")  # even the right password
    assert "You have tried to sign in too many times" in response.content.decode()
    assert password(Client(), "ed", address="198.51.100.7")["Location"].startswith(CHALLENGE)
    assert password(Client(), "tom")["Location"].startswith(CHALLENGE)


def test_one_address_guessing_many_usernames_is_locked_for_all(client, universe, settings):
    for n in range(50):
        password(client, f"nobody{n}", "guess", address="203.0.113.9")
    response = password(client, "tom", address="203.0.113.9")
    assert "You have tried to sign in too many times" in response.content.decode()
    assert password(Client(), "tom")["Location"].startswith(CHALLENGE)


def test_a_refused_permission_is_logged(client, universe: Universe):
    sign_in(client, universe.tom)  # a teacher: no Offer editing
    assert client.get("/staff/schools/northfield-primary/offer/").status_code == 403
    event = last_event()
    assert event.action == "permission.refused"
    assert event.actor_id == str(universe.tom.pk)
    assert event.details["answer"] == 403


def test_another_schools_page_is_logged_as_refused(client, universe: Universe):
    sign_in(client, universe.sam)
    assert client.get("/staff/schools/northfield-primary/offer/").status_code == 404
    event = last_event()
    assert (event.action, event.details["answer"]) == ("permission.refused", 404)
    assert event.details["path"] == "/staff/schools/northfield-primary/offer/"


def test_staff_pages_are_never_stored(client, universe):
    sign_in(client, universe.ed)
    for path in ("/staff/", "/staff/schools/northfield-primary/offer/", SIGN_IN):
        assert "no-store" in client.get(path)["Cache-Control"]
    assert "no-store" not in client.get("/").get("Cache-Control", "")
