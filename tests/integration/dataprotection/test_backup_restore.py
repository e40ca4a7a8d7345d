"""The restore drill: back up, change things, restore, and check nothing is lost or forged.

These tests replace the whole test database, so they use `transactional_db`: nothing is
left behind for other tests (pytest-django empties every table after each one).
"""

from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.test import override_settings

from earlyhelp.audit.events import record_event
from earlyhelp.audit.models import AuditEvent
from earlyhelp.audit.names import AuditAction
from earlyhelp.dataprotection.backups import read_manifest
from earlyhelp.dataprotection.backups.counts import row_counts
from earlyhelp.pupils.models import Pupil
from earlyhelp.records.models import ChronologyEntry
from tests.integration.dataprotection.conftest import add_pupil, build_child_records

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("taxonomies")]


def counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        return row_counts(cursor, connection.vendor)


def some_events(n: int) -> None:
    for i in range(n):
        with transaction.atomic():
            record_event(by=None, action=AuditAction.LINKS_CHECKED, details={"n": i})


def test_the_restore_drill(universe, tmp_path, capsys):
    records = build_child_records(universe)
    some_events(3)
    before = counts()
    head = AuditEvent.objects.order_by("-id").values_list("hash", flat=True)[0]
    backup = tmp_path / "earlyhelp.tar.gz"

    call_command("backup", str(backup))

    manifest = read_manifest(backup)
    assert manifest.engine == connection.vendor
    assert manifest.row_counts == before
    assert manifest.audit_head == head
    assert backup.stat().st_mode & 0o077 == 0

    ChronologyEntry.objects.filter(pk=records.entries[0].pk).delete()
    add_pupil(universe, serial=9, first="Cara", last="Afterwards", born=records.amara.date_of_birth)
    some_events(2)
    assert counts() != before

    call_command("restore", str(backup))
    out = capsys.readouterr().out

    restored = counts()
    restored["audit_auditevent"] -= 1  # the restore itself is recorded, after verifying
    assert restored == before
    assert "Row counts match the manifest" in out
    assert "Restore verified." in out
    previous = _previous_in(out)
    assert previous.parent == tmp_path
    assert read_manifest(previous).row_counts["pupils_pupil"] == before["pupils_pupil"] + 1
    assert ChronologyEntry.objects.filter(pk=records.entries[0].pk).exists()
    assert not Pupil.objects.filter(legal_first_name="Cara").exists()
    assert ChronologyEntry.objects.get(pk=records.entries[0].pk).summary == (
        records.entries[0].summary
    )
    call_command("verify_audit")
    assert "intact" in capsys.readouterr().out
    assert AuditEvent.objects.order_by("-id")[0].action == "database.restored"


def test_a_backup_of_the_other_engine_is_refused(universe, tmp_path):
    backup = tmp_path / "b.tar.gz"
    call_command("backup", str(backup))
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    forged = _rewrite_manifest(backup, tmp_path / "forged.tar.gz", engine=other)
    with pytest.raises(CommandError, match=f"is a {other} backup; this database is"):
        call_command("restore", str(forged))


def test_production_asks_for_yes(universe, tmp_path):
    backup = tmp_path / "b.tar.gz"
    call_command("backup", str(backup))
    pupils = Pupil.objects.count()
    add_pupil(universe, serial=9, first="Cara", last="Afterwards", born=universe_date())
    with override_settings(PRODUCTION=True), pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(backup))
    assert Pupil.objects.count() == pupils + 1


def test_a_damaged_backup_is_refused_before_anything_changes(universe, tmp_path):
    backup = tmp_path / "b.tar.gz"
    call_command("backup", str(backup))
    damaged = _rewrite_manifest(backup, tmp_path / "damaged.tar.gz", sha256="0" * 64)
    events = AuditEvent.objects.count()
    with pytest.raises(CommandError, match="is damaged"):
        call_command("restore", str(damaged))
    assert AuditEvent.objects.count() == events


