"""The school's own provision: described here, stored in the directory, shown in the Offer."""

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from earlyhelp.accounts.staffviews import StaffRequest, render_page, staff_page, staff_user
from earlyhelp.directory.models import Scope, Service, ServiceStatus
from earlyhelp.lib.concurrency import StaleEdit, version_of
from earlyhelp.lib.errors import ActionError
from earlyhelp.offers.actions.editing import (
    PROVISION_FIELDS,
    add_own_provision,
    delete_own_provision,
    update_own_provision,
)
from earlyhelp.offers.forms import ProvisionForm
from earlyhelp.offers.views.staff._shared import headings_of, load_school, to_overview
from earlyhelp.schools.models import School


def own_provision(school: School) -> QuerySet[Service]:
    """The school's own services that are still open (the ones an editor may change)."""
    return Service.objects.filter(scope=Scope.SCHOOL, owner_school=school).exclude(
        status=ServiceStatus.DEFUNCT
    )


@staff_page
def add_provision(request: StaffRequest, school_slug: str) -> HttpResponse:
    school, offer = load_school(request, school_slug)
    form = ProvisionForm(request.POST or None, headings=headings_of(offer))
    if request.method == "POST" and form.is_valid():
        try:
            entry = add_own_provision(
                by=staff_user(request),
                offer=offer,
                data=form.service_data(organization_name=school.name),
                level=form.first_level(),
            )
        except ActionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                f"{entry.service.name} added to your Offer. Families see it when you publish.",
            )
            return to_overview(school, f"level-{entry.level}")
    return render_page(request, "offers/staff/provision_form.html", school, form=form, service=None)


@staff_page
def change_provision(request: StaffRequest, school_slug: str, provision_id: int) -> HttpResponse:
    school, offer = load_school(request, school_slug)
    service = get_object_or_404(own_provision(school), pk=provision_id)
    form = ProvisionForm(
        request.POST or None,
        headings=headings_of(offer),
        service=service,
        version=version_of(service, PROVISION_FIELDS),
    )
    if request.method == "POST" and form.is_valid():
        data = form.service_data(organization_name=service.organization.name)
        try:
            update_own_provision(
                by=staff_user(request),
                offer=offer,
                service=service,
                data=data,
                expected_version=form.expected_version(),
            )
        except StaleEdit as stale:
            form.show_stale(stale)
        except ActionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, f"{service.name} saved. Families see the change when you publish."
            )
            return to_overview(school, "provision")
    return render_page(
        request, "offers/staff/provision_form.html", school, form=form, service=service
    )


@staff_page
def delete_provision(request: StaffRequest, school_slug: str, provision_id: int) -> HttpResponse:
    school, offer = load_school(request, school_slug)
    service = get_object_or_404(own_provision(school), pk=provision_id)
    if request.method == "POST":
        try:
            delete_own_provision(by=staff_user(request), offer=offer, service=service)
        except ActionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"{service.name} deleted.")
        return to_overview(school, "provision")
    in_offer = offer.entries.filter(service=service).exists()
    return render_page(
        request, "offers/staff/provision_delete.html", school, service=service, in_offer=in_offer
    )
