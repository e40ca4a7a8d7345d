import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import override_settings

from earlyhelp.audit.models import AuditEvent
from earlyhelp.dataprotection.rotation import ROTATED, list_encrypted_columns
from earlyhelp.records.models import ChronologyEntry
from tests.integration.dataprotection.conftest import SECRETS, ChildRecords, build_child_records

OLD = Fernet.generate_key().decode()
NEW = Fernet.generate_key().decode()


def raw_summaries() -> dict[int, str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, summary FROM casework_chronologyentry ORDER BY id")
        return dict(cursor.fetchall())


@pytest.fixture
def old_records(universe) -> ChildRecords:
    with override_settings(FIELD_ENCRYPTION_KEYS=[OLD]):
        return build_child_records(universe)


def test_the_chronology_summary_is_one_of_the_encrypted_columns():
    labels = [c.label for c in list_encrypted_columns()]
    assert "records.chronologyentry.summary" in labels


def test_rotation_rewrites_every_value_and_the_old_key_can_go(old_records, capsys):
    before = raw_summaries()
    assert not any(secret in raw for raw in before.values() for secret in SECRETS)

    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW, OLD]):
        call_command("rotate_field_keys", "--batch-size", "2")
    out, err = capsys.readouterr()

    after = raw_summaries()
    assert after.keys() == before.keys()
    assert all(after[pk] != before[pk] for pk in before)
    assert not any(secret in raw for raw in after.values() for secret in SECRETS)
    assert "records.chronologyentry.summary: 3 re-encrypted" in out
    assert "records.chronologyentry.summary: 2 rows checked" in err
    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW]):
        summaries = set(ChronologyEntry.objects.values_list("summary", flat=True))
    assert summaries == set(SECRETS)


def test_a_second_run_changes_nothing(old_records, capsys):
    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW, OLD]):
        call_command("rotate_field_keys")
        once = raw_summaries()
        call_command("rotate_field_keys")
    assert raw_summaries() == once
    assert "0 re-encrypted, 3 already under the first key" in capsys.readouterr().out


def test_rotation_is_recorded_with_counts_and_no_key(old_records):
    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW, OLD]):
        call_command("rotate_field_keys")
    event = AuditEvent.objects.get(action=ROTATED)
    assert event.details["columns"]["records.chronologyentry.summary"]["rewritten"] == 3
    assert event.details["keys"] == 2
    assert NEW not in str(event.details) and OLD not in str(event.details)


def test_with_one_key_it_refuses_unless_forced(records, capsys):
    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW]):
        with pytest.raises(CommandError, match="Put the new key first"):
            call_command("rotate_field_keys")
        assert not AuditEvent.objects.filter(action=ROTATED).exists()


def test_forced_with_one_key_encrypts_a_value_found_in_clear(records, capsys):
    entry = records.entries[0]
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE casework_chronologyentry SET summary = %s WHERE id = %s",
            ["written before encryption", entry.pk],
        )
    call_command("rotate_field_keys", "--force")
    assert "written before" not in raw_summaries()[entry.pk]
    assert ChronologyEntry.objects.get(pk=entry.pk).summary == "written before encryption"
    assert "1 found in clear and encrypted" in capsys.readouterr().out


def test_a_value_no_key_can_read_stops_the_rotation_and_names_the_row(old_records):
    third = Fernet.generate_key().decode()
    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW, third]):
        before = raw_summaries()
        first_pk = min(before)
        with pytest.raises(CommandError, match=f"Row {first_pk} of records.chronologyentry"):
            call_command("rotate_field_keys")
    assert raw_summaries() == before


def test_new_key_prints_a_usable_key_and_changes_nothing(old_records, capsys):
    before = raw_summaries()
    call_command("rotate_field_keys", "--new-key")
    key = capsys.readouterr().out.strip()
    Fernet(key.encode())
    assert raw_summaries() == before
