"""Site-wide pages: the home page, the accessibility statement and error pages."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from earlyhelp.schools.models import School


def home(request: HttpRequest) -> HttpResponse:
    schools = School.objects.filter(offer__published_version__isnull=False).order_by("name")
    return render(request, "core/home.html", {"schools": schools})


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "core/404.html", status=404)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "core/403.html", status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "core/500.html", status=500)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "core/400.html", status=400)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent without its security token, or after it ran out (settings.CSRF_FAILURE_VIEW)."""
    return render(request, "core/403_csrf.html", status=403)
