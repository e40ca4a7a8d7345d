"""The August 2024 attendance codes and what each counts as (shared/attendance-contract.md).

A mark is one of these codes for one pupil, date and session. `normalise_code` turns what a
register file holds into the stored code, or None for anything retired or unknown. Both
slashes mean "present" in either session; they are stored as `/` in the morning and `\\` in
the afternoon, so a file that writes the other slash changes nothing.
"""

from enum import StrEnum


class Kind(StrEnum):
    ATTENDED = "attended"
    AUTHORISED = "authorised"
    UNAUTHORISED = "unauthorised"
    NOT_POSSIBLE = "not_possible"
    NO_MARK = "no_mark"


PRESENT = ("/", "\\", "L")
EDUCATIONAL_ACTIVITY = ("K", "V", "P", "W", "B")
AUTHORISED = ("C", "C1", "C2", "M", "J1", "S", "T", "R", "I", "E")
UNAUTHORISED = ("G", "N", "O", "U")
EXCEPTIONAL = ("Q", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7")
ADMINISTRATIVE = ("D", "X", "Z", "#")
NO_MARK = "-"
RETIRED = ("H", "F", "J", "Y")

KINDS: dict[str, Kind] = {
    **dict.fromkeys(PRESENT + EDUCATIONAL_ACTIVITY, Kind.ATTENDED),
    **dict.fromkeys(AUTHORISED, Kind.AUTHORISED),
    **dict.fromkeys(UNAUTHORISED, Kind.UNAUTHORISED),
    **dict.fromkeys(EXCEPTIONAL + ADMINISTRATIVE, Kind.NOT_POSSIBLE),
    NO_MARK: Kind.NO_MARK,
}
ATTENDED_CODES = frozenset(c for c, k in KINDS.items() if k is Kind.ATTENDED)
AUTHORISED_CODES = frozenset(AUTHORISED)
UNAUTHORISED_CODES = frozenset(UNAUTHORISED)
POSSIBLE_CODES = ATTENDED_CODES | AUTHORISED_CODES | UNAUTHORISED_CODES
FIRST_DAY_CALL_CODES = frozenset({"N", NO_MARK})

MEANINGS: dict[str, str] = {
    "/": "Present (morning)",
    "\\": "Present (afternoon)",
    "L": "Late, before the register closed",
    "K": "Attending education provision arranged by the local authority",
    "V": "Attending an educational visit or trip",
    "P": "Participating in a sporting activity",
    "W": "Attending work experience",
    "B": "Attending any other approved educational activity",
    "C": "Leave of absence for exceptional circumstances",
    "C1": "Leave of absence for a regulated performance or employment abroad",
    "C2": "Leave of absence for a part-time timetable",
    "M": "Leave of absence for a medical or dental appointment",
    "J1": "Leave of absence for an interview",
    "S": "Leave of absence for study leave",
    "T": "Parent travelling for occupational purposes",
    "R": "Religious observance",
    "I": "Illness (not medical or dental appointments)",
    "E": "Suspended or permanently excluded, no alternative provision",
    "G": "Holiday not granted by the school",
    "N": "Reason for absence not yet established",
    "O": "Absent in other or unknown circumstances",
    "U": "Arrived in school after the register closed",
    "Q": "Unable to attend: lack of access arrangements",
    "Y1": "Unable to attend: transport not available",
    "Y2": "Unable to attend: widespread disruption to travel",
    "Y3": "Unable to attend: part of the premises closed",
    "Y4": "Unable to attend: whole school site unexpectedly closed",
    "Y5": "Unable to attend: in criminal justice detention",
    "Y6": "Unable to attend: public health guidance or law",
    "Y7": "Unable to attend: any other unavoidable cause",
    "D": "Dual registered, at the other school",
    "X": "Not of compulsory school age, not required to attend",
    "Z": "Not on roll",
    "#": "Planned whole-school closure",
    "-": "No mark yet",
}


def normalise_code(text: str, *, session: str) -> str | None:
    """The stored code for `text` in `session` ("AM" or "PM"), or None if it is not a code."""
    code = text.strip().upper()
    if code in ("/", "\\"):
        return "/" if session == "AM" else "\\"
    return code if code in KINDS else None


def kind_of(code: str) -> Kind:
    return KINDS[code]
