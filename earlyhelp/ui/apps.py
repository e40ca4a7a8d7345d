from django.apps import AppConfig


class UiConfig(AppConfig):
    """The GOV.UK component layer: template tags and templates every app's pages use.

    It sits low: it imports only `earlyhelp.lib`, so any app may use it.
    """

    name = "earlyhelp.ui"
    label = "ui"
    verbose_name = "GOV.UK components"
