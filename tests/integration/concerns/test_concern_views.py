"""The staff pages for concerns: logging, my concerns, the inbox, a concern, triage."""

from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from earlyhelp.audit.models import AuditEvent
from earlyhelp.casework.access import VIEWED
from earlyhelp.concerns.actions import triage_concern
from earlyhelp.concerns.models import Concern, ConcernAttachment, Outcome, Part, Status
from earlyhelp.pupils.models import Pupil
from tests.concerns_universe import add_pupils, log, pupil_row, signed_in

BASE = "/staff/schools/northfield-primary/concerns/"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def details_post(roll, **extra):
    data = {
        "chosen": f"{roll.amy.pk},{roll.cara.pk}",
        f"part_{roll.amy.pk}": "subject",
        f"part_{roll.cara.pk}": "witness",
        "account": "She said: nobody made tea.",
        "occurred_on_0": "2",
        "occurred_on_1": "3",
        "occurred_on_2": "2026",
        "occurred_time": "10:15",
        "location": "Playground",
        "categories": ["neglect"],
        "action_taken": "Gave her toast.",
        "told_dsl": "yes",
        "told_dsl_who": "Dee Lane",
    }
    data.update(extra)
    return data


@pytest.mark.parametrize(
    "path", ["", "new/", "new/urgent/", "new/pupils/", "new/details/", "inbox/", "1/", "1/triage/"]
)
def test_anonymous_is_sent_to_sign_in(client, universe, path):
    response = client.get(BASE + path)
    assert response.status_code == 302
    assert response["Location"] == "/staff/sign-in/?next=" + quote(BASE + path)


@pytest.mark.parametrize("path", ["", "new/", "new/pupils/", "inbox/"])
def test_other_school_is_404(client, universe, path):
    signed_in(client, universe.sam)
    assert client.get(BASE + path).status_code == 404


def test_immediate_risk_shows_the_front_door_numbers_then_the_form(client, universe):
    signed_in(client, universe.tom)
    start = client.get(BASE + "new/").content.decode()
    assert f'href="{BASE}new/urgent/"' in start  # "Is a child at immediate risk of harm?"
    html = client.get(BASE + "new/urgent/").content.decode()
    assert 'href="tel:999"' in html
    assert 'href="tel:+441134960001"' in html and 'href="tel:+441134960002"' in html
    assert "new/?risk=yes" in html
    again = client.get(BASE + "new/?risk=yes").content.decode()
    assert 'name="risk" value="yes"' in again and "immediate risk of harm</strong>" in again


def test_pupil_search_without_javascript(client, universe, roll):
    signed_in(client, universe.tom)
    html = client.get(BASE + "new/pupils/", {"q": "amy"}).content.decode()
    assert "Amy Bell" in html and "Ben Cross" not in html
    assert f"chosen={roll.amy.pk}" in html
    html = client.get(BASE + "new/pupils/", {"q": "evans"}).content.decode()
    assert "Dan Evans" not in html  # another school's pupil


def test_pupil_search_queries_do_not_grow(client, universe, roll, django_assert_max_num_queries):
    add_pupils(universe.northfield, [pupil_row(100 + n, "Amy", f"Other{n}") for n in range(30)])
    signed_in(client, universe.tom)
    chosen = ",".join(str(p.pk) for p in Pupil.objects.all()[:10])
    with django_assert_max_num_queries(12):
        response = client.get(BASE + "new/pupils/", {"q": "amy", "chosen": chosen})
    assert response.content.decode().count("Amy Other") >= 20


def test_teacher_logs_a_concern_about_two_pupils(client, universe, roll):
    signed_in(client, universe.tom)
    response = client.post(
        BASE + "new/details/",
        {**details_post(roll), "attachments": [SimpleUploadedFile("photo.png", PNG, "image/png")]},
    )
    concern = Concern.objects.get()
    assert response["Location"] == f"{BASE}{concern.pk}/logged/"
    assert concern.raised_by == universe.tom and concern.categories == ["neglect"]
    assert {(link.pupil, link.part) for link in concern.links.all()} == {
        (roll.amy, Part.SUBJECT),
        (roll.cara, Part.WITNESS),
    }
    attachment = ConcernAttachment.objects.get()
    assert attachment.original_name == "photo.png"
    assert "photo" not in str(attachment.file.name)
    page = client.get(response["Location"]).content.decode()
    assert "Concern logged" in page and "FGM Act" not in page


def test_fgm_concern_reminds_of_the_personal_duty(client, universe, roll):
    signed_in(client, universe.tom)
    response = client.post(BASE + "new/details/", details_post(roll, categories=["fgm"]))
    html = client.get(response["Location"]).content.decode()
    assert "FGM Act 2003, section 5B" in html and "next working day" in html


