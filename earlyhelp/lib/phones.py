"""UK phone numbers: parse, validate, classify and format with libphonenumber's rules.

Numbers are stored in E.164 (`+441905822666`). Helpline short codes that are real and
dialable from any UK phone (999, 101, 111, 116 123...) are stored as their digits.
"""

import re
from dataclasses import dataclass
from enum import StrEnum

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType
from phonenumbers.phonenumberutil import ValidationResult

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


# Numbers a service or a school may never give as its own: the emergency panel on every
# page gives the right ones, and a family calling them reaches the police or the NHS.
NOT_OWN_NUMBERS: dict[str, str] = {
    "999": "an emergency number",
    "112": "an emergency number",
    "101": "the police non-emergency number",
    "111": "the NHS 111 number",
}
# "01905 225563 ext 2", "x2", "extension 2", "ext. 2", "#2": libphonenumber's own markers.
_EXTENSION = re.compile(r"(?i)(?:ext(?:ension)?\.?|x|#)\s*\d{1,10}\s*$")


class LettersInPhone(InvalidPhone):
    """Letters where digits should be ("01905 CALL ME"); never turned into keypad digits."""


class NotOwnNumber(InvalidPhone):
    """999, 112, 101 or 111 given as a service's or a person's own number."""

    def __init__(self, digits: str) -> None:
        super().__init__(f"{digits} is {NOT_OWN_NUMBERS[digits]}")
        self.digits = digits
        self.what = NOT_OWN_NUMBERS[digits]

    @property
    def is_emergency(self) -> bool:
        return self.what == "an emergency number"


@dataclass(frozen=True)
class TypedPhone:
    """A number as an editor typed it, read by libphonenumber: the number and its extension."""

    phone: Phone
    extension: str = ""

    @property
    def number(self) -> str:
        return self.phone.number

    @property
    def display(self) -> str:
        return with_extension(self.phone.display, self.extension)


def parse_own_number(raw: str) -> TypedPhone:
    """Read the number a service or person gives as their own, as an editor typed it.

    Raises LettersInPhone for letters (libphonenumber would turn "CALL ME" into keypad
    digits), NotOwnNumber for 999, 112, 101 and 111, InvalidPhone for anything that cannot
    be dialled. The extension ("ext 2", "x2", "extension 2") is kept apart.
    """
    text = " ".join(raw.split())
    marker = _EXTENSION.search(text)
    body = text[: marker.start()] if marker else text
    if not any(ch.isdigit() for ch in body):
        raise InvalidPhone(f"{raw!r} has no digits")
    if any(ch.isalpha() for ch in body):
        raise LettersInPhone(f"{raw!r} has letters in it")
    digits = "".join(ch for ch in body if ch.isdigit())
    if digits in NOT_OWN_NUMBERS and not body.lstrip().startswith("+"):
        raise NotOwnNumber(digits)
    phone = parse(body)
    extension = ""
    if marker:
        extension = "".join(ch for ch in marker.group() if ch.isdigit())
    return TypedPhone(phone, extension)


def with_extension(display: str, extension: str) -> str:
    """`01905 225563` and `2` → `01905 225563 extension 2` (in words, as GOV.UK writes it)."""
    return f"{display} extension {extension}" if extension else display


def tel_href(number: str, extension: str = "") -> str:
    """A tel: link (RFC 3966), with the extension when there is one."""
    return f"tel:{number};ext={extension}" if extension else f"tel:{number}"


def normalise_held(raw: str) -> str:
    """E.164 for a number a school holds for a family, as its MIS exports it.

    As `normalise`, and also numbers of a possible length and shape that libphonenumber
    does not know as assigned (new ranges, Ofcom's drama ranges 01632 960xxx and
    07700 900xxx): the school dials what the family gave. Raises InvalidPhone otherwise.
    """
    try:
        return normalise(raw)
    except InvalidPhone:
        pass
    try:
        parsed = phonenumbers.parse(raw.strip(), "GB")
    except NumberParseException as error:
        raise InvalidPhone(f"{raw!r} is not a phone number") from error
    possible = phonenumbers.is_possible_number_with_reason(parsed)
    too_short = parsed.country_code == 44 and len(str(parsed.national_number)) < 9
    if any(ch.isalpha() for ch in raw) or too_short or possible != ValidationResult.IS_POSSIBLE:
        raise InvalidPhone(f"{raw!r} is not a valid phone number")
    return phonenumbers.format_number(parsed, PhoneNumberFormat.E164)
