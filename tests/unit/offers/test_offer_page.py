"""The Offer page built from a snapshot: levels in the school's words, topics, the index."""

from datetime import date, timedelta

import time_machine

from earlyhelp.directory.presentation import ServiceCard
from earlyhelp.offers.snapshot import page_from_snapshot


def card(pk, name, *topics, scope="local"):
    topic_list = [{"code": code, "name": topic} for code, topic in topics]
    return ServiceCard(
        id=pk,
        name=name,
        organization=name,
        scope=scope,
        status="active",
        description="",
        url="",
        topics=topic_list,
    ).to_json()


MENTAL_HEALTH = ("mental-health", "Mental health and wellbeing")
BULLYING = ("bullying", "Bullying")
DOMESTIC_ABUSE = ("domestic-abuse", "Domestic abuse")


def content(levels, review_due="2027-03-01"):
    return {
        "school": {"name": "Northfield Primary", "slug": "northfield-primary"},
        "introduction": "",
        "raising_concerns": "",
        "attendance": "",
        "review_due": review_due,
        "people": [],
        "levels": [
            {"level": n, "heading": heading, "description": "", "entries": entries}
            for n, (heading, entries) in enumerate(levels, start=1)
        ],
    }


def test_levels_keep_the_schools_words_and_only_levels_with_services_show():
    page = page_from_snapshot(
        content(
            [
                ("Everyone", [card(1, "Nurture group", MENTAL_HEALTH)]),
                ("Need a bit of help?", []),
                ("", [card(2, "Family Support", MENTAL_HEALTH)]),
                ("When we all work together", [card(3, "Front door", BULLYING)]),
            ]
        ),
        live=False,
    )

    assert [level.heading for level in page.shown_levels] == [
        "Everyone",
        "If we can't help",  # no wording of the school's: the usual one
        "When we all work together",
    ]


def test_within_a_level_services_are_grouped_by_their_main_topic_in_the_schools_order():
    page = page_from_snapshot(
        content(
            [
                (
                    "Everyone",
                    [
                        card(1, "Kooth", MENTAL_HEALTH),
                        card(2, "Anti-bullying ambassadors", BULLYING, MENTAL_HEALTH),
                        card(3, "ELSA", MENTAL_HEALTH),
                        card(4, "Homework club"),
                    ],
                ),
                ("", []),
                ("", []),
                ("", []),
            ]
        ),
        live=False,
    )

    groups = [(topic, [c.name for c in cards]) for topic, cards in page.levels[0].by_topic]
    assert groups == [
        ("Mental health and wellbeing", ["Kooth", "ELSA"]),
        ("Bullying", ["Anti-bullying ambassadors"]),
        ("Other support", ["Homework club"]),
    ]


def test_a_long_level_shows_its_first_three_services_and_keeps_the_rest_for_show_all():
    services = [card(n, f"Service {n}", BULLYING if n % 2 else MENTAL_HEALTH) for n in range(8)]
    short = [card(10 + n, f"Short {n}", BULLYING) for n in range(5)]
    page = page_from_snapshot(
        content([("", services), ("", short), ("", []), ("", [])]), live=False
    )
    long_level, short_level = page.shown_levels

    def names(groups):
        return [(topic, [c.name for c in cards]) for topic, cards in groups]

    assert long_level.collapses and not short_level.collapses
    assert names(long_level.first_few) == [
        ("Mental health and wellbeing", ["Service 0", "Service 2", "Service 4"])
    ]
    assert names(long_level.the_rest) == [
        ("Mental health and wellbeing", ["Service 6"]),
        ("Bullying", ["Service 1", "Service 3", "Service 5", "Service 7"]),
    ]
    shown = [
        c.id
        for groups in (long_level.first_few, long_level.the_rest)
        for _, cs in groups
        for c in cs
    ]
    assert sorted(shown) == list(range(8))  # each service once


def test_quick_exit_follows_the_topics_shown():
    calm = content([("Everyone", [card(1, "Kooth", MENTAL_HEALTH)]), ("", []), ("", []), ("", [])])
    sensitive = content(
        [("Everyone", [card(1, "Refuge", DOMESTIC_ABUSE)]), ("", []), ("", []), ("", [])]
    )

    assert not page_from_snapshot(calm, live=False).quick_exit
    assert page_from_snapshot(sensitive, live=False).quick_exit


def test_review_is_overdue_only_after_the_review_date():
    due = date(2027, 3, 1)
    page = page_from_snapshot(content([("", [])] * 4, review_due=due.isoformat()), live=False)

    with time_machine.travel(due, tick=False):
        assert not page.review_overdue
    with time_machine.travel(due + timedelta(days=1), tick=False):
        assert page.review_overdue
