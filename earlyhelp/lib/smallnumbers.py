"""Small-number suppression for counts shown without names (governors, the local authority).

A count under `THRESHOLD` could point at a child in a small school or class, so it is not
shown (`None`, written "fewer than 5"), and neither is any rate built on a suppressed count.
"""

THRESHOLD = 5
SUPPRESSED = "fewer than 5"


def suppress(n: int) -> int | None:
    """The count, or None when it is under the threshold."""
    return n if n >= THRESHOLD else None


def rate(part: int, whole: int) -> float | None:
    """Percentage to one decimal place, or None when either count is suppressed."""
    if suppress(part) is None or suppress(whole) is None:
        return None
    return round(100 * part / whole, 1)


def shown(value: int | float | None) -> int | float | str:
    """A suppressed figure (None) as the words shown for it, anything else as it is."""
    return SUPPRESSED if value is None else value
