"""Tampering with one audit row in a copy of the database is found and the row named.

tests/integration/audit/test_audit_chain.py edits and removes rows in the test database on
both engines (dropping PostgreSQL's guard trigger first, as a superuser could). Here the
edited copy is a backup: an attacker edits one row, takes a backup, and that backup is
restored; the restore's verification names the row and refuses to call the restore good.
"""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from earlyhelp.audit.models import AuditEvent
from tests.integration.audit.tamper import raw_tamper
from tests.integration.dataprotection.conftest import build_child_records

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("taxonomies")]


def test_a_restored_copy_with_one_edited_row_fails_and_names_it(universe, tmp_path, capsys):
    build_child_records(universe)
    victim = AuditEvent.objects.filter(action="pupils.roll_imported").order_by("id")[0]
    _as_superuser(
        "UPDATE audit_auditevent SET details = '{}' , actor_name = 'Nobody' WHERE id = %s",
        [victim.pk],
    )
    tampered = tmp_path / "tampered.tar.gz"
    call_command("backup", str(tampered))

    with pytest.raises(CommandError, match="nothing was restored"):
        call_command("restore", str(tampered))
    out = capsys.readouterr().out
    assert f"Audit trail broken at event {victim.pk}: its content was changed" in out
    with pytest.raises(CommandError, match=f"event {victim.pk}"):
        call_command("verify_audit")


def _as_superuser(sql: str, params: list[int | str]) -> None:
    """The triggers refuse the edit, so the attacker lifts them first."""
    raw_tamper(sql, params)
