"""Public forms: no login, honeypot, rate limit, nothing shown back, land in the inbox."""

import ast
from pathlib import Path

from django.test import Client

from earlyhelp.concerns.models import Concern, MessageKind, Source
from earlyhelp.concerns.views import public
from tests.concerns_universe import signed_in

TELL_US = "/schools/northfield-primary/tell-us/"
ASK = "/schools/northfield-primary/ask-for-help/"
SECRET = "Zebra-secret words of the pupil"


def test_pupil_message_reaches_the_inbox_and_is_not_shown_back(client, universe):
    page = client.get(TELL_US).content.decode()
    assert 'href="tel:+448001111">0800 1111</a>' in page and 'href="tel:999"' in page
    assert "Exit this page" in page
    assert 'href="tel:+441134960001"' in page  # the emergency panel with the county's numbers
    response = client.post(
        TELL_US, {"about_whom": "me", "kind": "bullying", "message": SECRET, "name": "Amy 5B"}
    )
    assert response["Location"] == TELL_US + "sent/"
    sent = client.get(response["Location"]).content.decode()
    assert "Zebra" not in sent and "Amy 5B" not in sent
    assert 'href="tel:+448001111">0800 1111</a>' in sent
    assert "Exit this page" in sent
    concern = Concern.objects.get()
    assert (concern.source, concern.message_kind) == (Source.PUPIL_MESSAGE, MessageKind.BULLYING)
    assert concern.account == SECRET and not concern.links.exists()
    signed_in(client, universe.dee)
    inbox = client.get("/staff/schools/northfield-primary/concerns/inbox/").content.decode()
    assert "Bullying" in inbox and "No pupil linked yet" in inbox


def test_parent_request_needs_a_way_to_reply(client, universe):
    html = client.post(
        ASK, {"message": "We need help", "child": "Ben, 5B", "name": "Pat"}
    ).content.decode()
    assert "Enter a phone number or an email address" in html
    response = client.post(
        ASK,
        {
            "message": "We need help",
            "child": "Ben, 5B",
            "name": "Pat",
            "phone": "01134960999",
            "safe_to_contact": "any_time",
        },
    )
    assert response.status_code == 302
    concern = Concern.objects.get()
    assert concern.source == Source.PARENT_REQUEST and "01134960999" in concern.contact


def test_honeypot_filled_is_thanked_and_dropped(client, universe):
    response = client.post(
        TELL_US, {"about_whom": "me", "kind": "bullying", "message": "spam", "website": "http://x"}
    )
    assert response.status_code == 302
    assert not Concern.objects.exists()


def test_a_classroom_on_one_address_is_not_refused(universe):
    client = Client(REMOTE_ADDR="192.0.2.7")
    for n in range(30):
        client.post(
            TELL_US, {"about_whom": "me", "kind": "tell_a_teacher", "message": ""}
        )  # mistakes cost nothing
        client.post(
            TELL_US,
            {"about_whom": "me", "kind": "bullying", "message": "x", "website": "http://spam"},
        )
        response = client.post(
            TELL_US, {"about_whom": "me", "kind": "tell_a_teacher", "message": f"pupil {n}"}
        )
        assert response.status_code == 302
    assert Concern.objects.count() == 30


def test_a_refused_message_is_kept_in_the_form(universe, monkeypatch):
    monkeypatch.setattr(public, "PER_ADDRESS_PER_HOUR", 2)
    client = Client(REMOTE_ADDR="192.0.2.7")
    for _ in range(2):
        client.post(TELL_US, {"about_whom": "me", "kind": "tell_a_teacher", "message": "hello"})
    response = client.post(
        TELL_US, {"about_whom": "me", "kind": "bullying", "message": SECRET, "name": "Amy 5B"}
    )
    assert response.status_code == 429
    html = response.content.decode()
    assert SECRET in html and 'value="Amy 5B"' in html
    assert "<title>Error:" in html and "has not been sent yet" in html
    assert Concern.objects.count() == 2
    other = Client(REMOTE_ADDR="192.0.2.8")
    assert (
        other.post(
            TELL_US, {"about_whom": "me", "kind": "tell_a_teacher", "message": "hi"}
        ).status_code
        == 302
    )
    ask = {"message": "We need help", "child": "Ben", "name": "Pat", "phone": "01134960999"}
    ask["safe_to_contact"] = "any_time"
    assert client.post(ASK, ask).status_code == 302  # another form has its own count


