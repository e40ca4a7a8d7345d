"""Phone numbers: found however they are wrapped, normalised with libphonenumber, judged."""

from earlyhelp.imports.contacts.phones import find_phones
from tests.unit.imports.conftest import findings, listed, run


def numbers(text: str) -> list[str | None]:
    return [mention.number for mention in find_phones(text)]


def test_a_number_is_read_as_a_uk_caller_dials_it():
    assert numbers("Call us on 0113 496 0123 any weekday.") == ["+441134960123"]
    assert numbers("Tel: +44 (0)20 7946 0321") == ["+442079460321"]
    assert numbers("Helpline 0808-157-0456") == ["+448081570456"]
    assert numbers("Childline 0800 1111 (free, 24 hours)") == ["+448001111"]


def test_two_numbers_written_back_to_back_are_two_numbers():
    assert numbers("Freephone 0808 157 0111 0808 157 0222") == ["+448081570111", "+448081570222"]


def test_a_number_wrapped_over_a_line_or_table_cell_is_joined():
    assert numbers("Tel: 0808\n157 0333 (free)") == ["+448081570333"]
    assert numbers("contact on tel: 0845\n\t601 1234 or text") == ["+448456011234"]


def test_an_impossible_number_is_invalid_and_not_listed():
    result = run("Quiet Minds helpline 0845 601 123 for advice.")
    assert "+44845601123" not in listed(result, "phones")
    (finding,) = findings(result, "phone-invalid")
    assert finding["severity"] == "error"
    assert finding["excerpt"] == "0845 601 123"


def test_dates_percentages_and_ages_are_not_numbers():
    assert numbers("On 01/09/2025, 16% of 200,000 children aged 0-19 years attended.") == []


def test_helpline_short_codes_are_kept_as_digits_in_phone_context():
    assert numbers("In an emergency always call 999.") == ["999"]
    assert numbers("Police non-emergency number: 101") == ["101"]
    assert numbers("Samaritans 116 123 (24 hour helpline)") == ["116123"]
    assert numbers("Room 101 is on the first floor and 999 pupils attend.") == []


def test_chargeable_numbers_are_listed_and_flagged_once():
    text = "Help Trust 0845 601 1234.\nAgain: Help Trust 0845 601 1234."
    result = run(text)
    assert "+448456011234" in listed(result, "phones")
    (finding,) = findings(result, "phone-costly")
    assert finding["severity"] == "warning"


def test_a_freephone_or_03_number_is_not_costly():
    result = run("Line One 0808 157 0111 and Line Two 0306 999 0123")
    assert findings(result, "phone-costly") == []
