"""UK phone numbers: parse, validate, classify and format with libphonenumber's rules.

Numbers are stored in E.164 (`+441905822666`). Helpline short codes that are real and
dialable from any UK phone (999, 101, 111, 116 123...) are stored as their digits.
"""

from dataclasses import dataclass
from enum import StrEnum

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

SHORT_CODES: dict[str, str] = {
    "999": "Emergency services",
    "112": "Emergency services",
    "101": "Police non-emergency",
    "111": "NHS 111",
    "105": "Power cut",
    "116000": "Missing children hotline",
    "116006": "Victims of crime helpline",
    "116111": "Childline",
    "116117": "Out-of-hours doctor",
    "116123": "Samaritans",
}

COSTLY_PREFIXES = ("+4484", "+4487", "+449")


class PhoneKind(StrEnum):
    SHORT_CODE = "short_code"
    LANDLINE = "landline"
    MOBILE = "mobile"
    FREEPHONE = "freephone"
    UK_WIDE = "uk_wide"  # 03: charged as a local call
    COSTLY = "costly"  # 084, 087, 09: access plus service charge
    OTHER = "other"


@dataclass(frozen=True)
class Phone:
    number: str  # E.164, or the digits of a short code
    kind: PhoneKind

    @property
    def is_costly(self) -> bool:
        return self.kind is PhoneKind.COSTLY

    @property
    def display(self) -> str:
        return format_for_display(self.number)

    @property
    def href(self) -> str:
        return f"tel:{self.number}"


class InvalidPhone(ValueError):
    """The text cannot be dialled as written."""


def parse(raw: str) -> Phone:
    """Read a number as a UK caller would dial it; raise InvalidPhone if it cannot work."""
    text = raw.strip()
    digits = "".join(ch for ch in text if ch.isdigit())
    if not digits:
        raise InvalidPhone(f"{raw!r} has no digits")
    if digits in SHORT_CODES and not text.startswith("+"):
        return Phone(digits, PhoneKind.SHORT_CODE)
    try:
        parsed = phonenumbers.parse(text, "GB")
    except NumberParseException as error:
        raise InvalidPhone(f"{raw!r} is not a phone number") from error
    if not phonenumbers.is_valid_number(parsed):
        raise InvalidPhone(f"{raw!r} is not a valid phone number")
    number = phonenumbers.format_number(parsed, PhoneNumberFormat.E164)
    return Phone(number, _kind(number, parsed))


def normalise(raw: str) -> str:
    """E.164 (or short-code digits) for a number; raises InvalidPhone."""
    return parse(raw).number


def _kind(number: str, parsed: phonenumbers.PhoneNumber) -> PhoneKind:
    if number.startswith(COSTLY_PREFIXES):
        return PhoneKind.COSTLY
    if number.startswith("+443"):
        return PhoneKind.UK_WIDE
    kind = phonenumbers.number_type(parsed)
    if kind == PhoneNumberType.TOLL_FREE:
        return PhoneKind.FREEPHONE
    if kind == PhoneNumberType.MOBILE:
        return PhoneKind.MOBILE
    if kind in (PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE):
        return PhoneKind.LANDLINE
    return PhoneKind.OTHER


def format_for_display(number: str) -> str:
    """`+441905822666` → `01905 822666`; `116123` → `116 123`; foreign numbers keep +CC."""
    if not number.startswith("+"):
        return f"{number[:3]} {number[3:]}" if len(number) == 6 else number
    try:
        parsed = phonenumbers.parse(number, "GB")
    except NumberParseException:
        return number
    if parsed.country_code == 44:
        return phonenumbers.format_number(parsed, PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(parsed, PhoneNumberFormat.INTERNATIONAL)
