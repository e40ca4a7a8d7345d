"""Everything held about one child: the rows that refer to the pupil, found by the schema.

`collect_child_rows` follows every reverse relation from the pupil (each model with a
foreign key or one-to-one field to it), then from those rows, and so on, through
`_meta.related_objects`, so a model added later is covered without changing this code.
Rows the child's rows point *to* (a school, a member of staff, a concern shared with a
sibling) are not the child's and are not collected.
"""

from django.db import models

from earlyhelp.pupils.models import Pupil

Rows = list[tuple[type[models.Model], list[object]]]


def collect_child_rows(pupil: Pupil) -> Rows:
    """(model, primary keys) for each model holding rows about the child, parents first."""
    found: dict[type[models.Model], set[object]] = {}
    order: list[type[models.Model]] = []
    _walk(Pupil, [pupil.pk], found, order)
    return [(model, sorted(found[model], key=str)) for model in order if found[model]]


def _walk(
    model: type[models.Model],
    ids: list[object],
    found: dict[type[models.Model], set[object]],
    order: list[type[models.Model]],
) -> None:
    for relation in model._meta.related_objects:
        if relation.many_to_many:
            continue  # the link rows go with the row itself; the other side is not ours
        related = relation.related_model
        assert isinstance(related, type)
        lookup = {f"{relation.field.name}__in": ids}
        new = set(related._base_manager.filter(**lookup).values_list("pk", flat=True))
        new -= found.get(related, set())
        if not new:
            continue
        if related not in found:
            found[related] = set()
            order.append(related)
        found[related] |= new
        _walk(related, list(new), found, order)
