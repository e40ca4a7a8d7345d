"""What people type becomes words that cannot be read as query syntax."""

import pytest

from earlyhelp.directory.search.words import MAX_WORDS, fts5_query, search_words, tsquery


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Young Carers", ["young", "carers"]),
        ("help for my son who is being bullied", ["son", "bullied"]),
        ('"kite" OR NEAR(club*)', ["kite", "near", "club"]),  # "or" is a stop word
        ("self-harm", ["self", "harm"]),
        ("kite:club & !shop | <->", ["kite", "club", "shop"]),
        ("Zoë’s CAFÉ", ["zoë", "café"]),
        ("carers carers CARERS", ["carers"]),
        ("", []),
        ("!!! *** ???", []),
        ("the and of", []),
        ("kite_club", ["kite", "club"]),
    ],
)
def test_search_words(text, words):
    assert search_words(text) == words


def test_at_most_a_few_words_are_kept():
    assert len(search_words(" ".join(f"word{n}" for n in range(50)))) == MAX_WORDS


def test_fts5_words_are_quoted_and_only_a_long_last_word_is_a_prefix():
    assert fts5_query(["young", "carers"]) == '"young" AND "carers"*'
    assert fts5_query(["carers", "gp"]) == '"carers" AND "gp"'
    assert fts5_query(["near"], [("zza0", "zzb0"), ("zzc0",)]) == (
        '"near"* AND ("zza0" OR "zzb0") AND ("zzc0")'
    )


def test_tsquery_words_and_weights():
    assert tsquery(["young", "carers"]) == "young & carers:*"
    assert tsquery(["young", "carers"], weight="A") == "young:A & carers:*A"
    assert tsquery(["gp"], [("zza0", "zzb0")]) == "gp & (zza0 | zzb0)"
