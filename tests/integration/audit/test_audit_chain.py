import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from earlyhelp.audit.models import AppendOnlyError, AuditEvent


def test_actions_leave_a_verifiable_chain(universe, capsys):
    assert AuditEvent.objects.filter(action="offer.published").exists()
    call_command("verify_audit")
    assert "intact" in capsys.readouterr().out


def test_an_edited_row_is_named(universe):
    victim = AuditEvent.objects.order_by("id")[3]
    _raw_tamper(f"UPDATE audit_auditevent SET actor_name = 'someone else' WHERE id = {victim.pk}")
    with pytest.raises(CommandError, match=f"event {victim.pk}: its content was changed"):
        call_command("verify_audit")


def test_a_removed_row_is_noticed(universe):
    victim = AuditEvent.objects.order_by("id")[3]
    _raw_tamper(f"DELETE FROM audit_auditevent WHERE id = {victim.pk}")
    following = AuditEvent.objects.filter(id__gt=victim.pk).order_by("id")[0]
    with pytest.raises(CommandError, match=f"event {following.pk}: a row before it was removed"):
        call_command("verify_audit")


def test_the_orm_refuses_to_change_or_delete_events(universe):
    event = AuditEvent.objects.order_by("id")[0]
    event.actor_name = "x"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().update(actor_name="x")


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite enforces append-only in code only"
)
def test_the_database_refuses_to_change_events(universe):
    event = AuditEvent.objects.order_by("id")[0]
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET action = 'x' WHERE id = %s", [event.pk])


def _raw_tamper(sql: str) -> None:
    """What an attacker with database access might do: drop the guard, then edit."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER USER")
            cursor.execute(sql)
            cursor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER USER")
        else:
            cursor.execute(sql)
