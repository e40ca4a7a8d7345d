"""The Health check page: every problem in the school's current Offer, errors first."""

from django.http import HttpResponse
from django.utils import timezone

from earlyhelp.accounts.roles import Permission
from earlyhelp.accounts.staffviews import StaffRequest, render_page, staff_page
from earlyhelp.offers.health import HealthFinding, check_offer
from earlyhelp.offers.views.staff._shared import load_school


@staff_page
def health(request: StaffRequest, school_slug: str) -> HttpResponse:
    school, offer = load_school(request, school_slug, Permission.EDIT_OFFER)
    findings = check_offer(offer, today=timezone.localdate())
    errors = [f for f in findings if f.is_error]
    warnings = [f for f in findings if not f.is_error]
    return render_page(
        request,
        "offers/staff/health.html",
        school,
        findings=findings,
        groups=groups_of(errors, warnings),
        errors=errors,
        warnings=warnings,
    )


def groups_of(
    errors: list[HealthFinding], warnings: list[HealthFinding]
) -> list[tuple[str, str, list[HealthFinding]]]:
    """(id, heading, findings) for each severity that has findings, errors first."""
    groups = [
        ("errors", "Errors: families would be sent to the wrong place", errors),
        ("warnings", "Warnings: worth putting right", warnings),
    ]
    return [group for group in groups if group[2]]
