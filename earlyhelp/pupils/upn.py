"""Unique pupil numbers (UPN): the DfE's 13-character format and its check letter.

A UPN is a check letter, then 11 digits (local authority number, establishment number, year
of allocation, serial), then a 13th character that is a digit, or a letter in a temporary
UPN. The check letter is the sum of characters 2 to 13 times their position (2 to 13),
modulo 23, as a letter of `LETTERS`; a letter in position 13 counts as its place in
`LETTERS` (DfE, "Unique pupil numbers (UPN): guidance for schools and local authorities").
"""

import re

LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"  # 23 letters: no I, O or S
_SHAPE = re.compile(r"^[A-Z][0-9]{11}[0-9A-Z]$")


def normalise_upn(text: str) -> str:
    return "".join(text.split()).upper()


def check_letter(body: str) -> str:
    """The check letter for characters 2 to 13 of a UPN."""
    total = sum(
        position * (int(char) if char.isdigit() else LETTERS.index(char))
        for position, char in enumerate(body, start=2)
    )
    return LETTERS[total % 23]


def is_valid_upn(upn: str) -> bool:
    if not _SHAPE.match(upn) or upn[0] not in LETTERS:
        return False
    if not upn[12].isdigit() and upn[12] not in LETTERS:
        return False
    return upn[0] == check_letter(upn[1:])


def make_upn(body: str) -> str:
    """A valid UPN from 12 characters (for demo and test data)."""
    return check_letter(body) + body
