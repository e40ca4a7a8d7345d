"""`import-offer PATH --save --school SLUG`: a draft for review, matched before created."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from pypdf import PdfReader, PdfWriter

from earlyhelp.audit.models import AuditEvent
from earlyhelp.directory.actions import create_service
from earlyhelp.directory.data import PhoneData, ServiceData
from earlyhelp.directory.models import Phone, Scope, Service, ServiceStatus
from earlyhelp.imports.models import ImportedService, ImportRun, Outcome, RunStatus
from earlyhelp.offers.models import OfferEntry, OfferVersion
from earlyhelp.schools.models import KeyPerson
from tests.integration.editor.support import offer_of, row_counts
from tests.integration.imports.saving import save, waiting_run, write_offer
from tests.unit.imports.documents import tiny_pdf


@pytest.fixture
def quiet_minds(universe) -> Service:
    """A county service the document names, with the same phone and web address."""
    return create_service(
        by=None,
        scope=Scope.LOCAL,
        owner_local_authority=universe.county,
        data=ServiceData(
            name="Quiet Minds Testshire",
            organization_name="Quiet Minds",
            url="https://www.quietminds.org.uk/testshire",
            phones=(PhoneData("+448081570111"),),
            levels=(2,),
        ),
    )


def test_save_writes_a_draft_and_publishes_nothing(universe, quiet_minds, tmp_path: Path):
    published = offer_of(universe.northfield).published_version
    assert published is not None
    out = save(write_offer(tmp_path))
    assert "not published" in out and "/staff/schools/northfield-primary/offer/import/" in out
    offer = offer_of(universe.northfield)
    assert OfferVersion.objects.count() == 1 and offer.published_version == published
    run = waiting_run(universe.northfield)
    created = run.services.filter(outcome=Outcome.CREATED)
    assert {row.name for row in created} == {"Testshire Children's Social Care"}
    # "in an emergency call 999" is the emergency panel's, never a school service (issue 12)
    assert run.left_out == [{"name": "Police", "phones": ["999"], "why": "emergency"}]
    for row in created:
        assert row.service is not None and row.service.scope == Scope.SCHOOL
        assert row.service.status == ServiceStatus.INACTIVE  # out of the directory for now
        assert offer.entries.filter(service=row.service, level=1).exists()
    assert {p.name for p in KeyPerson.objects.filter(school=universe.northfield)} == {
        "Dee Lane",
        "Ada Fenn",
        "Eli Gray",
    }
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"import.saved", "offer.entry_added", "key_person.added"} <= actions


def test_a_service_already_in_the_directory_is_linked_not_copied(
    universe, quiet_minds, tmp_path: Path
):
    before = Service.objects.count()
    save(write_offer(tmp_path))
    run = waiting_run(universe.northfield)
    row = run.services.get(name="Quiet Minds")
    assert row.outcome == Outcome.MATCHED and row.service == quiet_minds
    assert {e["field"] for e in row.evidence} >= {"phone", "domain"}
    entry = OfferEntry.objects.get(offer__school=universe.northfield, service=quiet_minds)
    assert entry.level == 2 and row.entry_added
    assert Phone.objects.filter(number="+448081570111").count() == 1
    carers = run.services.get(name="Testshire Young Carers")
    assert carers.service == universe.young_carers
    assert carers.disagreements == [
        {"field": "phone", "document": ["+441134960399"], "directory": ["+441134960300"]}
    ]
    assert not carers.entry_added  # the draft showed it already: no second entry
    assert run.services.get(name="Samaritans").service == universe.samaritans
    assert run.services.get(name="Breakfast Club").service == universe.breakfast_club
    # only the one the directory did not have (Police 999 is an emergency route: issue 12)
    assert Service.objects.count() == before + 1


def test_saving_the_same_document_again_duplicates_nothing(universe, quiet_minds, tmp_path):
    path = write_offer(tmp_path)
    save(path)
    counts = row_counts()
    services = set(Service.objects.values_list("name", flat=True))
    first = waiting_run(universe.northfield)
    save(path)
    again = row_counts()
    assert {k: v for k, v in again.items() if k != "AuditEvent"} == {
        k: v for k, v in counts.items() if k != "AuditEvent"
    }
    assert set(Service.objects.values_list("name", flat=True)) == services
    first.refresh_from_db()
    assert first.status == RunStatus.REPLACED
    assert ImportRun.objects.filter(status=RunStatus.WAITING).count() == 1
    assert ImportedService.objects.filter(run=first, outcome=Outcome.CREATED).count() == 1


def test_a_reviewed_import_saved_again_links_to_what_the_first_one_created(
    universe, quiet_minds, tmp_path
):
    from earlyhelp.offers.actions.importing import apply_review

    path = write_offer(tmp_path)
    save(path)
    run = waiting_run(universe.northfield)
    choices = {
        row.pk: {"service": "keep"}
        if row.outcome == Outcome.CREATED
        else {d["field"]: "keep" for d in row.disagreements}
        for row in run.services.all()
    }
    apply_review(by=universe.ed, run=run, choices=choices)
    before = Service.objects.count()
    save(path)
    assert Service.objects.count() == before
    assert not waiting_run(universe.northfield).services.filter(outcome=Outcome.CREATED).exists()


def bad_files(folder: Path) -> list[Path]:
    empty = folder / "empty.txt"
    empty.write_bytes(b"")
    binary = folder / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 50)
    huge = folder / "huge.pdf"
    with huge.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(tiny_pdf([["Secret"]]))))
    writer.encrypt("secret", algorithm="RC4-128")
    locked = folder / "locked.pdf"
    with locked.open("wb") as handle:
        writer.write(handle)
    corrupt = folder / "corrupt.docx"
    corrupt.write_bytes(b"PK\x03\x04 this is not a real Word file")
    return [empty, binary, huge, locked, corrupt]


def test_bad_input_saves_nothing_and_exits_2(universe, tmp_path: Path):
    counts = row_counts()
    for path in bad_files(tmp_path):
        with pytest.raises(CommandError) as refused:
            save(path)
        assert refused.value.returncode == 2, path
        assert "\n" not in str(refused.value)
    assert row_counts() == counts
    assert not ImportRun.objects.exists()


def test_an_unknown_school_exits_2_with_one_line(universe, tmp_path: Path):
    counts = row_counts()
    with pytest.raises(CommandError) as refused:
        save(write_offer(tmp_path), slug="nowhere-academy")
    assert refused.value.returncode == 2
    assert str(refused.value) == "No school has the slug 'nowhere-academy'."
    assert row_counts() == counts


def test_save_needs_a_school(universe, tmp_path: Path):
    with pytest.raises(CommandError) as refused:
        call_command("import_offer", str(write_offer(tmp_path)), "--save")
    assert refused.value.returncode == 2


def test_store_keeps_the_document_in_the_storage_beside_the_saved_draft(universe, tmp_path: Path):
    from django.core.files.storage import default_storage

    path = write_offer(tmp_path)
    out = io.StringIO()
    call_command(
        "import_offer",
        str(path),
        "--save",
        "--school",
        "northfield-primary",
        "--store",
        "--today",
        "2026-11-24",
        stdout=out,
    )

    stored = "offer-imports/northfield-primary/northfield.txt"
    assert f"Kept a copy of the document as {stored}" in out.getvalue()
    with default_storage.open(stored, "rb") as kept:
        assert kept.read() == path.read_bytes()
    assert waiting_run(universe.northfield).document_name == "northfield.txt"
