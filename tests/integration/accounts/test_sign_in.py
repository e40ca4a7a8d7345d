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
    response = password(client, "ed")  # the right password alone is not enough
    assert "You have tried to sign in too many times" in response.content.decode()
    assert 'name="code"' in response.content.decode()
    assert password(Client(), "ed", address="198.51.100.7")["Location"].startswith(CHALLENGE)
    assert password(Client(), "tom")["Location"].startswith(CHALLENGE)


def test_a_locked_out_person_signs_in_with_password_and_code(client, universe):
    for _ in range(5):
        password(client, "ed", "guess")  # a pupil on the school's network, say
    code = totp_code(totp_device(universe.ed))
    wrong = {"username": "ed", "password": "guess", "code": code}
    response = client.post(SIGN_IN, wrong, REMOTE_ADDR="192.0.2.1")
    assert "You have tried to sign in too many times" in response.content.decode()
    right = {"username": "ed", "password": PASSWORD, "code": code, "next": "/staff/"}
    response = client.post(SIGN_IN, right, REMOTE_ADDR="192.0.2.1")
    assert response["Location"] == "/staff/"
    assert client.get("/staff/").status_code == 200


def test_a_school_address_guessing_is_not_locked_for_everyone(client, universe):
    for n in range(60):
        password(client, f"nobody{n % 5}", "guess", address="203.0.113.9")
    assert password(Client(), "tom", address="203.0.113.9")["Location"].startswith(CHALLENGE)


def test_only_abusive_volumes_lock_an_address_for_all(client, universe):
    for n in range(300):
        password(client, f"nobody{n}", "guess", address="203.0.113.9")
    response = password(client, "tom", address="203.0.113.9")
    assert "You have tried to sign in too many times" in response.content.decode()
    assert password(Client(), "tom")["Location"].startswith(CHALLENGE)


def test_an_account_is_capped_across_addresses(client, universe):
    for n in range(20):
        password(client, "ed", "guess", address=f"198.51.100.{n}")
    response = password(Client(), "ed", address="198.51.100.99")
    assert "You have tried to sign in too many times" in response.content.decode()


def test_a_failure_with_an_unknown_username_stores_nothing_typed(client, universe):
    password(client, "Secret-password-in-the-wrong-box", "guess")
    event = last_event(action="sign_in.failed")
    assert event.details == {"username": "unknown account", "address": "192.0.2.1"}


def test_ten_good_sign_ins_do_not_lock_the_eleventh(universe):
    device = totp_device(universe.ed)
    for n in range(11):
        client = Client()
        password(client, "ed")
        device.refresh_from_db()
        device.last_t = -1  # the same 30-second code may be used again in this test
        device.save(update_fields=["last_t"])
        response = client.post(CHALLENGE, {"code": totp_code(device), "next": "/staff/"})
        assert response.get("Location") == "/staff/", f"sign-in {n + 1} refused"


def test_the_session_id_changes_when_the_second_factor_is_verified(client, universe):
    password(client, "ed")
    before = client.session.session_key
    client.post(CHALLENGE, {"code": totp_code(totp_device(universe.ed)), "next": "/staff/"})
    assert client.session.session_key != before
    assert client.get("/staff/").status_code == 200


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