def test_a_backup_that_fails_verification_changes_nothing(universe, tmp_path, capsys):
    backup = tmp_path / "b.tar.gz"
    call_command("backup", str(backup))
    manifest = read_manifest(backup)
    wrong = {**manifest.row_counts, "pupils_pupil": manifest.row_counts["pupils_pupil"] + 5}
    forged = _rewrite_manifest(backup, tmp_path / "forged.tar.gz", row_counts=wrong)
    add_pupil(universe, serial=9, first="Cara", last="Afterwards", born=universe_date())
    live = counts()

    with pytest.raises(CommandError, match="nothing was restored and the live database is"):
        call_command("restore", str(forged))

    assert "pupils_pupil: 5 rows in the manifest, 0 in the backup's" in capsys.readouterr().out
    assert counts() == live
    assert Pupil.objects.filter(legal_first_name="Cara").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.tar.gz", "forged.tar.gz"]
    assert _scratch_databases() == []


def test_a_truncated_archive_gives_one_line_and_changes_nothing(universe, tmp_path):
    backup = tmp_path / "b.tar.gz"
    call_command("backup", str(backup))
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(backup.read_bytes()[: backup.stat().st_size * 2 // 3])
    live = counts()
    with pytest.raises(CommandError, match="is damaged or cut short") as refused:
        call_command("restore", str(truncated))
    assert "\n" not in str(refused.value)
    assert counts() == live
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.tar.gz", "truncated.tar.gz"]


def test_a_manifest_with_a_forged_anchor_is_refused(universe, tmp_path):
    backup = tmp_path / "b.tar.gz"
    call_command("backup", str(backup))
    anchor = {**read_manifest(backup).audit_anchor, "events": 1}
    forged = _rewrite_manifest(backup, tmp_path / "forged.tar.gz", audit_anchor=anchor)
    with pytest.raises(CommandError, match="not signed with this installation's AUDIT_CHAIN_KEY"):
        call_command("restore", str(forged))


def test_backup_never_overwrites_a_file(universe, tmp_path):
    existing = tmp_path / "b.tar.gz"
    existing.write_text("keep me")
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", str(existing))
    assert existing.read_text() == "keep me"


def test_a_missing_pg_dump_is_named(universe, tmp_path, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite backups need no outside tool")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(CommandError, match="pg_dump was not found on PATH"):
        call_command("backup", str(tmp_path / "b.tar.gz"))


def universe_date():
    from datetime import date

    return date(2015, 1, 1)


def _previous_in(out: str) -> Path:
    line = next(line for line in out.splitlines() if "as it was before is kept in" in line)
    return Path(line.rsplit(" in ", 1)[1].rstrip("."))


def _scratch_databases() -> list[str]:
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute("SELECT datname FROM pg_database WHERE datname LIKE '%restore_check%'")
        return [row[0] for row in cursor.fetchall()]


def _rewrite_manifest(source: Path, target: Path, **changes: Any) -> Path:
    import io
    import json
    import tarfile

    with tarfile.open(source, "r:gz") as archive:
        manifest = json.loads(archive.extractfile("manifest.json").read())  # type: ignore[union-attr]
        name = "database.sqlite3" if manifest["engine"] == "sqlite" else "database.pgdump"
        database = archive.extractfile(name).read()  # type: ignore[union-attr]
    manifest.update(changes)
    with tarfile.open(target, "w:gz") as archive:
        for member, data in (("manifest.json", json.dumps(manifest).encode()), (name, database)):
            info = tarfile.TarInfo(member)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return target


def test_a_backup_is_copied_to_the_default_storage(universe, tmp_path, capsys):
    from django.core.files.storage import storages

    backup = tmp_path / "daily.tar.gz"
    call_command("backup", str(backup), "--store")
    assert "Stored a copy as backups/daily.tar.gz." in capsys.readouterr().out
    with storages["default"].open("backups/daily.tar.gz", "rb") as stored:
        assert stored.read() == backup.read_bytes()
    again = tmp_path / "again" / "daily.tar.gz"
    again.parent.mkdir()
    call_command("backup", str(again), "--store")
    names = storages["default"].listdir("backups")[1]
    assert len(names) == 2  # the first copy is kept
