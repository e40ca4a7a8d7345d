from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "earlyhelp.training"
    label = "training"
    verbose_name = "Staff training"
