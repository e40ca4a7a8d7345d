"""What query understanding reads from the database, cached in this process.

The lexicon (file and editors' additions), the vocabulary and the known places are read once
and kept until a directory write calls `forget()` or `vocabulary.MAX_AGE` passes.
"""

import time
from dataclasses import dataclass
from threading import Lock

from earlyhelp.directory.search.understand import vocabulary as vocabulary_module
from earlyhelp.directory.search.understand.lexicon import Entry, Lexicon, with_additions
from earlyhelp.directory.search.understand.places import (
    Place,
    area_of,
    full_postcode,
    is_area,
    is_district,
)
from earlyhelp.directory.search.understand.text import plain, raw_tokens
from earlyhelp.directory.search.understand.vocabulary import MAX_AGE, Vocabulary

MAX_PLACE_WORDS = 3
MIN_ALIAS = 6
NOT_ALIASES = frozenset({"north", "south", "east", "west", "upper", "lower", "great", "little"})


@dataclass(frozen=True)
class _Known:
    lexicon: Lexicon
    places: dict[tuple[str, ...], Place]  # place name words -> place
    districts: frozenset[str]
    areas: frozenset[str]


_lock = Lock()
_cache: dict[str, tuple[float, _Known]] = {}


def forget() -> None:
    with _lock:
        _cache.clear()
    vocabulary_module.forget()


def lexicon() -> Lexicon:
    return _known().lexicon


def vocabulary() -> Vocabulary:
    return vocabulary_module.directory_vocabulary(_known().lexicon.words)


def find_place(text: str) -> tuple[Place | None, str]:
    """The first postcode or place name in `text`, and `text` without it."""
    full = full_postcode(text)
    if full:
        return _postcode_place(*full), _remove(text, rf"{full[0]}\s*{full[1]}")
    known = _known()
    words = raw_tokens(text)
    originals = text.split()
    for word in originals:
        bare = word.strip(".,;:!?()").upper()
        if is_district(bare) and (bare in known.districts or len(bare) >= 3):
            return _district_place(bare, known), _remove(text, rf"\b{bare}\b")
        if is_area(bare) and bare in known.areas and word.strip(".,;:!?()").isupper():
            return Place(label=bare, area=bare), _remove(text, rf"\b{bare}\b")
    for size in range(MAX_PLACE_WORDS, 0, -1):
        for start in range(len(words) - size + 1):
            place = known.places.get(tuple(words[start : start + size]))
            if place:
                pattern = r"\W+".join(words[start : start + size])
                return place, _remove(plain(text), rf"\b{pattern}\b")
    return None, text


def _remove(text: str, pattern: str) -> str:
    import re

    return re.sub(pattern, " ", text, count=1, flags=re.IGNORECASE)


def _postcode_place(outward: str, inward: str) -> Place:
    from earlyhelp.directory.models import Postcode

    code = f"{outward} {inward}"
    row = Postcode.objects.filter(postcode=code).first()
    if row is None:
        return Place(label=code, postcode=code, district=outward, area=area_of(outward))
    return Place(
        label=code,
        postcode=code,
        district=row.district,
        area=row.area,
        name=row.place,
        latitude=float(row.latitude) if row.latitude is not None else None,
        longitude=float(row.longitude) if row.longitude is not None else None,
    )


def _district_place(district: str, known: _Known) -> Place:
    from django.db.models import Avg

    from earlyhelp.directory.models import Postcode

    rows = Postcode.objects.filter(district=district)
    centre = rows.aggregate(lat=Avg("latitude"), lon=Avg("longitude"))
    name = rows.exclude(place="").values_list("place", flat=True).first() or ""
    return Place(
        label=district,
        district=district,
        area=area_of(district),
        name=name,
        latitude=float(centre["lat"]) if centre["lat"] is not None else None,
        longitude=float(centre["lon"]) if centre["lon"] is not None else None,
    )


def _known() -> _Known:
    from django.db import connection

    key = f"{connection.vendor}:{connection.settings_dict.get('NAME')}"
    with _lock:
        cached = _cache.get(key)
        if cached and time.monotonic() - cached[0] < MAX_AGE:
            return cached[1]
    known = _load()
    with _lock:
        _cache[key] = (time.monotonic(), known)
    return known


def _load() -> _Known:
    from django.db.models import Avg

    from earlyhelp.directory.models import ConceptEntry, Postcode, ServiceArea

    additions = [
        Entry(e.phrase, e.topic_codes, tuple(raw_tokens(e.words)))
        for e in ConceptEntry.objects.all()
    ]
    places: dict[tuple[str, ...], Place] = {}
    for name in ServiceArea.objects.values_list("name", flat=True).distinct()[:2000]:
        places.setdefault(tuple(raw_tokens(name)), Place(label=name, name=name))
    rows = (
        Postcode.objects.exclude(place="")
        .values("place", "district", "area")
        .annotate(lat=Avg("latitude"), lon=Avg("longitude"))
        .order_by("place", "district")
    )
    for row in rows[:5000]:
        key = tuple(raw_tokens(row["place"]))
        places[key] = Place(
            label=row["place"],
            district=row["district"],
            area=row["area"],
            name=row["place"],
            latitude=float(row["lat"]) if row["lat"] is not None else None,
            longitude=float(row["lon"]) if row["lon"] is not None else None,
        )
    districts = frozenset(Postcode.objects.values_list("district", flat=True).distinct())
    areas = frozenset(Postcode.objects.values_list("area", flat=True).distinct())
    for key, place in list(places.items()):
        if len(key) > 1 and len(key[0]) >= MIN_ALIAS and key[0] not in NOT_ALIASES:
            places.setdefault(key[:1], place)  # "Droitwich" for "Droitwich Spa"
    places = {k: v for k, v in places.items() if k}
    return _Known(with_additions(additions), places, districts, areas)
