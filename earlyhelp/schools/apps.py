from django.apps import AppConfig


class SchoolsConfig(AppConfig):
    name = "earlyhelp.schools"
    label = "schools"
    verbose_name = "Schools and local authorities"
