"""What an app process keeps of the published Offers it has looked up: the most recent,
up to a number of schools (earlyhelp/offers/rendering.py)."""

from datetime import date
from unittest import mock

from earlyhelp.offers.rendering import Kept, Known, Published


def kept(name: str) -> Kept:
    published = Published(mock.Mock(name=name), mock.Mock(), key=name)
    return Kept(("generation", date(2026, 12, 7), "release"), 0.0, published)


def test_the_least_recently_looked_up_school_goes_first_when_full():
    known = Known(limit=2)
    known.put("a", kept("a"))
    known.put("b", kept("b"))
    assert known.get("a") is not None  # a is now the more recent

    known.put("c", kept("c"))

    assert known.get("b") is None
    assert known.get("a") is not None and known.get("c") is not None


def test_a_school_looked_up_again_replaces_what_was_kept():
    known = Known(limit=2)
    known.put("a", kept("old"))
    known.put("a", kept("new"))

    found = known.get("a")
    assert found is not None and found.published.key == "new"
    assert len(known.entries) == 1
