"""Searches in families' own words, on a small directory: what they find, why, and in what order.

The expected orders are written out in full: the suite runs on SQLite and on PostgreSQL, so
each of these tests also shows that both databases give the same first results.
"""

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
import time_machine
from django.utils import timezone

from earlyhelp.audit.models import AuditEvent
from earlyhelp.directory.models import ConceptEntryChange, Postcode, ZeroResultSearch
from earlyhelp.directory.postcodes import (
    SAMPLE_FILE,
    PostcodeFileError,
    load_postcode_file,
)
from earlyhelp.directory.search import SearchParams, search_services
from earlyhelp.directory.search.concepts import add_concept_entry, remove_concept_entry
from earlyhelp.directory.search.log import KEEP_DAYS, searches_per_day
from earlyhelp.lib.errors import ActionError
from tests.integration.directory.test_search_ranking import names
from tests.universe import make_county


@pytest.fixture
def directory(make_service, county):
    make_service("Anti-Bullying Helpline", topics=("bullying",), description="For pupils.")
    make_service(
        "Kite Club", topics=("mental-health", "bullying"), description="Friends and kites."
    )
    make_service("Childline", topics=("mental-health", "bullying"), description="Any worry.")
    make_service(
        "West Mercia Women's Aid",
        topics=("domestic-abuse",),
        description="Domestic abuse helpline.",
    )
    make_service("Calm Minds", topics=("mental-health",), description="Worry and low mood.")
    make_service(
        "Family Front Door",
        topics=("safeguarding-general",),
        description="Children's social care.",
    )
    make_service(
        "Droitwich Wellbeing Hub",
        county=county,
        topics=("mental-health",),
        description="Drop-in counselling.",
        service_areas=("Droitwich Spa",),
    )
    make_service(
        "Counselling Together",
        county=county,
        topics=("mental-health",),
        description="Counselling for young people.",
        service_areas=("Redditch",),
    )


@pytest.fixture
def county(db):
    return make_county()


def search(q: str, **filters: object) -> list[str]:
    return names(search_services(SearchParams(q=q, **filters)))  # type: ignore[arg-type]


def test_a_sentence_finds_services_by_what_it_means(directory):
    assert search("my child is being bullied") == [
        "Anti-Bullying Helpline",
        "Childline",
        "Kite Club",
    ]


def test_everyday_words_map_to_topics(directory):
    assert search("anxious")[:3] == ["Calm Minds", "Childline", "Counselling Together"]
    assert search("my dad hits my mum") == ["West Mercia Women's Aid"]


def test_a_misspelling_is_corrected_and_said(directory):
    page = search_services(SearchParams(q="bulying"))
    assert page.did_you_mean == "bullying"
    assert names(page)[0] == "Anti-Bullying Helpline"


def test_why_each_result_matched_is_given(directory):
    page = search_services(SearchParams(q="my child is being bullied"))
    assert all("Bullying" in page.matched[i] for i in page.ids)


def test_an_organisation_written_differently_is_found(directory):
    assert search("child line") == ["Childline"]
    assert search("womens aid")[0] == "West Mercia Women's Aid"
    assert search("social services")[0] == "Family Front Door"


def test_a_long_sentence_never_ands_itself_down_to_nothing(directory):
    found = search("i am worried about my son he is sad and nobody at school talks to him")
    assert found[0] == "Calm Minds"  # worried and sad: mental health, and "worry" in its text
    assert len(found) >= 3


def test_nothing_found_suggests_the_closest_topics_and_is_logged(directory):
    page = search_services(SearchParams(q="trampolinez"))
    assert page.total == 0
    assert page.topic_suggestions  # never a dead end
    assert ("family-support", "Family support") in page.topic_suggestions
    assert ZeroResultSearch.objects.get().query == "trampolinez"


def test_the_zero_result_log_keeps_words_only_counts_per_day_and_forgets_after_30_days(db):
    with time_machine.travel("2026-11-01 10:00 +00:00", tick=False):
        search_services(SearchParams(q="Trampolinez"))
    with time_machine.travel("2026-11-20 10:00 +00:00", tick=False):
        search_services(SearchParams(q="trampolinez"))
        search_services(SearchParams(q="trampolinez"))
        assert [(str(day), n) for day, n in searches_per_day()] == [
            ("2026-11-20", 2),
            ("2026-11-01", 1),
        ]
    with time_machine.travel("2026-12-01 10:00 +00:00", tick=False):  # KEEP_DAYS after 1 Nov
        search_services(SearchParams(q="xylophonez"))
    rows = list(ZeroResultSearch.objects.order_by("day").values_list("day", "query", "count"))
    assert [(str(d), q, c) for d, q, c in rows] == [
        ("2026-11-20", "trampolinez", 2),
        ("2026-12-01", "xylophonez", 1),
    ]
    fields = {f.name for f in ZeroResultSearch._meta.get_fields()}
    assert fields == {"id", "day", "query", "count"}  # no address, session or user


