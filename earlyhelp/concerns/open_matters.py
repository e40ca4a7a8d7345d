"""Concerns' answer to `records.open_matters`: children named in a concern not yet decided."""

from collections.abc import Collection

from earlyhelp.concerns.models import ConcernPupil


def with_open_concern(pupil_ids: Collection[int]) -> set[int]:
    links = ConcernPupil.objects.filter(pupil_id__in=pupil_ids, concern__decision__isnull=True)
    return set(links.values_list("pupil_id", flat=True))
