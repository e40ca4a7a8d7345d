"""The role vocabulary of the contract, as the words schools use for each role.

Patterns are tried in order and a span claimed by an earlier pattern is not matched again,
so "Deputy Designated Safeguarding Lead" is a deputy and never also a DSL.
"""

import re
from dataclasses import dataclass

_ROLE_WORDS: tuple[tuple[str, str], ...] = (
    (
        "deputy_dsl",
        r"deputy\s+designated\s+safeguarding\s+lead(?:er)?s?|deputy\s+d\.?s\.?l\.?(?:'?s|’s)?"
        r"|deputy\s+safeguarding\s+lead(?:er)?s?|\bd\.?d\.?s\.?l\.?s?\b|alternate\s+dsls?"
        r"|deputy\s+designated\s+(?:senior\s+)?(?:person|officer)s?"
        r"|deputy\s+child\s+protection\s+(?:officer|lead|co-?ordinator)s?",
    ),
    (
        "designated_teacher_lac",
        r"designated\s+teacher(?:\s+for\s+(?:the\s+)?(?:children\s+|pupils\s+)?(?:who\s+are\s+)?"
        r"(?:looked[\s-]+after|lac|cla|in\s+care|previously\s+looked[\s-]+after)"
        r"(?:\s+(?:and\s+)?(?:previously\s+)?(?:looked[\s-]+after\s+)?(?:children|pupils|lac|cla))*)?",
    ),
    (
        "dsl",
        r"designated\s+safeguarding\s+lead(?:er)?s?|\bd\.?s\.?l\.?s?\b|designated\s+senior\s+"
        r"(?:person|lead|officer)|(?<!deputy\s)safeguarding\s+lead(?!er)|child\s+protection\s+"
        r"(?:officer|lead|co-?ordinator)|designated\s+person\s+for\s+(?:safeguarding|child\s+protection)",
    ),
    (
        "deputy_headteacher",
        r"deputy\s+head\s*(?:teacher|mistress|master)?(?!\s+of\s+(?:year|department|house))"
        r"|deputy\s+principal|vice[\s-]+principal|deputy\s+head\s+of\s+school",
    ),
    (
        "headteacher",
        r"(?:executive\s+)?head\s*teacher|head\s+of\s+school|headmaster|headmistress"
        r"|\bprincipal\b|\bhead\b(?=\s*(?:is\b|:|\)|$))",
    ),
    (
        "safeguarding_governor",
        r"(?:safeguarding|child\s+protection)\s+governor|governor\s+(?:for|responsible\s+for|with\s+"
        r"responsibility\s+for)\s+(?:safeguarding|child\s+protection)|(?:designated|nominated|"
        r"link)\s+(?:safeguarding\s+)?governor",
    ),
    (
        "chair_of_governors",
        r"chair\s+of\s+(?:the\s+)?(?:governors|governing\s+(?:body|board)|trustees|local\s+governing"
        r"\s+(?:body|board)|the\s+board|lgb)|chair(?:person|man|woman)?\s+of\s+governors",
    ),
    (
        "senco",
        r"\bsen(?:d)?co(?:s)?\b|special\s+educational\s+needs(?:\s+and\s+disabilit(?:y|ies))?"
        r"\s+co-?ordinator|inclusion\s+(?:lead|leader|manager|co-?ordinator)",
    ),
    (
        "family_support_lead",
        r"family\s+support\s+(?:lead|leader|worker|manager|co-?ordinator|officer|advis[oe]r)"
        r"|early\s+help\s+(?:lead|leader|co-?ordinator|officer|champion|worker)"
        r"|family\s+liaison\s+(?:officer|worker|lead)|parent\s+support\s+(?:advis[oe]r|worker)"
        r"|home[\s-]+school\s+(?:link|liaison)\s+(?:worker|officer|lead)",
    ),
    (
        "attendance_officer",
        r"(?:senior\s+)?attendance\s+(?:officer|lead|leader|manager|champion|administrator|"
        r"co-?ordinator|mentor|lead\s+officer)",
    ),
    (
        "pastoral_lead",
        r"pastoral\s+(?:lead|leader|manager|co-?ordinator|mentor|worker|support\s+(?:lead|leader|"
        r"manager|worker|assistant|officer)|care\s+(?:lead|manager|worker))|head\s+of\s+pastoral"
        r"|learning\s+mentor",
    ),
    (
        "mental_health_lead",
        r"(?:senior\s+)?mental\s+health\s+(?:lead|leader|champion|first\s+aider|practitioner|"
        r"co-?ordinator)|emotional\s+(?:well[\s-]*being|health)(?:\s+(?:lead|practitioner|"
        r"support|worker))?|well[\s-]*being\s+(?:lead|champion|co-?ordinator|mentor|practitioner)"
        r"|\belsa\b|emotional\s+literacy\s+support\s+assistant",
    ),
)
ROLE_PATTERNS = tuple((role, re.compile(words, re.IGNORECASE)) for role, words in _ROLE_WORDS)
NOT_THE_ROLE = re.compile(
    r"(?i)(?:assistant|associate|acting\s+deputy|deputy|assistant\s+deputy)\s+$"
)


@dataclass(frozen=True)
class RoleMention:
    role: str
    start: int  # offsets within the searched text
    end: int


def find_roles(text: str) -> list[RoleMention]:
    """Role words in `text`, earliest first, without overlaps."""
    taken: list[tuple[int, int]] = []
    found = []
    for role, pattern in ROLE_PATTERNS:
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            if role in ("headteacher", "deputy_headteacher", "dsl") and _qualified(
                text, span[0], role
            ):
                taken.append(span)
                continue
            taken.append(span)
            found.append(RoleMention(role, *span))
    return _merge_abbreviations(text, sorted(found, key=lambda mention: mention.start))


def _merge_abbreviations(text: str, found: list[RoleMention]) -> list[RoleMention]:
    """'Designated Safeguarding Lead (DSL)' is one mention, not two."""
    merged: list[RoleMention] = []
    for mention in found:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.role == mention.role
            and re.fullmatch(r"\s*\(\s*", text[previous.end : mention.start])
            and text[mention.end : mention.end + 1] == ")"
        ):
            merged[-1] = RoleMention(previous.role, previous.start, mention.end + 1)
        else:
            merged.append(mention)
    return merged


def role_words_span(text: str) -> list[tuple[int, int]]:
    """Every span that reads as a role word, qualified ones ('Assistant Headteacher') included."""
    return [match.span() for _, pattern in ROLE_PATTERNS for match in pattern.finditer(text)]


def _qualified(text: str, start: int, role: str) -> bool:
    """'Assistant Headteacher' is not the headteacher; 'Deputy DSL' is caught earlier."""
    before = text[max(0, start - 30) : start]
    if role == "headteacher" and re.search(r"(?i)virtual\s+school\s+$", before):
        return True
    if role == "dsl":
        return bool(re.search(r"(?i)deputy\s+$", before))
    return bool(NOT_THE_ROLE.search(before))
