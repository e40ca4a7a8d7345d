from django.apps import AppConfig


class ConcernsConfig(AppConfig):
    name = "earlyhelp.concerns"
    label = "concerns"
    verbose_name = "Concerns"

    def ready(self) -> None:
        from earlyhelp.concerns.open_matters import with_open_concern
        from earlyhelp.records.open_matters import register

        register("concerns.open", with_open_concern)
