"""The staff area's front page: the schools a person works for and what needs doing."""

from dataclasses import dataclass, replace

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from earlyhelp.accounts.permissions import has_permission
from earlyhelp.accounts.roles import Permission
from earlyhelp.accounts.staffviews import StaffRequest, staff_page
from earlyhelp.concerns.urgency import InboxCounts, inbox_counts
from earlyhelp.offers.county import list_counties_for_editor
from earlyhelp.offers.reviews import ReviewState, review_state
from earlyhelp.schools.access import list_local_authorities_for_user, list_schools_for_user
from earlyhelp.schools.models import School
from earlyhelp.training.compliance import DueItem, due_for_person


@dataclass(frozen=True)
class SchoolRow:
    school: School
    may_edit: bool
    review: ReviewState
    may_log_concern: bool = False
    is_safeguarding_team: bool = False
    may_import_roll: bool = False
    inbox: InboxCounts | None = None
    may_run_pupil_voice: bool = False
    may_view_governors_report: bool = False
    training_due: tuple[DueItem, ...] = ()  # the person's own training and read-and-sign
    may_manage_training: bool = False


@staff_page
def home(request: StaffRequest) -> HttpResponse:
    user, today = request.user, timezone.localdate()
    schools = list_schools_for_user(user).select_related("offer", "local_authority")
    rows = [
        SchoolRow(
            school=school,
            may_edit=has_permission(user, Permission.EDIT_OFFER, school=school),
            review=review_state(school.offer, today),
            may_log_concern=has_permission(user, Permission.LOG_CONCERN, school=school),
            is_safeguarding_team=has_permission(user, Permission.MANAGE_CASEWORK, school=school),
            may_import_roll=has_permission(user, Permission.MANAGE_ROLL, school=school),
            may_run_pupil_voice=has_permission(user, Permission.RUN_PUPIL_VOICE, school=school),
            may_view_governors_report=has_permission(
                user, Permission.VIEW_GOVERNORS_REPORT, school=school
            ),
            training_due=tuple(due_for_person(school, user, today=today)),
            may_manage_training=has_permission(user, Permission.MANAGE_TRAINING, school=school),
        )
        for school in schools
    ]
    rows = [_with_inbox(row) for row in rows]
    authorities = list(list_local_authorities_for_user(user))
    if not rows and len(authorities) == 1:
        return redirect("la:home", la_slug=authorities[0].slug)
    directories = list_counties_for_editor(user)
    if not rows and not authorities and len(directories) == 1:
        return redirect("county_directory:services", la_slug=directories[0].slug)
    return render(
        request,
        "core/staff_home.html",
        {
            "rows": rows,
            "review_states": ReviewState,
            "authorities": authorities,
            "directories": directories,
        },
    )


def _with_inbox(row: SchoolRow) -> SchoolRow:
    """The safeguarding team's row also counts its new, immediate-risk and overdue concerns."""
    if not row.is_safeguarding_team:
        return row
    return replace(row, inbox=inbox_counts(row.school, timezone.now()))
