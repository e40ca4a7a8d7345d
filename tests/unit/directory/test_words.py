"""Words become full-text match expressions for SQLite FTS5 and PostgreSQL."""

from earlyhelp.directory.search.words import fts5_query, tsquery


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
