from django.apps import AppConfig


class ConcernsConfig(AppConfig):
    name = "earlyhelp.concerns"
    label = "concerns"
    verbose_name = "Concerns"
