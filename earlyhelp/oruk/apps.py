from django.apps import AppConfig


class OrukConfig(AppConfig):
    name = "earlyhelp.oruk"
    label = "oruk"
    verbose_name = "Open Referral UK"
