from django.apps import AppConfig


class OffersConfig(AppConfig):
    name = "earlyhelp.offers"
    label = "offers"
    verbose_name = "Early Help Offers"
