"""Casework's answer to `records.open_matters`: children on an active early help plan."""

from collections.abc import Collection

from earlyhelp.casework.models import ACTIVE_STATUSES, EarlyHelpEpisode


def on_early_help(pupil_ids: Collection[int]) -> set[int]:
    episodes = EarlyHelpEpisode.objects.filter(pupil_id__in=pupil_ids, status__in=ACTIVE_STATUSES)
    return set(episodes.values_list("pupil_id", flat=True))
