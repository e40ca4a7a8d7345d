import hashlib
import json
from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.test import override_settings

from earlyhelp.audit.anchors import current_anchor, latest_anchor, write_anchor
from earlyhelp.audit.events import GENESIS, record_event
from earlyhelp.audit.models import KEYED, UNKEYED, AppendOnlyError, AuditEvent
from earlyhelp.audit.names import AuditAction
from tests.integration.audit.tamper import raw_tamper


def test_actions_leave_a_verifiable_chain(universe, capsys):
    assert AuditEvent.objects.filter(action="offer.published").exists()
    assert set(AuditEvent.objects.values_list("chain_version", flat=True)) == {KEYED}
    call_command("verify_audit")
    assert "intact" in capsys.readouterr().out


def test_an_edited_row_is_named(universe):
    victim = AuditEvent.objects.order_by("id")[3]
    raw_tamper(f"UPDATE audit_auditevent SET actor_name = 'someone else' WHERE id = {victim.pk}")
    with pytest.raises(CommandError, match=f"event {victim.pk}: its content was changed"):
        call_command("verify_audit")


def test_a_removed_row_is_noticed(universe):
    victim = AuditEvent.objects.order_by("id")[3]
    raw_tamper(f"DELETE FROM audit_auditevent WHERE id = {victim.pk}")
    following = AuditEvent.objects.filter(id__gt=victim.pk).order_by("id")[0]
    with pytest.raises(CommandError, match=f"event {following.pk}: a row before it was removed"):
        call_command("verify_audit")


def test_a_rewritten_row_with_the_whole_chain_recomputed_fails(universe):
    """The attack of issue 10: edit a row, recompute every hash after it the old way
    (plain SHA-256). Without the key the keyed rows cannot be recomputed."""
    victim = AuditEvent.objects.order_by("id")[3]
    raw_tamper(f"UPDATE audit_auditevent SET actor_name = 'someone else' WHERE id = {victim.pk}")
    rechain_unkeyed(from_id=victim.pk, version=KEYED)
    with pytest.raises(CommandError, match=f"event {victim.pk}: its content was changed"):
        call_command("verify_audit")


def test_rows_passed_off_as_unkeyed_after_keyed_ones_fail(universe):
    victim = AuditEvent.objects.order_by("id")[3]
    raw_tamper(f"UPDATE audit_auditevent SET actor_name = 'someone else' WHERE id = {victim.pk}")
    rechain_unkeyed(from_id=victim.pk, version=UNKEYED)
    with pytest.raises(CommandError, match=f"event {victim.pk}: an unkeyed row after keyed"):
        call_command("verify_audit")


def test_a_whole_trail_rewritten_unkeyed_fails_against_its_anchor(universe, capsys):
    call_command("anchor_audit")
    first = AuditEvent.objects.order_by("id")[0]
    raw_tamper(f"UPDATE audit_auditevent SET actor_name = 'someone else' WHERE id = {first.pk}")
    rechain_unkeyed(from_id=first.pk, version=UNKEYED)
    with pytest.raises(
        CommandError, match=r"does not match its anchor: .* the trail was rewritten"
    ):
        call_command("verify_audit")


def test_rows_written_before_the_keyed_chain_still_verify(db, capsys):
    """Rows from before issue 10 (version 1, plain SHA-256) are followed by keyed rows."""
    previous = GENESIS
    for n in range(3):
        legacy = AuditEvent(
            created_at=datetime(2025, 1, n + 1, 9, tzinfo=UTC),
            action="legacy.event",
            details={"n": n},
            previous_hash=previous,
            chain_version=UNKEYED,
        )
        legacy.hash = legacy.compute_hash()
        legacy.save()
        previous = legacy.hash
    assert legacy.hash == unkeyed_hash(legacy)
    with transaction.atomic():
        record_event(by=None, action=AuditAction.LINKS_CHECKED)
    call_command("verify_audit")
    assert "intact: 4 events checked" in capsys.readouterr().out


def test_an_emptied_trail_fails_against_its_anchor(universe, capsys):
    events = AuditEvent.objects.count()
    call_command("anchor_audit")
    assert f"Anchored {events:,} audit events" in capsys.readouterr().out
    raw_tamper("DELETE FROM audit_auditevent")
    with pytest.raises(CommandError, match=f"has 0 events .* \\({events:,} events\\).* emptied"):
        call_command("verify_audit")


def test_a_trail_cut_short_fails_against_its_anchor(universe):
    call_command("anchor_audit")
    last = AuditEvent.objects.order_by("-id")[0]
    raw_tamper(f"DELETE FROM audit_auditevent WHERE id = {last.pk}")
    with pytest.raises(CommandError, match="cut short"):
        call_command("verify_audit")


def test_events_after_the_anchor_are_fine(universe, capsys):
    call_command("anchor_audit")
    capsys.readouterr()
    with transaction.atomic():
        record_event(by=None, action=AuditAction.LINKS_CHECKED)
    call_command("verify_audit")
    assert "intact" in (out := capsys.readouterr().out) and "matching the anchor of" in out


def test_an_anchor_signed_with_another_key_is_refused(universe):
    with override_settings(AUDIT_CHAIN_KEY="another-key-of-at-least-thirty-two-characters"):
        write_anchor(current_anchor())
    with pytest.raises(CommandError, match="not signed with this installation's AUDIT_CHAIN_KEY"):
        call_command("verify_audit")


def test_a_broken_chain_is_not_anchored(universe):
    victim = AuditEvent.objects.order_by("id")[2]
    raw_tamper(f"UPDATE audit_auditevent SET actor_name = 'x' WHERE id = {victim.pk}")
    with pytest.raises(CommandError, match="Not anchored"):
        call_command("anchor_audit")
    assert latest_anchor() is None


def test_the_orm_refuses_to_change_or_delete_events(universe):
    event = AuditEvent.objects.order_by("id")[0]
    event.actor_name = "x"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().update(actor_name="x")


def test_the_database_refuses_to_change_events(universe):
    event = AuditEvent.objects.order_by("id")[0]
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET action = 'x' WHERE id = %s", [event.pk])


@override_settings(AUDIT_TRAIL_FLUSHABLE=False)
def test_the_database_refuses_to_delete_events(universe):
    event = AuditEvent.objects.order_by("id")[0]
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="TRUNCATE is PostgreSQL's")
def test_postgresql_refuses_truncate(universe):
    events = AuditEvent.objects.count()
    refused = pytest.raises(DatabaseError, match="TRUNCATE refused")
    with refused, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL earlyhelp.audit_flushable = 'off'")
        cursor.execute("TRUNCATE audit_auditevent")
    assert AuditEvent.objects.count() == events


def unkeyed_hash(event: AuditEvent) -> str:
    payload = json.dumps(event.content(), sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256((event.previous_hash + payload).encode()).hexdigest()


def rechain_unkeyed(*, from_id: int, version: int) -> None:
    """Recompute every hash from `from_id` on with plain SHA-256, as the probe did."""
    before = AuditEvent.objects.filter(id__lt=from_id).order_by("-id").first()
    previous = before.hash if before else GENESIS
    for event in AuditEvent.objects.filter(id__gte=from_id).order_by("id"):
        event.previous_hash = previous
        new_hash = unkeyed_hash(event)
        raw_tamper(
            "UPDATE audit_auditevent SET previous_hash = %s, hash = %s, chain_version = %s "
            "WHERE id = %s",
            [previous, new_hash, version, event.pk],
        )
        previous = new_hash
