"""Filter words: stable, never English, and only for the taxonomies search filters by."""

from earlyhelp.directory import taxonomies
from earlyhelp.directory.search.facets import FREE, facet, facet_words


def test_a_facet_is_one_unstemmable_word():
    assert facet(taxonomies.TOPIC, "young-carers") == "zztopicyoungcarers0"
    assert facet(taxonomies.LEVEL_OF_NEED, "level-2") == "zzlevellevel20"
    assert facet(taxonomies.DELIVERY, "home-visit") == "zzdeliveryhomevisit0"


def test_every_term_has_its_own_facet():
    words = [
        facet(taxonomy, term.code)
        for taxonomy, (_, terms) in taxonomies.TAXONOMIES.items()
        if taxonomy != taxonomies.FEATURE
        for term in terms
    ]
    assert len(words) == len(set(words))
    assert all(w.isalnum() and w.startswith("zz") and w.endswith("0") for w in words)


def test_facet_words_of_a_service():
    terms = [
        (taxonomies.TOPIC, "bullying"),
        (taxonomies.TOPIC, "bullying"),
        (taxonomies.FEATURE, "open-bank-holidays"),
        (taxonomies.REFERRAL_ROUTE, "self"),
    ]
    assert facet_words(terms, free=True) == ["zztopicbullying0", "zzrouteself0", FREE]
    assert facet_words([], free=False) == []
