from collections.abc import Callable
from datetime import date
from typing import Any

from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "earlyhelp.casework"
    label = "casework"
    verbose_name = "Casework"

    def ready(self) -> None:
        from earlyhelp.records.signals import stepped_up_to_front_door

        stepped_up_to_front_door.connect(_refer, dispatch_uid="casework.refer_to_front_door")
        from earlyhelp.casework.open_matters import on_early_help
        from earlyhelp.records.open_matters import register

        register("casework.early_help", on_early_help)
        from earlyhelp.attendance.deletion import register_calendar

        register_calendar("casework.terms", _school_days)


def _refer(sender: Any, **kwargs: Any) -> None:
    """A concern stepped up to the front door becomes a referral the authority sees."""
    from earlyhelp.casework.actions.front_door import refer_to_front_door

    refer_to_front_door(pupil=kwargs["pupil"], summary=kwargs["summary"], by=kwargs["by"])


def _school_days(school_id: int) -> Callable[[date], bool]:
    """The school's school days, from its term dates (attendance's 20-day point)."""
    from earlyhelp.casework.calendar import SchoolCalendar
    from earlyhelp.schools.models import School

    return SchoolCalendar.for_school(School(pk=school_id)).is_school_day
