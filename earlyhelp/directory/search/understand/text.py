"""Words as families type them, made comparable: case, apostrophes, text-speak and stems.

`tokens` turns text into lower-case words: apostrophes are dropped inside words ("Women's"
and "womens" are one word), other punctuation splits words ("self-harm" is "self harm"),
and text-speak is written out ("u" is "you", see `[spelling]` in data/concepts.toml).
`stem` is the English Snowball stemmer, the one PostgreSQL's `english` configuration uses.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

MAX_CHARS = 200
_APOSTROPHES = re.compile(r"(?<=\w)['’‘`´](?=\w)")
_WORD = re.compile(r"[^\W_]+")

# PostgreSQL's `english` stop list: words that carry no meaning of their own in a search.
STOP_WORDS = frozenset(
    """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
    she her hers herself it its itself they them their theirs themselves what which who whom
    this that these those am is are was were be been being have has had having do does did
    doing a an the and but if or because as until while of at by for with about against between
    into through during before after above below to from up down in out on off over under
    again further then once here there when where why how all any both each few more most other
    some such no nor not only own same so than too very s t can will just don should now
    """.split()  # noqa: SIM905 - a word list reads best as words
)
# Words people wrap a request in ("i need help with", "please can someone"): they say nothing
# about what the help is for, and nearly every service's text has them.
FILLER_WORDS = frozenset(
    """
    help helps helping helped support supports supporting supported service services need
    needs needed want wants wanted looking look find finding get getting got someone something
    anyone anything please thanks thank advice info information thing things stuff really
    know think like just also could would might may must shall keep keeps kept going go goes
    make makes made tell told ask asking say says said much many lot lots bit little
    child childs children kid kids son sons daughter daughters boy boys girl girls baby
    year years yr old age aged month months week weeks day days time times today
    people person family families parent parents mum mums dad dads sister brother
    friend friends school pupil student teen teenager teenagers young
    feel feeling feels felt ok okay okey hi hello hey sort kind also else ever even still
    near nearby around local locally close closest nearest area areas postcode
    """.split()  # noqa: SIM905
)
_STEMMER = snowballstemmer.stemmer("english")


def plain(text: str) -> str:
    """Lower case, accents off, apostrophes inside words dropped."""
    text = text.casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _APOSTROPHES.sub("", text.replace("&", " and "))


def query_tokens(text: str) -> list[str]:
    """The words of what someone typed (its first MAX_CHARS characters)."""
    return raw_tokens(text[:MAX_CHARS])


def raw_tokens(text: str) -> list[str]:
    """The words of `text`, as `plain` leaves them, in order."""
    return _WORD.findall(plain(text))


def tokens(text: str, spelling: dict[str, str] | None = None) -> list[str]:
    """The words of `text`, text-speak written out through `spelling`."""
    words: list[str] = []
    for word in query_tokens(text):
        written = spelling.get(word) if spelling else None
        words.extend(_WORD.findall(written) if written is not None else [word])
    return words


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The English Snowball stem: "bullied", "bullying" and "bully" are all "bulli"."""
    return str(_STEMMER.stemWord(word))


def stems(words: list[str]) -> list[str]:
    return [stem(word) for word in words]


def is_content(word: str) -> bool:
    """A word that says what the help is for (not a stop or filler word)."""
    return (
        word not in STOP_WORDS
        and word not in FILLER_WORDS
        and len(word) > 1
        and not word.startswith("zz")  # the index's filter words (facets.py) are not typed
        and not word.isdigit()  # ages and times ("my 14 year old"): the filters' business
    )
