"""The list date formatter says what the template filter says."""

from datetime import UTC, datetime

import pytest
from django.template.defaultfilters import date as date_filter
from django.utils import timezone

from earlyhelp.lib.datefmt import short_datetimes


@pytest.mark.parametrize(
    "value",
    [
        datetime(2026, 7, 1, 9, 5, tzinfo=UTC),  # British Summer Time
        datetime(2026, 12, 31, 23, 59, tzinfo=UTC),
        datetime(2027, 3, 28, 0, 30, tzinfo=UTC),  # the night the clocks go forward
        datetime(2026, 9, 9, 12, 0, tzinfo=UTC),
    ],
)
def test_same_as_the_date_filter(value):
    expected = date_filter(timezone.localtime(value), "j M Y H:i")
    assert short_datetimes()(value) == expected
