"""Recognise people's names in Offer text, with or without a title, and compare them.

A name is a title (Mrs, Mr...) with initials or first names and a surname, or two or three
capitalised words none of which is a word Offers use for roles, organisations or places.
"""

import re
from dataclasses import dataclass

from earlyhelp.imports.text.words import word_set

TITLES = word_set("mr mrs ms miss mx dr prof rev revd sir dame")
TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
NAME_WORD = re.compile(
    r"^(?:Mc|Mac|O['’]|D['’]|Fitz)?[A-Z][a-z]+(?:['’\-](?:[A-Z][a-z]+|[a-z]+))*$"
)
JOIN_IN_NAME = re.compile(r"^[ \t]{1,2}$|^\.[ \t]?$")
MAX_TOKENS = 4
DETERMINERS = word_set("the our a an this that your their its his her my every each")

NOT_NAME_WORDS = word_set("""
    a about academy advice advisor adviser after agency all alliance also an and any are as
    assistant associate association autism east north south west st saint network project
    charity hub unit society institute day week mentor premium therapist counsellor
    psychologist tutor practitioner
    at attendance authority behaviour board but by care carer carers centre chair child
    childline children church city class coe college community contact coordinator council
    county dear deputy designated details did director disabilities do does during each early
    education email emotional england every families family first for foundation free friday
    from further general governor governors group has have he head health headteacher help
    helpline here her high his hospital if in infant information is it junior just key lead
    leader leadership learning line local looked main manager may me member mental middle
    monday my national nhs no not nurse nursery of office officer offer on or our parent
    parents partnership pastoral people phone please police primary principal programme
    protection pupil pupils safe safeguarding saturday school schools secondary senco sendco
    senior service services she social special staff student students sunday support
    team teacher teachers telephone tel text thank that the their them then there these they
    this thursday to trust tuesday uk under university us we website wednesday welfare
    well-being wellbeing what when where which who will with worker year young you your
    january february march april june july august september october november december
    """)


@dataclass(frozen=True)
class Name:
    given: str  # "Sheila", "K", "" when only a title and surname are written
    surname: str
    start: int
    end: int

    @property
    def full(self) -> str:
        return f"{self.given} {self.surname}".strip()

    def same_person(self, other: "Name") -> bool:
        if self.surname.lower() != other.surname.lower():
            return False
        a, b = self.given.lower(), other.given.lower()
        return not a or not b or a == b or (min(len(a), len(b)) == 1 and a[0] == b[0])

    def fuller(self, other: "Name") -> "Name":
        return other if len(other.given) > len(self.given) else self


def find_names(text: str) -> list[Name]:
    """Names in `text` with offsets: titled ones ("Mrs K Gallinagh"), then untitled ones."""
    tokens = [(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(text)]
    found: list[Name] = []
    i = 0
    while i < len(tokens):
        name, used = _titled(text, tokens, i)
        if name is None:
            name, used = _untitled(text, tokens, i)
        if name is not None:
            found.append(name)
            i += used
        else:
            i += 1
    return found


def _run(text: str, tokens: list[tuple[int, int, str]], i: int, initials: bool) -> list[int]:
    """Indexes of the name-like tokens that follow token i without a break."""
    run: list[int] = []
    j = i
    while j + 1 < len(tokens) and len(run) < MAX_TOKENS:
        gap = text[tokens[j][1] : tokens[j + 1][0]]
        word = tokens[j + 1][2]
        is_initial = initials and len(word) == 1 and word.isupper()
        if not JOIN_IN_NAME.match(gap) or not (is_initial or _name_word(word)):
            break
        run.append(j + 1)
        j += 1
    return run


def _name_word(word: str) -> bool:
    return bool(NAME_WORD.match(word)) and word.lower() not in NOT_NAME_WORDS


def _titled(text: str, tokens: list[tuple[int, int, str]], i: int) -> tuple[Name | None, int]:
    title = tokens[i][2]
    if title.lower() not in TITLES or not title[0].isupper():
        return None, 0
    run = _run(text, tokens, i, initials=True)
    while run and len(tokens[run[-1]][2]) == 1:
        run.pop()
    if not run:
        return None, 0
    words = [tokens[j][2] for j in run]
    given = " ".join(words[:-1])
    return Name(given, words[-1], tokens[i][0], tokens[run[-1]][1]), len(run) + 1


def _untitled(text: str, tokens: list[tuple[int, int, str]], i: int) -> tuple[Name | None, int]:
    word = tokens[i][2]
    before = text[max(0, tokens[i][0] - 1) : tokens[i][0]]
    if not _name_word(word) or before in ("@", ".", "’", "'", "/"):
        return None, 0
    if i > 0 and tokens[i - 1][2].lower() in DETERMINERS and tokens[i][0] - tokens[i - 1][1] <= 2:
        return None, 0
    run = _run(text, tokens, i, initials=False)[:2]
    if not run:
        return None, 0
    words = [word, *(tokens[j][2] for j in run)]
    return Name(" ".join(words[:-1]), words[-1], tokens[i][0], tokens[run[-1]][1]), len(run) + 1


def name_at_start(text: str) -> Name | None:
    """The name the text opens with, if it opens with one."""
    names = find_names(text)
    if names and not text[: names[0].start].strip(" \t•·*-–:"):
        return names[0]
    return None
