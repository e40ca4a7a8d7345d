"""`{% link_status url %}`: what a family reads under a service's web address."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.template import Context, Template

from earlyhelp.lib.linkcheck import LinkResult
from earlyhelp.links.actions import record_link_checks
from earlyhelp.links.status import statuses_for

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
URL = "https://www.example.org/young-carers"


def checked(day: int, *, ok: bool, hour: int = 12, month: int = 3) -> None:
    result = LinkResult(URL, ok=ok, status_code=200 if ok else 404, error="" if ok else "HTTP 404")
    at = datetime(2026, month, day, hour, 30, tzinfo=LONDON)
    record_link_checks(by=None, results=[result], checked_at=at)


def shown(source: str = "{% link_status url %}", **context: object) -> str:
    html = Template("{% load links %}" + source).render(Context({"url": URL, **context}))
    return html


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.parametrize(
    ("today", "words"),
    [(5, "Link checked today"), (6, "Link checked yesterday"), (9, "Link checked 4 days ago")],
)
def test_a_working_link_says_when_it_was_checked(today: int, words: str) -> None:
    checked(5, ok=True)
    with time_machine.travel(datetime(2026, 3, today, 9, 0, tzinfo=LONDON), tick=False):
        assert text(shown()) == words


def test_days_are_counted_in_english_calendar_days() -> None:
    # 23:30 on 5 June and 00:30 on 6 June in London are both 5 June in UTC.
    checked(5, ok=True, hour=23, month=6)
    with time_machine.travel(datetime(2026, 6, 6, 0, 30, tzinfo=LONDON), tick=False):
        assert text(shown()) == "Link checked yesterday"


def test_a_failing_link_says_since_when_in_words_not_only_colour() -> None:
    checked(1, ok=True)
    checked(3, ok=False)
    checked(7, ok=False)
    with time_machine.travel(datetime(2026, 3, 9, 9, 0, tzinfo=LONDON), tick=False):
        html = shown()
    assert text(html) == "Link not working since 3 March 2026"
    assert 'class="govuk-tag govuk-tag--red">Link not working</strong>' in html


def test_an_unchecked_link_shows_nothing() -> None:
    assert shown().strip() == ""


def test_a_status_fetched_for_a_list_renders_without_a_query(django_assert_num_queries):
    checked(5, ok=True)
    statuses = statuses_for([URL])
    at = datetime(2026, 3, 5, 13, 0, tzinfo=LONDON)
    with time_machine.travel(at, tick=False), django_assert_num_queries(0):
        html = shown("{% link_status status %}", status=statuses[URL])
    assert text(html) == "Link checked today"
