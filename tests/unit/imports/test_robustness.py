"""Whatever text a conversion produces, extraction finishes and its excerpts are verbatim."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from earlyhelp.imports.pipeline import extract

PIECES = st.sampled_from(
    [
        "Mrs Ada Fenn", "– Designated Safeguarding Lead", "DSL", "The Deputy DSLs are:", " and ",
        "0113 496 0100", "0845 601 123", "999", "116 123", "help@org.uk", "a@b", "@", "mailto:",
        "https://", "https:www.", "www.", "example.org.uk/", "a_b", "-", "/", "\t", "\n", "\n\t",
        " ", "(", ")", "[x](#)", '<a href="#">', "</a>", "<p>", "</p>", "#", "**", "Date:",
        "September 2021", "Keeping Children Safe in Education 2020", "gscb.org.uk", "Worcs",
        "Lancashire", "School", "Academy", "file:///C:/x", "U:\\a\\b", "é", "’", "\x0c",
    ]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(PIECES, max_size=40))
def test_extraction_never_fails_and_excerpts_are_verbatim(pieces):
    text = "".join(pieces)
    result = extract(text, today=date(2026, 11, 24)).to_contract()
    for finding in result["findings"]:
        assert finding["excerpt"] in text
        assert 5 <= len(finding["excerpt"]) <= 60 or len(text) < 5