def test_form_errors_are_worded_and_nothing_is_saved(client, universe, roll):
    signed_in(client, universe.tom)
    data = details_post(roll, account="", occurred_on_0="31", occurred_on_1="2")
    data.pop("categories")
    html = client.post(
        BASE + "new/details/",
        {**data, "attachments": [SimpleUploadedFile("a.png", b"MZ\x90\x00evil", "image/png")]},
    ).content.decode()
    assert "Enter what you saw or heard" in html
    assert "must be a real date" in html
    assert "Select what the concern is about" in html
    assert "The selected file must be a PDF, PNG, JPG or Word document (.docx)" in html
    assert not Concern.objects.exists()


def test_teacher_sees_only_their_own_concerns(client, universe, roll):
    mine = log(universe.tom, roll.amy)
    theirs = log(universe.dee, roll.ben)
    signed_in(client, universe.tom)
    html = client.get(BASE).content.decode()
    assert f"{BASE}{mine.pk}/" in html and f"{BASE}{theirs.pk}/" not in html
    assert client.get(f"{BASE}{mine.pk}/").status_code == 200
    assert client.get(f"{BASE}{theirs.pk}/").status_code == 404


def test_teacher_may_not_use_the_inbox_or_triage(client, universe, roll):
    concern = log(universe.tom, roll.amy)
    signed_in(client, universe.tom)
    assert client.get(BASE + "inbox/").status_code == 403
    assert client.get(f"{BASE}{concern.pk}/triage/").status_code == 403


def test_concern_page_records_one_view_per_linked_child(client, universe, roll):
    concern = log(universe.tom, roll.amy, (roll.cara, Part.WITNESS))
    signed_in(client, universe.dee)
    before = AuditEvent.objects.filter(action=VIEWED).count()
    assert client.get(f"{BASE}{concern.pk}/").status_code == 200
    viewed = AuditEvent.objects.filter(action=VIEWED).order_by("id")[before:]
    assert sorted(e.object_id for e in viewed) == sorted([str(roll.amy.pk), str(roll.cara.pk)])


def test_other_school_dsl_gets_404_for_a_concern(client, universe, roll):
    concern = log(universe.tom, roll.amy)
    signed_in(client, universe.sam)
    assert client.get(f"{BASE}{concern.pk}/").status_code == 404
    url = f"/staff/schools/southbank-academy/concerns/{concern.pk}/"
    assert client.get(url).status_code == 404
    assert not AuditEvent.objects.filter(action=VIEWED).exists()


def test_inbox_lists_new_concerns_first_with_children_and_categories(
    client, universe, roll, django_assert_max_num_queries
):
    decided = log(universe.tom, roll.ben, categories=("bullying",))
    triage_concern(concern=decided, outcome=Outcome.MONITOR, reason="Watch.", by=universe.dee)
    for _ in range(15):
        log(universe.tom, roll.amy, (roll.cara, Part.WITNESS), categories=("neglect", "other"))
    signed_in(client, universe.dee)
    with django_assert_max_num_queries(12):
        response = client.get(BASE + "inbox/")
    html = response.content.decode()
    assert html.index("New concerns") < html.index("Decided")
    assert "Cara Dunn (witness)" in html and "Neglect, Something else" in html
    assert "Bullying" in html and "Monitor" in html


def test_dsl_triages_with_a_reason(client, universe, roll):
    concern = log(universe.tom, roll.amy)
    signed_in(client, universe.dee)
    url = f"{BASE}{concern.pk}/triage/"
    html = client.post(url, {"outcome": "monitor", "reason": ""}).content.decode()
    assert "Enter the reason for the decision" in html
    response = client.post(url, {"outcome": "monitor", "reason": "Watch at lunch."})
    assert response.status_code == 302
    inbox = client.get(response["Location"]).content.decode()
    assert "govuk-notification-banner--success" in inbox
    assert f"Decision on concern {concern.pk} recorded: Monitor." in inbox
    concern.refresh_from_db()
    assert concern.status == Status.TRIAGED and concern.decision.reason == "Watch at lunch."


def test_dsl_links_a_pupil_to_a_public_message_while_triaging(client, universe, roll):
    from earlyhelp.concerns.public import receive_message

    receive_message(
        school=universe.northfield, kind="bullying", message="They call me names", contact=""
    )
    concern = Concern.objects.get()
    signed_in(client, universe.dee)
    url = f"{BASE}{concern.pk}/triage/"
    assert "Ben Cross" in client.get(url, {"q": "ben"}).content.decode()
    client.post(
        url,
        {
            "outcome": "school_early_help",
            "reason": "Talk to Ben.",
            "link_pupil": roll.ben.pk,
            "link_part": "subject",
        },
    )
    assert [link.pupil for link in concern.links.all()] == [roll.ben]


def test_attachment_is_served_only_through_the_access_check(client, universe, roll):
    signed_in(client, universe.tom)
    client.post(
        BASE + "new/details/",
        {**details_post(roll), "attachments": [SimpleUploadedFile("photo.png", PNG, "image/png")]},
    )
    concern, attachment = Concern.objects.get(), ConcernAttachment.objects.get()
    url = f"{BASE}{concern.pk}/attachments/{attachment.pk}/"
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PNG
    signed_in(client, universe.sam)
    assert client.get(url).status_code == 404
