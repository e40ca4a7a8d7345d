from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "earlyhelp.records"
    label = "records"
    verbose_name = "Child records"
