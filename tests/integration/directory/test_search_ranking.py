"""Ranked full-text search: what matches, in what order, and text that must never break it."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from earlyhelp.directory.search import SearchParams, search_services


def names(page) -> list[str]:
    from earlyhelp.directory.models import Service

    by_id = dict(Service.objects.filter(pk__in=page.ids).values_list("pk", "name"))
    return [by_id[pk] for pk in page.ids]


def search(q: str = "", **filters) -> list[str]:
    return names(search_services(SearchParams(q=q, **filters)))


def test_a_service_named_for_the_words_outranks_one_that_only_mentions_them(make_service):
    make_service(
        "Family Hub",
        description="Young carers are welcome at our young carers evenings, with young "
        "carers workers and a young carers newsletter.",
    )
    make_service("Testshire Young Carers", description="Breaks and clubs.")
    assert search("young carers") == ["Testshire Young Carers", "Family Hub"]


def test_more_words_matched_ranks_higher_and_a_partial_match_is_still_listed(make_service):
    make_service("Kite Repairs", description="Mending string.")
    make_service("Kite Club", description="Flying kites on the common.")
    make_service("Rock Pool", description="Crabs.")
    assert search("kite common") == ["Kite Club", "Kite Repairs"]  # never ANDed to nothing


def test_stems_and_a_last_word_prefix_find_other_forms_of_a_word(make_service):
    make_service("Bereavement Circle", description="For carers after a death.")
    assert search("bereave") == ["Bereavement Circle"]  # prefix of the last word
    assert search("carer") == ["Bereavement Circle"]  # stemmed: carer / carers
    assert search("circles") == ["Bereavement Circle"]


def test_organisation_topics_and_everyday_words_are_searched(make_service):
    make_service("Listening Room", organization_name="Amberlode Trust", topics=("mental-health",))
    assert search("amberlode") == ["Listening Room"]
    assert search("wellbeing") == ["Listening Room"]  # the topic's name
    assert search("camhs") == ["Listening Room"]  # one of the topic's synonyms


def test_common_words_are_ignored_and_a_search_of_only_those_lists_everything(make_service):
    make_service("Alpha Drop-in", description="Advice.")
    make_service("Beta Club", description="Games.")
    assert search("help with the alpha") == ["Alpha Drop-in"]
    assert search("help for the") == ["Alpha Drop-in", "Beta Club"]


def test_only_active_services_are_found(make_service):
    make_service("Kite Club", description="Kites.")
    make_service("Kite Museum", description="Kites.", status="inactive")
    make_service("Kite Factory", description="Kites.", status="defunct")
    make_service("Kite Shop", description="Kites.", status="temporarily closed")
    assert search("kite") == ["Kite Club"]
    assert search() == ["Kite Club"]


def test_without_words_services_are_listed_by_name(make_service):
    for name in ("Cedar", "Ash", "Birch"):
        make_service(name)
    assert search() == ["Ash", "Birch", "Cedar"]


HOSTILE = [
    '"',
    '""',
    "'",
    "*",
    "kite*",
    "NEAR(kite club)",
    "kite NEAR club",
    "name:kite",
    "{name}: kite",
    "kite:*",
    "AND",
    "OR",
    "NOT kite",
    "kite AND",
    "(kite",
    "kite)",
    "^kite",
    "-kite",
    "+kite",
    "kite & club | !shop",
    "kite <-> club",
    "'kite':A",
    "%",
    "_",
    "\\",
    "'; DROP TABLE directory_service; --",
    "kite\x00club",
    "🙂 kite",
    "Zoë’s café",
    "k" * 5000,
    " ".join(["kite"] * 300),
]


@pytest.mark.parametrize("text", HOSTILE)
def test_query_syntax_in_the_words_never_raises(make_service, text):
    make_service("Kite Club", description="Kites and clubs.")
    page = search_services(SearchParams(q=text))
    assert page.total >= 0


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=60))
def test_any_text_at_all_is_a_safe_search(db, text):
    page = search_services(SearchParams(q=text, topics=("bullying",), age=None))
    assert page.total == 0  # nothing was made, and nothing raised


def test_search_words_with_quotes_still_find_the_service(make_service):
    make_service("Kite Club", description="Kites and clubs.")
    assert search('"kite" club') == ["Kite Club"]
    assert search("kite:club") == ["Kite Club"]
    assert search("NEAR kite") == ["Kite Club"]  # "near" is a word like any other, not syntax
