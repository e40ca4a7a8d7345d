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


def _refer(sender: Any, **kwargs: Any) -> None:
    """A concern stepped up to the front door becomes a referral the authority sees."""
    from earlyhelp.casework.actions.front_door import refer_to_front_door

    refer_to_front_door(pupil=kwargs["pupil"], summary=kwargs["summary"], by=kwargs["by"])
