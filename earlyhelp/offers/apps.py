from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class OffersConfig(AppConfig):
    name = "earlyhelp.offers"
    label = "offers"
    verbose_name = "Early Help Offers"

    def ready(self) -> None:
        # The public page shows county and national services live: a write to one (or to
        # its organisation) makes every cached services' stamp stale (offers.rendering);
        # a write to a school, its council or its Offer, every cached published version.
        from earlyhelp.directory.models import Organization, Service
        from earlyhelp.offers.models import Offer, OfferVersion
        from earlyhelp.offers.rendering import directory_changed
        from earlyhelp.schools.models import LocalAuthority, School

        for model in (Service, Organization, School, LocalAuthority, Offer, OfferVersion):
            post_save.connect(directory_changed, sender=model, dispatch_uid=f"offers-{model}")
            post_delete.connect(directory_changed, sender=model, dispatch_uid=f"offers-d-{model}")
