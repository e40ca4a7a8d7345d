"""The test universe put back from its snapshot is the universe a build makes (tests/snapshots.py).

If a builder gains a side effect the snapshot does not keep, these fail before a thousand
other tests start passing for the wrong reason."""

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.db import transaction
from django.utils import timezone

from earlyhelp.accounts.models import User
from earlyhelp.audit.verify import verify_chain
from earlyhelp.directory.models import Service
from earlyhelp.offers.models import Offer
from tests.snapshots import Snapshot
from tests.universe import Universe, build_universe

pytestmark = pytest.mark.django_db


def _counts(snapshot: Snapshot) -> dict[str, int]:
    assert snapshot.tables
    return {t.model._meta.label: t.model._base_manager.count() for t in snapshot.tables}


def test_a_restored_universe_has_the_rows_a_build_makes(_universe_snapshot: Snapshot, db: None):
    before = _counts(_universe_snapshot)
    with transaction.atomic():
        restored = _universe_snapshot.get()
        after_restore = _counts(_universe_snapshot)
        transaction.set_rollback(True)
    built = build_universe()
    after_build = _counts(_universe_snapshot)

    assert after_restore == after_build != before
    assert restored.dee.username == built.dee.username
    user = User.objects.get(username="dee")
    assert user.check_password("correct horse battery staple")


def test_the_restored_rows_are_whole(universe: Universe):
    offer = Offer.objects.get(school=universe.northfield)
    assert offer.published_version is not None
    assert [e.service.name for e in offer.entries.order_by("level", "service__name")] == [
        "Breakfast club",
        "Samaritans",
        "Testshire Young Carers",
    ]
    assert Service.objects.get(pk=universe.young_carers.pk).phones.count() == 1
    checked, broken = verify_chain()
    assert checked > 0
    assert broken is None


def test_a_test_changes_its_own_copy_of_the_objects(
    _universe_snapshot: Snapshot, universe: Universe
):
    universe.northfield.name = "Renamed in memory"
    universe.northfield.offer.introduction = "Changed in memory"
    kept = _universe_snapshot.result
    assert kept.northfield.name == "Northfield Primary"
    assert kept.northfield.offer.introduction == "We help families early."


def test_a_changed_setting_builds_the_universe_for_real(
    _universe_snapshot: Snapshot, settings: Any, db: None
):
    settings.OFFER_REVIEW_MONTHS = 3
    universe = _universe_snapshot.get()
    due = Offer.objects.get(school=universe.northfield).review_due
    assert due is not None
    assert due < timezone.localdate() + timedelta(days=100)


def test_another_clock_builds_the_universe_for_real(_universe_snapshot: Snapshot, db: None):
    with time_machine.travel("2026-03-02 09:00Z", tick=False):
        universe = _universe_snapshot.get()
        created = User.objects.get(pk=universe.dee.pk).date_joined
    assert created.date().isoformat() == "2026-03-02"
