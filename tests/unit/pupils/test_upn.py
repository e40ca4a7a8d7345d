import pytest

from earlyhelp.pupils.upn import check_letter, is_valid_upn, make_upn, normalise_upn


def test_made_upns_are_valid_and_a_changed_digit_is_caught():
    upn = make_upn("820200100001")
    assert is_valid_upn(upn)
    assert not is_valid_upn(upn[:-1] + "2")


@pytest.mark.parametrize(
    "text", ["", "A82020010000", "A8202001000012", "I820200100001", "A82020010000I"]
)
def test_malformed_upns_are_refused(text):
    assert not is_valid_upn(text)


def test_temporary_upn_with_a_letter_last_is_checked():
    body = "82020010000A"
    assert is_valid_upn(check_letter(body) + body)


def test_spaces_and_case_are_normalised():
    assert normalise_upn(" h820 200100001 ") == "H820200100001"
