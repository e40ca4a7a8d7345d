from django.apps import AppConfig


class PupilsConfig(AppConfig):
    name = "earlyhelp.pupils"
    label = "pupils"
    verbose_name = "Pupils on roll"
