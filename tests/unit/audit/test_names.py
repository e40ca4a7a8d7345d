"""Audit event names are declared once, in `AuditAction`, and `record_event` takes only those."""

import re
from pathlib import Path

import pytest

from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.directory.models import ConceptEntryChange
from earlyhelp.records.models import EntryKind

SOURCE = Path(__file__).resolve().parents[3] / "earlyhelp"
NAMES = SOURCE / "audit" / "names.py"
BUILT = re.compile(r'AuditAction\(f"([a-z_]+\.[a-z_]*)\{')


def _code() -> str:
    return "\n".join(
        path.read_text()
        for path in SOURCE.rglob("*.py")
        if path != NAMES and "migrations" not in path.parts
    )


def test_every_declared_name_is_used_somewhere():
    code = _code()
    built = tuple(BUILT.findall(code))
    unused = [
        member
        for member in AuditAction
        if f"AuditAction.{member.name}" not in code and not member.value.startswith(built)
    ]
    assert unused == []


def test_names_built_at_run_time_are_all_declared():
    for kind in (EntryKind.LEVEL_CHANGE, EntryKind.STEP_UP, EntryKind.STEP_DOWN):
        assert AuditAction(f"early_help.{kind.value}")
    for change in ConceptEntryChange.Kind:
        assert AuditAction(f"directory.concept_{change}")


def test_no_audit_name_is_written_as_a_string_outside_the_enumeration():
    quoted = re.compile(r'"(' + "|".join(re.escape(m.value) for m in AuditAction) + r')"')
    assert quoted.findall(_code()) == []


def test_an_unknown_name_is_refused():
    with pytest.raises(TypeError, match="not an AuditAction"):
        record_event(by=None, action="concern.loged")  # type: ignore[arg-type]


def test_a_plain_string_is_refused_even_with_a_declared_value():
    with pytest.raises(TypeError, match="declare it in earlyhelp/audit/names"):
        record_event(by=None, action="concern.logged")  # type: ignore[arg-type]


def test_an_undeclared_name_cannot_be_built():
    with pytest.raises(ValueError, match="is not a valid AuditAction"):
        AuditAction("early_help.jumped")
