"""When a dated event happened, as a chronology time: the chronology is ordered by event.

Something recorded on the day it happened keeps the time it was recorded; something dated
earlier (a review typed up a week later) is placed at midday on its own date, so it sits
among the entries of that day, not among those of the day it was typed.
"""

from datetime import date, datetime, time

from django.utils import timezone

MIDDAY = time(12, 0)


def event_time(day: date) -> datetime:
    now = timezone.now()
    if day >= timezone.localdate(now):
        return now
    return timezone.make_aware(datetime.combine(day, MIDDAY))
