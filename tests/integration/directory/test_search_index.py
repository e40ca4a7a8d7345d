"""The full-text index follows every write, and is in place once migrations have run."""

from earlyhelp.directory.actions import set_service_status, update_service
from earlyhelp.directory.data import ServiceData
from earlyhelp.directory.models import Service
from earlyhelp.directory.search import build_search_text, index_service
from earlyhelp.directory.search.schema import missing_index_objects
from tests.integration.directory.test_search_ranking import search


def test_the_index_exists_after_every_migration(db):
    # A migration that makes Django rebuild directory_service on SQLite drops its triggers:
    # it must install them again (earlyhelp/directory/search/schema.py).
    assert missing_index_objects() == set()


def test_an_update_through_the_action_reindexes_the_name_and_text(make_service):
    service = make_service("Kite Club", description="Kites on the common.")
    update_service(
        by=None,
        service=service,
        data=ServiceData(
            name="Balloon Club",
            organization_name="Amberlode Trust",
            description="Hot air on the heath.",
            topics=("bereavement",),
        ),
    )
    assert search("kite") == []
    assert search("common") == []
    assert search("balloon") == ["Balloon Club"]
    assert search("heath") == ["Balloon Club"]
    assert search("amberlode") == ["Balloon Club"]
    assert search("grief") == ["Balloon Club"]  # the new topic's everyday words


def test_a_status_change_is_seen_at_once(make_service):
    service = make_service("Kite Club")
    set_service_status(by=None, service=service, status="inactive")
    assert search("kite") == []
    set_service_status(by=None, service=service, status="active")
    assert search("kite") == ["Kite Club"]


def test_a_deleted_service_leaves_the_index(make_service):
    doomed = make_service("Kite Club", description="Kites.")
    make_service("Kite Shop", description="Kites.")
    doomed.delete()
    assert search("kite") == ["Kite Shop"]
    assert search("club") == []


def test_index_service_is_the_one_way_the_search_text_is_written(make_service):
    service = make_service("Kite Club", topics=("bullying",), free=True, referral_routes=("self",))
    Service.objects.filter(pk=service.pk).update(search_text="")
    assert search(topics=("bullying",)) == []  # the filter words are in the search text
    index_service(service)
    assert Service.objects.get(pk=service.pk).search_text == build_search_text(service)
    assert search(topics=("bullying",), free_only=True, self_referral=True) == ["Kite Club"]
