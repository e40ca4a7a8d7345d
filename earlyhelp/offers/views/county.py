"""The county directory editors' workspace, under /staff/local-authority/<slug>/directory/:
the county's services (search, filter, paged), add and change one, record a check, withdraw
one, see which schools' Offers show it, and the health check across them all.

Every page loads through `offers.county` (county directory editors of that county only,
404 for anyone else) and writes through one action.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect

from earlyhelp.accounts.staffviews import StaffRequest, render_page, staff_page
from earlyhelp.directory.actions import check_service as record_check
from earlyhelp.directory.models import CheckMethod, Service
from earlyhelp.lib.concurrency import StaleEdit, version_of
from earlyhelp.lib.errors import ActionError
from earlyhelp.offers import county
from earlyhelp.offers.actions.county import (
    add_county_service,
    update_county_service,
    withdraw_county_service,
)
from earlyhelp.offers.actions.editing import PROVISION_FIELDS
from earlyhelp.offers.forms.county import CheckForm, CountyFilterForm, CountyServiceForm

PER_PAGE = 25
SERVICE_PAGE = "county_directory:service"


def _to_service(la_slug: str, service: Service) -> HttpResponseRedirect:
    return redirect(SERVICE_PAGE, la_slug=la_slug, service_id=service.pk)


@staff_page
def services(request: StaffRequest, la_slug: str) -> HttpResponse:
    la = county.get_county_for_editor(request.user, la_slug, page="directory services")
    form = CountyFilterForm(request.GET or None)
    q, show = "", ""
    if form.is_valid():
        q, show = form.cleaned_data["q"].strip(), form.cleaned_data["show"]
    listed = county.list_county_services(la, q=q, show=show)
    page = Paginator(listed, PER_PAGE).get_page(request.GET.get("page"))
    return render_page(
        request,
        "offers/county/services.html",
        local_authority=la,
        la=la,
        form=form,
        page=page,
        rows=[(s, county.is_unverified(s)) for s in page.object_list],
        unverified_count=county.unverified(county.county_services(la)).count(),
        unverified_before=county.unverified_before(),
        filtered=bool(q or show),
    )


@staff_page
def service(request: StaffRequest, la_slug: str, service_id: int) -> HttpResponse:
    la, found = county.get_county_service_for_editor(
        request.user, la_slug, service_id, page="directory service"
    )
    found = county.with_contacts(la, found)
    health = county.check_services_of([found], la)
    return render_page(
        request,
        "offers/county/service.html",
        local_authority=la,
        la=la,
        service=found,
        unverified=county.is_unverified(found),
        schools=list(county.schools_using(found)),
        findings=health[0].findings if health else [],
        check_form=CheckForm(),
        withdrawn=found.status in county.WITHDRAWN,
    )


@staff_page
def add_service(request: StaffRequest, la_slug: str) -> HttpResponse:
    la = county.get_county_for_editor(request.user, la_slug, page="add directory service")
    form = CountyServiceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            added = add_county_service(
                by=request.user, local_authority=la, data=form.county_service_data()
            )
        except ActionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{added.name} added to the directory.")
            return _to_service(la.slug, added)
    return render_page(
        request, "offers/county/service_form.html", local_authority=la, la=la, form=form
    )


@staff_page
def change_service(request: StaffRequest, la_slug: str, service_id: int) -> HttpResponse:
    la, found = county.get_county_service_for_editor(
        request.user, la_slug, service_id, page="change directory service"
    )
    form = CountyServiceForm(
        request.POST or None, service=found, version=version_of(found, PROVISION_FIELDS)
    )
    if request.method == "POST" and form.is_valid():
        try:
            told = update_county_service(
                by=request.user,
                service=found,
                data=form.county_service_data(),
                expected_version=form.expected_version(),
            )
        except StaleEdit as stale:
            form.show_stale(stale)
        except ActionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _saved_message(found, told))
            return _to_service(la.slug, found)
    return render_page(
        request,
        "offers/county/service_form.html",
        local_authority=la,
        la=la,
        form=form,
        service=found,
    )


def _saved_message(found: Service, told: int) -> str:
    return f"{found.name} saved. Every Offer that shows it shows the change at once.{_told(told)}"


def _told(told: int) -> str:
    """ " 2 schools' Offer editors have been told." (nothing when no school shows it)."""
    if not told:
        return ""
    return f" {'1 school’s' if told == 1 else f'{told} schools’'} Offer editors have been told."


@staff_page
def check(request: StaffRequest, la_slug: str, service_id: int) -> HttpResponse:
    la, found = county.get_county_service_for_editor(
        request.user, la_slug, service_id, page="check directory service"
    )
    form = CheckForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        method = CheckMethod(form.cleaned_data["method"])
        record_check(by=request.user, service=found, method=method)
        messages.success(request, f"{found.name} recorded as checked today ({method.label}).")
        return _to_service(la.slug, found)
    return render_page(
        request,
        "offers/county/check.html",
        local_authority=la,
        la=la,
        service=found,
        form=form,
    )


@staff_page
def withdraw(request: StaffRequest, la_slug: str, service_id: int) -> HttpResponse:
    la, found = county.get_county_service_for_editor(
        request.user, la_slug, service_id, page="withdraw directory service"
    )
    if request.method == "POST":
        try:
            told = withdraw_county_service(by=request.user, service=found)
        except ActionError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, f"{found.name} withdrawn: families no longer see it.{_told(told)}"
            )
        return _to_service(la.slug, found)
    return render_page(
        request,
        "offers/county/withdraw.html",
        local_authority=la,
        la=la,
        service=found,
        schools=list(county.schools_using(found)),
    )


@staff_page
def health(request: StaffRequest, la_slug: str) -> HttpResponse:
    la = county.get_county_for_editor(request.user, la_slug, page="directory health")
    found = county.county_health(la)
    return render_page(
        request,
        "offers/county/health.html",
        local_authority=la,
        la=la,
        health=found,
        errors=sum(h.errors for h in found),
        total=sum(len(h.findings) for h in found),
    )
