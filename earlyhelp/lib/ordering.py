"""Reordering rows that carry a `position` field (key people, Offer entries)."""

from typing import Any, Literal

from django.db import models

Direction = Literal["up", "down"]


def swap_with_neighbour(rows: "models.QuerySet[Any]", row: Any, direction: Direction) -> bool:
    """Swap `row` with its neighbour in `rows` (ordered by position); False at either end.

    Positions are renumbered 1..n so that gaps left by removals close up as a side effect.
    """
    ordered = list(rows.order_by("position", "id"))
    index = next(i for i, each in enumerate(ordered) if each.pk == row.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(ordered):
        return False
    ordered[index], ordered[other] = ordered[other], ordered[index]
    for position, each in enumerate(ordered, start=1):
        if each.position != position:
            type(each)._default_manager.filter(pk=each.pk).update(position=position)
    return True
