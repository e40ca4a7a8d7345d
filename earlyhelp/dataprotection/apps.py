from django.apps import AppConfig


class DataProtectionConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "earlyhelp.dataprotection"
    label = "dataprotection"
    verbose_name = "Data protection"
