from django.apps import AppConfig


class JobsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "earlyhelp.jobs"
    verbose_name = "Background jobs and schedules"
