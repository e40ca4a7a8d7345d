"""Roles, permissions and the one function that decides: `has_permission`.

A staff account holds roles through memberships: school roles at one school, county roles
at one local authority. Roles grant permissions; nothing else does. Object access checks
(`get_school_for_user`, and later one per sensitive object) call `has_permission`.
"""

from enum import StrEnum

from django.db import models


class Role(models.TextChoices):
    DSL = "dsl", "Designated safeguarding lead"
    DEPUTY_DSL = "deputy_dsl", "Deputy designated safeguarding lead"
    HEADTEACHER = "headteacher", "Headteacher"
    SENCO = "senco", "SENCO"
    GOVERNOR = "governor", "Governor"
    STAFF = "staff", "Member of staff"
    ATTENDANCE_OFFICER = "attendance_officer", "Attendance officer"
    OFFER_EDITOR = "offer_editor", "Offer editor"
    LA_OFFICER = "la_officer", "Local authority officer"
    DIRECTORY_EDITOR = "directory_editor", "Directory editor"


SCHOOL_ROLES = frozenset(
    {
        Role.DSL,
        Role.DEPUTY_DSL,
        Role.HEADTEACHER,
        Role.SENCO,
        Role.GOVERNOR,
        Role.STAFF,
        Role.ATTENDANCE_OFFICER,
        Role.OFFER_EDITOR,
    }
)
LOCAL_AUTHORITY_ROLES = frozenset({Role.LA_OFFICER, Role.DIRECTORY_EDITOR})
# Asked to add a passkey after setting up an authenticator app (issue 5).
PASSKEY_PROMPTED_ROLES = frozenset({Role.DSL, Role.DEPUTY_DSL, Role.HEADTEACHER})


class Permission(StrEnum):
    VIEW_STAFF_AREA = "view_staff_area"
    EDIT_OFFER = "edit_offer"
    PUBLISH_OFFER = "publish_offer"
    EDIT_COUNTY_DIRECTORY = "edit_county_directory"
    VIEW_LOCAL_AUTHORITY_OVERVIEW = "view_local_authority_overview"
    # Casework (issue 4). Any member of staff logs concerns and sees only what they logged;
    # the safeguarding team (DSL and deputies) sees and works on its school's children.
    LOG_CONCERN = "log_concern"
    VIEW_CHILD_RECORDS = "view_child_records"
    MANAGE_CASEWORK = "manage_casework"
    MANAGE_ROLL = "manage_roll"
    # Reset a colleague's second factor (they lost their phone) at one's own school.
    MANAGE_STAFF_ACCOUNTS = "manage_staff_accounts"
    # Attendance (issue 13): import the register and see a pupil's marks and amendments.
    MANAGE_ATTENDANCE = "manage_attendance"
    # Pupil voice and the governors' report (issue 15): staff open a class's questionnaire;
    # the safeguarding team and headteacher edit its questions and read its results; the
    # governors' report (counts, never a child) is read by governors and those who present it.
    RUN_PUPIL_VOICE = "run_pupil_voice"
    MANAGE_PUPIL_VOICE = "manage_pupil_voice"
    VIEW_GOVERNORS_REPORT = "view_governors_report"
    # Staff training (issue 15): everyone's records, the compliance matrix, the CSV import
    # and the school's read-and-sign policies. Each person enters their own training anyway.
    MANAGE_TRAINING = "manage_training"


_OFFER_EDITING = {Permission.VIEW_STAFF_AREA, Permission.EDIT_OFFER, Permission.PUBLISH_OFFER}
_STAFF = {Permission.VIEW_STAFF_AREA, Permission.LOG_CONCERN}
_SAFEGUARDING_TEAM = {
    Permission.VIEW_CHILD_RECORDS,
    Permission.MANAGE_CASEWORK,
    Permission.MANAGE_ROLL,
}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.DSL: frozenset(_OFFER_EDITING | _STAFF | _SAFEGUARDING_TEAM),
    Role.DEPUTY_DSL: frozenset({Permission.EDIT_OFFER} | _STAFF | _SAFEGUARDING_TEAM),
    Role.HEADTEACHER: frozenset(
        _OFFER_EDITING | _STAFF | {Permission.MANAGE_ROLL, Permission.MANAGE_STAFF_ACCOUNTS}
    ),
    Role.SENCO: frozenset(_STAFF),
    Role.GOVERNOR: frozenset({Permission.VIEW_STAFF_AREA}),
    Role.STAFF: frozenset(_STAFF),
    Role.ATTENDANCE_OFFICER: frozenset(_STAFF | {Permission.MANAGE_ATTENDANCE}),
    Role.OFFER_EDITOR: frozenset(_OFFER_EDITING | _STAFF),
    Role.LA_OFFICER: frozenset(
        {Permission.VIEW_STAFF_AREA, Permission.VIEW_LOCAL_AUTHORITY_OVERVIEW}
    ),
    Role.DIRECTORY_EDITOR: frozenset(
        {Permission.VIEW_STAFF_AREA, Permission.EDIT_COUNTY_DIRECTORY}
    ),
}


# The DSL, deputies and headteacher work on attendance beside the attendance officer.
for _role in (Role.DSL, Role.DEPUTY_DSL, Role.HEADTEACHER):
    ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS[_role] | {Permission.MANAGE_ATTENDANCE}

# Staff training (issue 15): the DSL, deputies and headteacher keep everyone's records.
for _role in (Role.DSL, Role.DEPUTY_DSL, Role.HEADTEACHER):
    ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS[_role] | {Permission.MANAGE_TRAINING}


# Issue 15: whoever logs concerns may open pupil voice for a class; the DSL, deputies and
# headteacher manage it and, with the governor, read the governors' report.
for _role in list(ROLE_PERMISSIONS):
    if Permission.LOG_CONCERN in ROLE_PERMISSIONS[_role]:
        ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS[_role] | {Permission.RUN_PUPIL_VOICE}
for _role in (Role.DSL, Role.DEPUTY_DSL, Role.HEADTEACHER):
    ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS[_role] | {Permission.MANAGE_PUPIL_VOICE}
for _role in (Role.GOVERNOR, Role.DSL, Role.DEPUTY_DSL, Role.HEADTEACHER):
    ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS[_role] | {Permission.VIEW_GOVERNORS_REPORT}


def permissions_for(role: str) -> frozenset[Permission]:
    return ROLE_PERMISSIONS.get(Role(role), frozenset())