def test_a_search_that_finds_something_is_not_logged(directory):
    search("bullying")
    assert not ZeroResultSearch.objects.exists()


def test_a_place_name_orders_services_delivered_there_first(directory):
    assert search("counselling redditch")[0] == "Counselling Together"
    assert search("counselling droitwich")[0] == "Droitwich Wellbeing Hub"


def test_a_postcode_orders_by_the_place_and_distance(directory):
    load_postcode_file(SAMPLE_FILE, by=None)
    page = search_services(SearchParams(q="counselling WR9 8AA"))
    assert page.place == "WR9 8AA"
    assert names(page)[0] == "Droitwich Wellbeing Hub"
    assert "near WR9 8AA" in page.matched[page.ids[0]]
    district = search_services(SearchParams(q="counselling B97"))
    assert district.place == "B97"
    assert names(district)[0] == "Counselling Together"
    assert search("WR9 8AA")[0] == "Droitwich Wellbeing Hub"  # a postcode alone lists all


def test_filters_still_apply_to_an_understood_search(directory, make_service):
    make_service("Paid Worry Clinic", topics=("mental-health",), minimum_age=Decimal(18))
    assert "Paid Worry Clinic" in search("anxious")
    assert "Paid Worry Clinic" not in search("anxious", age=Decimal(10))


def test_editors_additions_to_the_lexicon_are_used_and_kept_with_history(directory, staff):
    assert search("blorptastic day") == []
    entry = add_concept_entry(by=staff, phrase="Blorptastic day", topics=["mental-health"])
    assert search("blorptastic day")[0] in {"Calm Minds", "Childline", "Kite Club"}
    remove_concept_entry(by=staff, entry=entry)
    assert search("blorptastic day") == []
    history = list(ConceptEntryChange.objects.order_by("id").values_list("kind", "phrase"))
    assert history == [("added", "blorptastic day"), ("removed", "blorptastic day")]
    assert ConceptEntryChange.objects.filter(changed_by_name="Dana Editor").count() == 2  # who
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"directory.concept_added", "directory.concept_removed"} <= actions


def test_a_lexicon_addition_needs_words_and_real_topics(db, staff):
    with pytest.raises(ActionError):
        add_concept_entry(by=staff, phrase="  !! ", topics=["mental-health"])
    with pytest.raises(ActionError):
        add_concept_entry(by=staff, phrase="sad", topics=["not-a-topic"])
    with pytest.raises(ActionError):
        add_concept_entry(by=staff, phrase="sad", topics=[])
    assert not ConceptEntryChange.objects.exists()


@pytest.fixture
def staff(db):
    from earlyhelp.accounts.models import User

    return User.objects.create_user(username="editor", first_name="Dana", last_name="Editor")


# --- postcode loading ---


def test_the_sample_postcodes_load_and_load_again_as_an_update(db):
    first = load_postcode_file(SAMPLE_FILE, by=None)
    again = load_postcode_file(SAMPLE_FILE, by=None)
    assert first == again == Postcode.objects.count() > 30
    row = Postcode.objects.get(postcode="WR9 8AA")
    assert (row.district, row.area, row.place) == ("WR9", "WR", "Droitwich Spa")
    assert not Postcode.objects.filter(postcode="WR9 9ZZ").exists()  # terminated: skipped


def test_a_bad_postcode_file_loads_nothing(db, tmp_path: Path):
    bad = tmp_path / "bad.csv"
    bad.write_text("pcds,lat,long\nWR9 8AA,52.2,-2.1\nnot a postcode,52.2,-2.1\n")
    with pytest.raises(PostcodeFileError, match="Line 3"):
        load_postcode_file(bad, by=None)
    assert not Postcode.objects.exists()
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("postcode,latitude\nWR9 8AA,52.2\n")
    with pytest.raises(PostcodeFileError, match="pcds"):
        load_postcode_file(wrong, by=None)


def test_a_postcode_without_a_grid_reference_keeps_no_centroid(db, tmp_path: Path):
    file = tmp_path / "ons.csv"
    file.write_text("pcd,pcds,doterm,lat,long\nX,WR9  8AB,,99.999999,0.000000\n")
    assert load_postcode_file(file, by=None) == 1
    row = Postcode.objects.get()
    assert (row.postcode, row.latitude, row.longitude) == ("WR9 8AB", None, None)


def test_old_zero_result_rows_go(db):
    ZeroResultSearch.objects.create(
        day=timezone.localdate() - timedelta(days=KEEP_DAYS), query="old"
    )
    from earlyhelp.directory.search.log import purge_old_searches

    assert purge_old_searches(by=None) == 1


def test_control_characters_are_not_kept_in_the_log(db):
    search_services(SearchParams(q="zorbl\x00ix\x07"))
    assert ZeroResultSearch.objects.get().query == "zorbl ix"
