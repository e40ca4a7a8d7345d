"""`earlyhelp check-offer SLUG`: a table or JSON of findings; exit 0, 1 on errors, 2 unknown."""

import io
import json

import pytest
from django.core.management import CommandError, call_command, execute_from_command_line

from earlyhelp.__main__ import with_command_alias
from earlyhelp.schools.models import School


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("check_offer", *args, stdout=out)
    return out.getvalue()


def test_a_clean_offer_says_so_and_exits_zero(clean: School):
    assert run(clean.slug).strip() == "No problems found."


def test_findings_print_as_a_table_and_errors_exit_one(troubled: School):
    out = io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("check_offer", troubled.slug, stdout=out)
    assert raised.value.returncode == 1
    assert str(raised.value) == "Found 1 error."
    header, rule, *rows = out.getvalue().splitlines()
    assert header.split()[:3] == ["Severity", "Code", "Where"]
    assert "What is wrong" in header and "Suggested fix" in header
    assert set(rule) == {"-", " "}
    assert rows[0].split()[:4] == ["error", "domain-retired", "Service:", "Testshire"]
    where = header.index("Where")
    assert [row[where:].split("  ")[0] for row in rows] == [
        "Service: Testshire Referrals",
        "Service: Testshire Referrals",
        "Key people",
    ]
    assert "Find the organisation's current address" in rows[0]
    assert [row.split()[1] for row in rows] == [
        "domain-retired",
        "phone-costly",
        "missing-required",
    ]


def test_json_gives_the_contract_fields_plus_where_and_fix(troubled: School):
    with pytest.raises(CommandError):
        call_command("check_offer", troubled.slug, "--json", stdout=(out := io.StringIO()))
    findings = json.loads(out.getvalue())
    assert [f["code"] for f in findings] == ["domain-retired", "phone-costly", "missing-required"]
    assert [f["severity"] for f in findings] == ["error", "warning", "warning"]
    for finding in findings:
        assert set(finding) == {"code", "severity", "message", "where", "fix"}
    assert findings[2]["where"] == "Key people"


def test_today_decides_whether_the_review_is_overdue(clean: School):
    assert run(clean.slug, "--json", "--today", "2000-01-01") == "[]\n"
    late = json.loads(run(clean.slug, "--json", "--today", "2999-01-01"))
    assert [f["code"] for f in late] == ["review-overdue"]


def test_the_hyphenated_name_runs_the_command():
    assert with_command_alias(["earlyhelp", "check-offer", "x", "--json"]) == [
        "earlyhelp",
        "check_offer",
        "x",
        "--json",
    ]


def test_an_unknown_school_is_one_line_on_stderr_and_exit_two(universe, capsys):
    with pytest.raises(SystemExit) as raised:
        execute_from_command_line(with_command_alias(["earlyhelp", "check-offer", "nowhere"]))
    assert raised.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == ["CommandError: No school has the slug 'nowhere'."]
