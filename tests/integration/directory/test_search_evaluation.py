"""The search evaluation command runs on a small set and prints its three figures."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from earlyhelp.directory.search.evaluation import DEFAULT_FILE, read_cases

CASES = """
[[case]]
q = "my child is being bullied"
expect = ["Anti-Bullying Helpline"]
[[case]]
q = "anxious"
expect = ["Calm Minds"]
[[case]]
q = "trampolinez"
expect = ["Calm Minds"]
"""


def test_the_evaluation_prints_success_mrr_and_no_result_share(make_service, tmp_path: Path):
    make_service("Anti-Bullying Helpline", topics=("bullying",))
    make_service("Calm Minds", topics=("mental-health",))
    file = tmp_path / "cases.toml"
    file.write_text(CASES)
    out = StringIO()
    call_command("eval_search", str(file), "--verbose", stdout=out)
    text = out.getvalue()
    assert "3 queries" in text
    assert "success@5             66.7%" in text
    assert "no result             33.3%" in text
    assert "mean reciprocal rank  0.667" in text
    assert "miss (rank -): 'trampolinez'" in text


def test_an_expected_service_missing_from_the_directory_is_an_error(make_service, tmp_path):
    make_service("Calm Minds", topics=("mental-health",))
    file = tmp_path / "cases.toml"
    file.write_text(CASES)
    with pytest.raises(CommandError, match="Anti-Bullying Helpline"):
        call_command("eval_search", str(file), stdout=StringIO())


def test_the_shipped_set_is_large_and_varied():
    cases = read_cases(DEFAULT_FILE)
    assert len(cases) >= 150
    assert any(" " in c.q and len(c.q.split()) >= 6 for c in cases)  # whole sentences
    assert any(c.q[:3].isupper() and c.q[2].isdigit() for c in cases)  # postcodes
