"""Referrals: a child's referrals, a new referral to a directory service, status changes,
and the school's list of every referral."""

from django.contrib import messages
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from earlyhelp.accounts.staffviews import StaffRequest, posted, render_page, staff_page, staff_user
from earlyhelp.casework.access import get_casework_child_for_user
from earlyhelp.casework.actions.referrals import refer_to_service, update_referral_status
from earlyhelp.casework.forms import ReferralForm, ReferralStatusForm, ServiceSearchForm
from earlyhelp.casework.models import Referral, ReferralStatus
from earlyhelp.casework.views._common import load_school, render_form
from earlyhelp.directory.models import Scope, Service, ServiceStatus
from earlyhelp.directory.search.engine import search_services
from earlyhelp.directory.search.params import SearchParams
from earlyhelp.lib.errors import ActionError
from earlyhelp.lib.formvalues import day, optional_day, text
from earlyhelp.pupils.models import Pupil
from earlyhelp.schools.models import School

SCHOOL_LIST_SHOWN = 200


def _referrals_url(pupil: Pupil) -> str:
    return reverse("children:referrals", args=[pupil.school.slug, pupil.pk])


@staff_page
def child_referrals(request: StaffRequest, school_slug: str, pupil_id: int) -> HttpResponse:
    pupil = get_casework_child_for_user(
        staff_user(request), school_slug, pupil_id, page="referrals"
    )
    referrals = (
        Referral.objects.filter(pupil=pupil)
        .select_related("service", "local_authority")
        .prefetch_related("history")
    )
    return render_page(
        request,
        "casework/referrals/child.html",
        pupil.school,
        pupil=pupil,
        referrals=list(referrals),
    )


def _visible_services(school: School, query: str) -> list[Service]:
    """Active directory services matching `query`, without other schools' own provision."""
    ids = search_services(SearchParams(q=query, per_page=20, school_id=school.pk)).ids
    found = Service.objects.filter(pk__in=ids, status=ServiceStatus.ACTIVE).exclude(
        Q(scope=Scope.SCHOOL) & ~Q(owner_school=school)
    )
    by_id = {s.pk: s for s in found.select_related("organization")}
    return [by_id[i] for i in ids if i in by_id]


@staff_page
def new_referral(request: StaffRequest, school_slug: str, pupil_id: int) -> HttpResponse:
    """Step 1: find the service in the directory."""
    pupil = get_casework_child_for_user(
        staff_user(request), school_slug, pupil_id, page="referrals: new"
    )
    search = ServiceSearchForm(request.GET or None)
    query = search.cleaned_data["q"].strip() if search.is_valid() else ""
    return render_page(
        request,
        "casework/referrals/choose.html",
        pupil.school,
        pupil=pupil,
        search=search,
        query=query,
        services=_visible_services(pupil.school, query) if query else [],
    )


@staff_page
def refer(request: StaffRequest, school_slug: str, pupil_id: int, service_id: int) -> HttpResponse:
    """Step 2: the summary and dates, for the chosen service."""
    pupil = get_casework_child_for_user(
        staff_user(request), school_slug, pupil_id, page="referrals: new"
    )
    service = get_object_or_404(
        Service.objects.exclude(Q(scope=Scope.SCHOOL) & ~Q(owner_school=pupil.school)),
        pk=service_id,
        status=ServiceStatus.ACTIVE,
    )
    form = ReferralForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            refer_to_service(
                pupil=pupil,
                service=service,
                summary=text(form, "summary"),
                sent_on=day(form, "sent_on"),
                follow_up_on=optional_day(form, "follow_up_on"),
                by=staff_user(request),
            )
        except ActionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Referral to {service.name} recorded.")
            return redirect(_referrals_url(pupil))
    return render_form(
        request,
        pupil,
        form,
        title=f"Refer to {service.name}",
        button="Record the referral",
        back=reverse("children:referral-new", args=[pupil.school.slug, pupil.pk]),
        intro=service.description,
    )


@staff_page
def referral_status(
    request: StaffRequest, school_slug: str, pupil_id: int, referral_id: int
) -> HttpResponse:
    pupil = get_casework_child_for_user(
        staff_user(request), school_slug, pupil_id, page="referrals: status"
    )
    referral = get_object_or_404(
        Referral.objects.select_related("service", "local_authority").exclude(
            status=ReferralStatus.COMPLETED
        ),
        pk=referral_id,
        pupil=pupil,
    )
    form = ReferralStatusForm(posted(request), initial={"status": referral.status})
    if request.method == "POST" and form.is_valid():
        try:
            update_referral_status(
                referral=referral,
                status=text(form, "status"),
                note=text(form, "note"),
                follow_up_on=optional_day(form, "follow_up_on"),
                by=staff_user(request),
            )
        except ActionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Referral updated.")
            return redirect(_referrals_url(pupil))
    return render_form(
        request,
        pupil,
        form,
        title=f"Referral to {referral.recipient_name}",
        button="Save",
        back=_referrals_url(pupil),
    )


@staff_page
def school_referrals(request: StaffRequest, school_slug: str) -> HttpResponse:
    """Every referral the school has made, those awaiting a reply first. No child's record is
    opened here: names and statuses only, each linking to the child's record."""
    school = load_school(request, school_slug)
    referrals = (
        Referral.objects.filter(school=school)
        .select_related("pupil", "service", "local_authority")
        .order_by("status", "follow_up_on", "-sent_on", "pk")
    )
    return render_page(
        request,
        "casework/referrals/school.html",
        school,
        referrals=list(referrals[:SCHOOL_LIST_SHOWN]),
        shown=SCHOOL_LIST_SHOWN,
    )
