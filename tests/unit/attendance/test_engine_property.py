"""The engine agrees with the naive reference implementation on random registers."""

import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.unit.attendance.helpers import engine_report
from tests.unit.attendance.reference import report as reference_report

# Weighted toward unauthorised absence so that runs and windows actually happen.
CODES = ["/", "\\", "L", "B", "I", "M", "C1", "N", "O", "G", "U", "Z", "#", "Y3", "D", "-"]
UNAUTHORISED = ["N", "O", "G", "U"]
START = date(2025, 12, 1)  # five weeks either side of Christmas
UPNS = ["A0000000000001", "B0000000000002", "C0000000000003", "D0000000000004"]

mark = st.tuples(
    st.sampled_from(UPNS),
    st.integers(min_value=0, max_value=90).map(lambda n: START + timedelta(days=n)),
    st.sampled_from(["AM", "PM"]),
    st.one_of(st.sampled_from(CODES), st.sampled_from(UNAUTHORISED)),
)


def unique_sessions(rows):
    return list(
        {
            (upn, day, session): (upn, day, session, code) for upn, day, session, code in rows
        }.values()
    )


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(mark, max_size=400).map(unique_sessions),
    first=st.integers(min_value=0, max_value=30),
    length=st.integers(min_value=0, max_value=90),
)
def test_engine_agrees_with_the_reference_on_random_registers(rows, first, length):
    start = START + timedelta(days=first)
    end = start + timedelta(days=length)
    with tempfile.TemporaryDirectory() as folder:
        got = engine_report(Path(folder), rows, start, end)
    assert got == reference_report(rows, start, end)


@settings(max_examples=40, deadline=None)
@given(
    upn=st.sampled_from(UPNS),
    absent=st.integers(min_value=0, max_value=120),
    present=st.integers(min_value=0, max_value=120),
)
def test_persistent_and_severe_compare_exactly(upn, absent, present):
    days = [START + timedelta(days=n) for n in range(absent + present)]
    rows = [(upn, d, "AM", "O" if n < absent else "/") for n, d in enumerate(days)]
    with tempfile.TemporaryDirectory() as folder:
        got = engine_report(Path(folder), rows, START, START + timedelta(days=300))
    assert got == reference_report(rows, START, START + timedelta(days=300))
