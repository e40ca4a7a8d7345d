"""What each chronology line says: local time, the kind, the summary as written, who."""

from datetime import UTC, datetime

import pytest
from django.db import transaction

from earlyhelp.records.chronology import add_entry
from earlyhelp.records.models import EntryKind
from tests.concerns_universe import add_roll, signed_in


@pytest.fixture
def roll(universe):
    return add_roll(universe)


def test_a_line_shows_uk_time_kind_summary_and_who(client, universe, roll):
    with transaction.atomic():
        add_entry(
            pupil=roll.amy,
            kind=EntryKind.REVIEW,
            summary="Went well.\n<b>Next</b> in June",
            by=universe.dee,
            occurred_at=datetime(2026, 7, 1, 9, 5, tzinfo=UTC),
        )
        add_entry(
            pupil=roll.amy,
            kind=EntryKind.NOTE,
            summary="Clock check",
            by=None,
            occurred_at=datetime(2026, 12, 1, 9, 5, tzinfo=UTC),
        )
    signed_in(client, universe.dee)
    url = f"/staff/schools/{roll.amy.school.slug}/children/{roll.amy.pk}/chronology/"
    html = client.get(url).content.decode()
    summer = html.index("1 July 2026 at 10:05am")  # British Summer Time
    assert "Review" in html[summer:] and "Dee Lane" in html[summer:]
    assert "Went well.<br>&lt;b&gt;Next&lt;/b&gt; in June" in html
    winter = html.index("1 December 2026 at 9:05am")
    assert winter < summer and "System" in html[winter:summer]
