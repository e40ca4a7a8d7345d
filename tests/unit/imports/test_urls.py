"""Web addresses: normalised as the contract says; wrapped or damaged ones become findings."""

from earlyhelp.imports.contacts.addresses import normalise
from earlyhelp.imports.contacts.urls import find_urls
from tests.unit.imports.conftest import findings, listed, run


def urls(text: str) -> list[str | None]:
    return [mention.url for mention in find_urls(text)]


def test_normal_form_keeps_http_adds_https_and_drops_slash_and_fragment():
    assert normalise("http://WWW.Example.ORG/Path/") == "http://www.example.org/Path"
    assert normalise("www.example.org.uk/") == "https://www.example.org.uk"
    assert normalise("https://example.org/watch?v=AbC#top") == "https://example.org/watch?v=AbC"


def test_addresses_in_running_text_lose_their_punctuation():
    assert urls("See www.quietminds.org.uk, or (https://help.example.org/parents/).") == [
        "https://www.quietminds.org.uk",
        "https://help.example.org/parents",
    ]


def test_a_bare_domain_counts_only_where_it_stands_as_an_address():
    assert urls("Riverside Respect\nriversiderespect.co.uk\n") == ["https://riversiderespect.co.uk"]
    assert urls("Web: quietminds.org.uk") == ["https://quietminds.org.uk"]
    assert urls("Internet Helpers.org is a useful site") == []


def test_stray_characters_glued_in_front_are_ignored():
    assert urls("Dehttp://quietminds.org.uk/ and 22www.helpers.org") == [
        "http://quietminds.org.uk",
        "https://www.helpers.org",
    ]


def test_an_address_wrapped_at_a_line_end_is_a_warning_not_a_contact():
    text = "Read https://www.example.gov.uk/info/201/family_informatio n_service for more"
    (mention,) = find_urls(text)
    assert mention.url is None
    assert not mention.error
    assert mention.intended == "https://www.example.gov.uk/info/201/family_information_service"


def test_an_address_split_across_lines_is_joined_to_judge_it():
    text = (
        "Guide: https://www.example.gov.uk/government/publications/missi\n\tng-children-strategy\n"
    )
    (mention,) = find_urls(text)
    assert mention.problem.startswith("is broken")
    assert mention.intended.endswith("/missing-children-strategy")


def test_an_address_wrapped_in_a_narrow_table_column_is_followed_down_the_column():
    text = (
        "Family Hub\thttps://fam\tFamilies can self-refer.\n"
        "\tily.example.org\tMore text here.\n"
        "\t.uk/help/\tEven more.\n"
    )
    (mention,) = find_urls(text)
    assert mention.url is None and not mention.error
    assert mention.intended == "https://family.example.org.uk/help"


def test_two_addresses_run_together_are_an_error():
    text = "Consoles: https://www.helpers.org/parentalhttps://www.helpers.org/parental-controls/"
    result = run(text)
    (finding,) = findings(result, "url-invalid")
    assert finding["severity"] == "error"
    assert "run together" in finding["message"]
    assert listed(result, "urls") == set()


def test_a_damaged_scheme_or_missing_slashes_is_an_error():
    result = run(
        "Parents: Delttps://www.safesurfers.org.uk/parents/\n"
        "Teachers: https:www.safesurfers.org.uk/teachers\n"
    )
    assert [f["severity"] for f in findings(result, "url-invalid")] == ["error", "error"]


def test_an_address_glued_to_the_next_word_is_a_warning():
    result = run(
        "Read https://www.example.org.uk/conditions/female-genital-mutilation/for NHS advice."
    )
    (finding,) = findings(result, "url-invalid")
    assert finding["severity"] == "warning"
    assert "next word" in finding["message"]


def test_one_finding_per_broken_address_however_often_it_appears():
    line = "Guide https://www.example.gov.uk/a_parents_gui de_to_safety here.\n"
    result = run(line * 3)
    assert len(findings(result, "url-invalid")) == 1


def test_link_targets_win_over_their_labels():
    result = run(
        '<p>Riverside <a href="http://www.riverside.org.uk/">www.riverside.org.uk/</a></p>'
    )
    assert listed(result, "urls") == {"http://www.riverside.org.uk"}


def test_placeholder_links_are_flagged_once_per_link_text():
    text = (
        '[Gaming advice](#)\n<a href="#">Gaming advice</a>\n[Gaming advice](#)\n<a href="">Apps</a>'
    )
    result = run(text)
    excerpts = [f["excerpt"] for f in findings(result, "link-placeholder")]
    assert excerpts == [
        "[Gaming advice](#)",
        '<a href="#">Gaming advice</a>',
        '<a href="">Apps</a>',
    ]


def test_links_to_local_files_are_errors_and_not_listed():
    text = '<a href="S:\\Shared\\Safeguarding\\leaflet.pdf">Leaflet</a>\nOr file:///C:/Users/me/guide.pdf'
    result = run(text)
    local = findings(result, "link-local-file")
    assert len(local) == 2
    assert all(f["severity"] == "error" for f in local)
    assert listed(result, "urls") == set()
