"""A number a service or a person gives as its own, read with libphonenumber's own parsing."""

import pytest

from earlyhelp.lib import phones


@pytest.mark.parametrize("typed", ["01905 CALL ME", "01905 22CALL", "0800 FLOWERS", "O1905 822666"])
def test_letters_are_refused_not_turned_into_keypad_digits(typed):
    with pytest.raises(phones.LettersInPhone):
        phones.parse_own_number(typed)


@pytest.mark.parametrize("typed", ["999", "112", "101", "111", " 9 9 9 "])
def test_emergency_and_helpline_short_codes_are_not_a_services_own_number(typed):
    with pytest.raises(phones.NotOwnNumber) as refused:
        phones.parse_own_number(typed)
    assert refused.value.digits == typed.replace(" ", "")


def test_999_is_an_emergency_number_and_101_is_not():
    with pytest.raises(phones.NotOwnNumber) as emergency:
        phones.parse_own_number("999")
    with pytest.raises(phones.NotOwnNumber) as police:
        phones.parse_own_number("101")
    assert emergency.value.is_emergency and not police.value.is_emergency


@pytest.mark.parametrize(
    "typed",
    ["01905 225563 ext 2", "01905 225563 x2", "01905 225563 extension 2", "01905 225563 ext. 2"],
)
def test_the_extension_is_kept_apart_from_the_number(typed):
    typed_phone = phones.parse_own_number(typed)
    assert typed_phone.number == "+441905225563"
    assert typed_phone.extension == "2"
    assert typed_phone.display == "01905 225563 extension 2"


def test_a_plain_number_has_no_extension():
    typed_phone = phones.parse_own_number("01905 822666")
    assert (typed_phone.number, typed_phone.extension) == ("+441905822666", "")


def test_helplines_that_are_a_services_own_number_are_kept():
    assert phones.parse_own_number("116 123").number == "116123"


@pytest.mark.parametrize("typed", ["01905 22", "12345678901234", "ext 2"])
def test_a_number_that_cannot_be_dialled_is_invalid(typed):
    with pytest.raises(phones.InvalidPhone):
        phones.parse_own_number(typed)


def test_a_tel_link_dials_the_extension():
    assert phones.tel_href("+441905225563", "2") == "tel:+441905225563;ext=2"
    assert phones.tel_href("+441905225563") == "tel:+441905225563"


def test_a_familys_number_may_be_in_a_range_not_yet_assigned():
    assert phones.normalise_held("01632 960001") == "+441632960001"  # Ofcom's drama range
    assert phones.normalise_held("07700 900123") == "+447700900123"
    assert phones.normalise_held("01905 822666") == "+441905822666"
    for bad in ("0777", "0777 123", "01632 CALL ME", "call me"):
        with pytest.raises(phones.InvalidPhone):
            phones.normalise_held(bad)
