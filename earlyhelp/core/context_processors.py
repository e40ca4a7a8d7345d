"""Values every template may use."""

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject


def site(request: HttpRequest) -> dict[str, object]:
    from earlyhelp.schools.models import LocalAuthority

    return {
        "service_name": "earlyhelp",
        "environment": settings.ENVIRONMENT,
        # Read only if a page shows the emergency panel without knowing the family's council.
        "emergency_authorities": SimpleLazyObject(lambda: list(LocalAuthority.objects.all())),
    }
