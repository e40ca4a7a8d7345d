"""Phone numbers in Ofcom's ranges for drama and fiction that libphonenumber accepts."""

import random

# E.164 stems; each takes the digits that follow to make a whole number.
_LANDLINE_STEMS = (
    ("+441134960", 3),
    ("+441144960", 3),
    ("+441164960", 3),
    ("+441174960", 3),
    ("+441184960", 3),
    ("+441214960", 3),
    ("+441314960", 3),
    ("+441414960", 3),
    ("+441514960", 3),
    ("+441614960", 3),
    ("+441914980", 3),
    ("+442079460", 3),
)
_FREEPHONE = ("+448081570", 3)
_UK_WIDE = ("+443069990", 3)  # 03: charged as a local call


def _number(rng: random.Random, stem: tuple[str, int]) -> str:
    prefix, digits = stem
    return f"{prefix}{rng.randrange(10**digits):0{digits}d}"


def landline(rng: random.Random) -> str:
    return _number(rng, rng.choice(_LANDLINE_STEMS))


def freephone(rng: random.Random) -> str:
    return _number(rng, _FREEPHONE)


def uk_wide(rng: random.Random) -> str:
    return _number(rng, _UK_WIDE)
