"""Preview the draft, publish it, and read every published version."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone

from earlyhelp.accounts.roles import Permission
from earlyhelp.accounts.staffviews import StaffRequest, render_page, staff_page, staff_user
from earlyhelp.lib.errors import ActionError
from earlyhelp.offers.actions.publishing import default_review_due, publish_offer
from earlyhelp.offers.changes import draft_changes
from earlyhelp.offers.forms import PublishForm
from earlyhelp.offers.health import check_offer
from earlyhelp.offers.models import Offer
from earlyhelp.offers.reviews import ReviewState, review_state
from earlyhelp.offers.snapshot import OfferPage, build_snapshot, page_from_snapshot
from earlyhelp.offers.views.staff._shared import load_school, may_publish, to_overview
from earlyhelp.schools.models import KeyRole


@dataclass(frozen=True)
class Unpublished:
    """Stands in for a version in the preview: the Offer as if published now."""

    published_at: datetime


def draft_page(offer: Offer) -> OfferPage:
    return page_from_snapshot(build_snapshot(offer, review_due=default_review_due()), live=False)


@staff_page
def preview(request: StaffRequest, school_slug: str) -> HttpResponse:
    school, offer = load_school(request, school_slug)
    page = draft_page(offer)
    return render_page(
        request,
        "offers/staff/preview.html",
        school,
        page=page,
        version=Unpublished(published_at=timezone.now()),
        quick_exit=page.quick_exit,
        emergency_in_body=True,
        may_publish=may_publish(request, school),
    )


@staff_page
def publish(request: StaffRequest, school_slug: str) -> HttpResponse:
    school, offer = load_school(request, school_slug, Permission.PUBLISH_OFFER)
    form = PublishForm(request.POST or None, initial={"review_due": default_review_due()})
    if request.method == "POST" and form.is_valid():
        try:
            version = publish_offer(
                by=staff_user(request), offer=offer, review_due=form.cleaned_data["review_due"]
            )
        except ActionError as error:
            form.add_error("review_due", str(error))
        else:
            messages.success(
                request,
                f"Version {version.number} of your Offer is published. Families see it now.",
            )
            return to_overview(school)
    last = offer.published_version
    changes = draft_changes(offer)
    today = timezone.localdate()
    return render_page(
        request,
        "offers/staff/publish.html",
        school,
        form=form,
        offer=offer,
        number=(last.number if last else 0) + 1,
        changes=changes,
        changed=bool(changes),
        review_due=review_state(offer, today) in (ReviewState.OVERDUE, ReviewState.DUE_SOON),
        errors=[finding for finding in check_offer(offer, today=today) if finding.is_error],
        warnings=publish_warnings(offer),
    )


def publish_warnings(offer: Offer) -> list[str]:
    """Gaps worth a second look before families read the Offer (they do not stop publishing)."""
    warnings = []
    roles = set(
        offer.school.key_people.values_list("roles__role", flat=True).exclude(roles__role=None)
    )
    if KeyRole.DSL not in roles:
        warnings.append("Your Offer does not name a Designated Safeguarding Lead.")
    if KeyRole.DEPUTY_DSL not in roles:
        warnings.append("Your Offer does not name a deputy Designated Safeguarding Lead.")
    if not offer.entries.exists():
        warnings.append("Your Offer does not show any support yet.")
    return warnings


@staff_page
def versions(request: StaffRequest, school_slug: str) -> HttpResponse:
    school, offer = load_school(request, school_slug)
    return render_page(
        request,
        "offers/staff/versions.html",
        school,
        offer=offer,
        versions=offer.versions.order_by("-number"),
    )


@staff_page
def version(request: StaffRequest, school_slug: str, number: int) -> HttpResponse:
    school, offer = load_school(request, school_slug)
    shown = get_object_or_404(offer.versions, number=number)
    return render_page(
        request,
        "offers/staff/version.html",
        school,
        offer=offer,
        version=shown,
        page=page_from_snapshot(shown.content, live=False),
        current=offer.published_version_id == shown.pk,
        emergency_in_body=True,
    )