def test_limits_are_per_school(universe, monkeypatch):
    monkeypatch.setattr(public, "PER_SCHOOL_PER_HOUR", 1)
    Client(REMOTE_ADDR="192.0.2.7").post(
        TELL_US, {"about_whom": "me", "kind": "tell_a_teacher", "message": "a"}
    )
    flooded = Client(REMOTE_ADDR="192.0.2.9").post(
        TELL_US, {"about_whom": "me", "kind": "tell_a_teacher", "message": "b"}
    )
    assert flooded.status_code == 429 and "b</textarea>" in flooded.content.decode()


def test_csrf_is_required(universe):
    client = Client(enforce_csrf_checks=True)
    assert (
        client.post(TELL_US, {"about_whom": "me", "kind": "bullying", "message": "x"}).status_code
        == 403
    )


def test_unknown_school_is_404(client, universe):
    assert client.get("/schools/no-such-school/tell-us/").status_code == 404


def test_offer_page_links_to_both_forms(client, universe):
    html = client.get("/schools/northfield-primary/").content.decode()
    assert TELL_US in html and ASK in html


def test_public_views_import_nothing_that_reads_records():
    source = Path("earlyhelp/concerns/views/public.py").read_text()
    imported = {
        node.module
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom) and node.module
    }
    assert not any(m.startswith("earlyhelp.casework") for m in imported)
    concern_modules = {m for m in imported if m.startswith("earlyhelp.concerns")}
    assert concern_modules <= {
        "earlyhelp.concerns.public",
        "earlyhelp.concerns.public_forms",
        "earlyhelp.concerns.models",
    }


PARENT = {"message": "We need help", "child": "Ben, 5B", "name": "Pat"}


def test_phone_and_email_are_asked_as_one_question_with_one_needed(client, universe):
    page = client.get(ASK).content.decode()
    assert "Phone or email (give at least one)" in page
    assert "(optional)" not in page.split("How can we contact you?")[1].split("</fieldset>")[0]
    with_email = client.post(
        ASK, {**PARENT, "email": "pat@example.org", "safe_to_contact": "any_time"}
    )
    assert with_email.status_code == 302
    neither = client.post(ASK, {**PARENT, "safe_to_contact": "any_time"}).content.decode()
    assert neither.count("Enter a phone number or an email address") == 2  # summary and field


def test_when_it_is_safe_to_call_is_stored_and_shown_to_the_dsl(client, universe):
    asked = client.post(ASK, {**PARENT, "phone": "01134960999"}).content.decode()
    assert "Select if it is safe for us to phone or email you" in asked
    no_times = client.post(
        ASK, {**PARENT, "phone": "01134960999", "safe_to_contact": "some_times"}
    ).content.decode()
    assert "Enter when it is safe to phone or email you" in no_times
    client.post(
        ASK,
        {
            **PARENT,
            "phone": "01134960999",
            "safe_to_contact": "some_times",
            "safe_times": "Weekdays after 6pm, text first",
        },
    )
    concern = Concern.objects.get()
    assert (concern.safe_to_contact, concern.safe_times) == (
        "some_times",
        "Weekdays after 6pm, text first",
    )
    signed_in(client, universe.dee)
    page = client.get(f"/staff/schools/northfield-primary/concerns/{concern.pk}/").content
    assert "Yes, but only at some times" in page.decode()
    assert "Weekdays after 6pm, text first" in page.decode()


def test_a_parent_who_is_not_safe_to_contact_is_shown_plainly(client, universe):
    client.post(ASK, {**PARENT, "email": "pat@example.org", "safe_to_contact": "not_safe"})
    signed_in(client, universe.dee)
    concern = Concern.objects.get()
    page = client.get(f"/staff/schools/northfield-primary/concerns/{concern.pk}/").content
    assert "No: do not phone or email" in page.decode()


def test_a_pupil_can_write_about_a_friend(client, universe):
    page = client.get(TELL_US).content.decode()
    assert "Is this about you or a friend?" in page
    missing = client.post(TELL_US, {"kind": "bullying", "message": "x"}).content.decode()
    assert "Select if this is about you or a friend" in missing
    client.post(TELL_US, {"about_whom": "friend", "kind": "bullying", "message": "Sam is hit"})
    concern = Concern.objects.get()
    assert concern.about_whom == "friend"
    signed_in(client, universe.dee)
    inbox = client.get("/staff/schools/northfield-primary/concerns/inbox/").content.decode()
    assert "Bullying (about a friend)" in inbox
    detail = client.get(f"/staff/schools/northfield-primary/concerns/{concern.pk}/").content
    assert "About a friend" in detail.decode()
