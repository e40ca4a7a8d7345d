"""Public directory pages: search and one service."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from earlyhelp.directory.models import Service, ServiceStatus
from earlyhelp.directory.presentation import card_from_service, card_queryset


def search(request: HttpRequest) -> HttpResponse:
    return render(request, "directory/search.html", {"nav": "directory"})


def service_detail(request: HttpRequest, service_id: int) -> HttpResponse:
    services = card_queryset(Service.objects.exclude(status=ServiceStatus.INACTIVE))
    service = get_object_or_404(services, pk=service_id)
    card = card_from_service(service)
    return render(
        request,
        "directory/service.html",
        {"service": service, "card": card, "nav": "directory", "quick_exit": card.quick_exit},
    )
