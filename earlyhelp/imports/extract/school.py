"""The school an Offer belongs to, and its local authority (the "home" area of the Offer)."""

import re
from collections import Counter

from earlyhelp.imports import data
from earlyhelp.imports.contacts import addresses
from earlyhelp.imports.contacts.inventory import Inventory
from earlyhelp.imports.text.words import word_set

KINDS = r"(?:School|Academy|College|Federation|Nursery|Infants|Juniors|Pupil\s+Referral\s+Unit)"
KIND = re.compile(rf"\b{KINDS}(?:[ \t]+(?:Academy|and\s+Nursery|&\s+Nursery))?\b")
CONNECTORS = word_set("of and the de la upon on in le &")
WORD_BEFORE = re.compile(r"([\w’'.&-]+)[ \t]+$")
MAX_NAME_WORDS = 9
LEADING_NOISE = re.compile(
    r"^(?:(?:at|the|our|for|of|and|in|to|all|each|every|early|help|offer|children|families|"
    r"welcome|about|this|is|from|with|a|an|on|by)\s+)+",
    re.IGNORECASE,
)
GENERIC = word_set("""
    school schools academy college federation nursery infants juniors infant junior primary
    secondary first middle high special free independent grammar community foundation church
    england of and the c e ce rc cofe catholic voluntary aided controlled pupil referral unit
    virtual upper lower all through trust multi local county city""")
SCH_DOMAIN = re.compile(r"\.([a-z-]+)\.sch\.uk$")


def school_name(text: str) -> str | None:
    """The most often named school, in its fullest written form."""
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for match in KIND.finditer(text):
        name = _clean(_name_ending_at(text, match.start(), match.end()))
        if name is None:
            continue
        counts[name] += 1
        first_seen.setdefault(name, match.start())
    if not counts:
        return None
    best = max(counts, key=lambda name: (counts[name], -first_seen[name]))
    fuller = [
        name for name in counts
        if name != best and name.startswith(best) and counts[name] * 2 >= counts[best]
    ]  # fmt: skip
    return max(fuller, key=len) if fuller else best


def _name_ending_at(text: str, start: int, end: int) -> str:
    """Walk back from 'School' over capitalised words and connectors: 'St John’s C of E Middle'."""
    begin = start
    for _ in range(MAX_NAME_WORDS):
        word = WORD_BEFORE.search(text, max(0, begin - 40), begin)
        if word is None or not (word.group(1)[0].isupper() or word.group(1) in CONNECTORS):
            break
        begin = word.start(1)
    return text[begin:end]


def _clean(raw: str) -> str | None:
    name = LEADING_NOISE.sub("", " ".join(raw.split()))
    name = re.sub(r"^(?:[a-z][\w’'.-]*\s+)+", "", name)  # lower-case words before the name
    words = re.findall(r"[A-Za-z][\w’'-]*", name)
    if not words or all(word.lower() in GENERIC for word in words) or not name[0].isupper():
        return None
    return name


def home_area(text: str, inventory: Inventory) -> data.Area | None:
    """The local authority the Offer is written for: named most, school email domain first."""
    grams = _word_grams(text)
    scores: Counter[str] = Counter()
    areas = {area.name: area for area in data.areas()}
    for area in areas.values():
        scores[area.name] += grams[area.name.split(" (")[0].lower()]
        scores[area.name] += sum(grams[f"={word}"] for word in area.abbreviations if len(word) >= 3)
    for host in _school_hosts(inventory):
        match = SCH_DOMAIN.search(host)
        for area in areas.values():
            if match and match.group(1) in area.fragments:
                scores[area.name] += 10
    if not scores or scores.most_common(1)[0][1] < 2:
        return None
    return areas[scores.most_common(1)[0][0]]


def _word_grams(text: str) -> Counter[str]:
    """Counts of 1-4 word sequences (lower case), and of single words as written ('=Worcs')."""
    words = re.findall(r"[A-Za-z][A-Za-z’'-]*", text)
    lowered = [word.lower() for word in words]
    grams: Counter[str] = Counter(f"={word}" for word in words)
    for size in range(1, 5):
        grams.update(" ".join(lowered[i : i + size]) for i in range(len(lowered) - size + 1))
    return grams


def _school_hosts(inventory: Inventory) -> list[str]:
    hosts = [m.address.split("@")[-1] for m in inventory.emails if m.address]
    hosts += [addresses.host_of(m.url) for m in inventory.urls if m.url]
    return [host for host in hosts if host.endswith(".sch.uk")]
