import io
import json
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.test import Client
from pypdf import PdfReader

from earlyhelp.audit.models import AuditEvent
from earlyhelp.casework.access import VIEWED
from earlyhelp.casework.actions.episodes import open_episode
from earlyhelp.dataprotection.actions import EXPORTED
from tests.integration.dataprotection.conftest import SECRETS
from tests.signin import sign_in


def url(records, kind: str, school=None) -> str:
    slug = (school or records.universe.northfield).slug
    return f"/staff/schools/{slug}/children/{records.amara.pk}/subject-access.{kind}"


def test_the_export_holds_everything_about_the_child_and_nothing_of_others(records, tmp_path):
    open_episode(
        pupil=records.amara, level=2, reason="Worried about home life", by=records.universe.dee
    )
    call_command("subject_access_export", "--pupil", str(records.amara.pk), "--out", tmp_path)

    data = json.loads(next(tmp_path.glob("*.json")).read_text())
    assert data["child"]["legal_first_name"] == "Amara"
    summaries = [e["summary"] for e in data["chronology"]]
    assert SECRETS[0] in summaries and SECRETS[1] in summaries
    assert SECRETS[2] not in json.dumps(data)  # Ben's record
    assert data["records"]["casework.EarlyHelpEpisode"][0]["level"] == 2
    assert any(
        "Worried about home life" in row["reason"]
        for row in data["records"]["casework.LevelChange"]
    )
    pdf_text = "".join(p.extract_text() for p in PdfReader(next(tmp_path.glob("*.pdf"))).pages)
    assert "Everything held about Amara Testwell" in pdf_text
    assert "stepdad locks her in the shed" in pdf_text
    event = AuditEvent.objects.get(action=EXPORTED)
    assert event.actor_name == "system" and event.object_id == str(records.amara.pk)


def test_the_dsl_downloads_it_and_the_look_is_recorded(records):
    client = Client()
    sign_in(client, records.universe.dee)
    response = client.post(url(records, "json"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert SECRETS[0] in {e["summary"] for e in data["chronology"]}
    viewed = AuditEvent.objects.filter(action=VIEWED, object_id=str(records.amara.pk))
    assert viewed.count() == 1
    assert viewed.get().details["page"] == "subject access export (json)"
    assert AuditEvent.objects.get(action=EXPORTED).actor_id == str(records.universe.dee.pk)
    pdf = client.post(url(records, "pdf"))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")


def test_a_teacher_and_another_schools_dsl_get_nothing(records):
    client = Client()
    sign_in(client, records.universe.tom)
    assert client.post(url(records, "json")).status_code == 403
    sign_in(client, records.universe.sam)
    assert client.post(url(records, "json")).status_code == 404
    assert client.post(url(records, "json", records.universe.southbank)).status_code == 404
    assert not AuditEvent.objects.filter(action=EXPORTED).exists()


def test_anonymous_is_sent_to_sign_in(records):
    response = Client().get(url(records, "json"))
    assert response.status_code == 302 and "sign-in" in response["Location"]


def test_a_get_shows_a_button_and_makes_no_export(records):
    client = Client(enforce_csrf_checks=True)
    sign_in(client, records.universe.dee)
    page = client.get(url(records, "pdf"))
    assert page.status_code == 200
    assert (
        'method="post"' in page.content.decode()
        and "Download the PDF file" in page.content.decode()
    )
    assert not AuditEvent.objects.filter(action=EXPORTED).exists()
    refused = client.post(url(records, "pdf"))  # no CSRF token
    assert (
        refused.status_code == 403
        and "Sorry, your form could not be sent" in refused.content.decode()
    )
    assert not AuditEvent.objects.filter(action=EXPORTED).exists()


def test_the_export_can_go_to_the_storage_not_a_folder_of_the_host(records):
    out = io.StringIO()
    call_command("subject_access_export", "--pupil", str(records.amara.pk), "--store", stdout=out)

    _, names = default_storage.listdir("subject-access")
    assert sorted(Path(name).suffix for name in names) == [".json", ".pdf"]
    json_name = next(name for name in names if name.endswith(".json"))
    with default_storage.open(f"subject-access/{json_name}") as stored:
        data = json.loads(stored.read())
    assert data["child"]["legal_first_name"] == "Amara"
    assert f"storage:subject-access/{json_name}" in out.getvalue()
    assert AuditEvent.objects.filter(action=EXPORTED).count() == 1


def test_the_export_needs_a_folder_or_the_storage(records):
    with pytest.raises(CommandError, match="Give --out DIR, --store or both"):
        call_command("subject_access_export", "--pupil", str(records.amara.pk))

    assert not AuditEvent.objects.filter(action=EXPORTED).exists()
