"""record_call validates its row: an outcome that is not one of the choices is refused."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from earlyhelp.attendance.actions import record_call
from earlyhelp.attendance.models import CallOutcome, FirstDayCall
from earlyhelp.audit.models import AuditEvent
from tests.concerns_universe import add_roll


def test_an_unknown_call_outcome_is_refused_and_nothing_is_written(universe):
    amy = add_roll(universe).amy
    events = AuditEvent.objects.count()
    with pytest.raises(ValidationError, match="not a valid choice"):
        record_call(pupil=amy, day=date(2026, 11, 2), outcome="shrugged", by=universe.dee)  # type: ignore[arg-type]
    assert not FirstDayCall.objects.exists()
    assert AuditEvent.objects.count() == events
    record_call(pupil=amy, day=date(2026, 11, 2), outcome=CallOutcome.NO_ANSWER, by=universe.dee)
    assert FirstDayCall.objects.get().outcome == CallOutcome.NO_ANSWER
