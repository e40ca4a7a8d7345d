"""A child's record in the staff area, under /staff/schools/<slug>/children/.

The early help helper appends its routes below the child record's.
"""

from django.urls import path

from earlyhelp.casework.views import child, early_help, referrals, transfers

app_name = "children"
urlpatterns = [
    path("", child.children, name="list"),
    path("<int:pupil_id>/", child.overview, name="overview"),
    path("<int:pupil_id>/chronology/", child.chronology, name="chronology"),
    path("<int:pupil_id>/chronology.pdf", child.chronology_pdf, name="chronology-pdf"),
    path("<int:pupil_id>/who-has-looked/", child.who_looked, name="who-looked"),
]

# Early help, referrals and the child protection file transfer (the early help helper).
EARLY_HELP = "<int:pupil_id>/early-help/"
urlpatterns += [
    path(EARLY_HELP, early_help.episode_page, name="early-help"),
    path(f"{EARLY_HELP}open/", early_help.open_early_help, name="early-help-open"),
    path(f"{EARLY_HELP}consent/", early_help.add_consent, name="early-help-consent"),
    path(
        f"{EARLY_HELP}consent/<int:consent_id>/withdraw/",
        early_help.withdraw,
        name="early-help-withdraw",
    ),
    path(f"{EARLY_HELP}assessment/", early_help.assess, name="early-help-assessment"),
    path(f"{EARLY_HELP}plan/add/", early_help.add_action, name="early-help-action-add"),
    path(
        f"{EARLY_HELP}plan/<int:action_id>/done/",
        early_help.complete_action,
        name="early-help-action-done",
    ),
    path(f"{EARLY_HELP}lead/", early_help.lead, name="early-help-lead"),
    path(f"{EARLY_HELP}review/", early_help.review, name="early-help-review"),
    path(f"{EARLY_HELP}level/", early_help.change_level, name="early-help-level"),
    path(
        f"{EARLY_HELP}attendance-target/",
        early_help.attendance_target,
        name="early-help-attendance-target",
    ),
    path(f"{EARLY_HELP}step-up/", early_help.step_up, name="early-help-step-up"),
    path(f"{EARLY_HELP}step-down/", early_help.step_down, name="early-help-step-down"),
    path(f"{EARLY_HELP}close/", early_help.close, name="early-help-close"),
    path("<int:pupil_id>/referrals/", referrals.child_referrals, name="referrals"),
    path("<int:pupil_id>/referrals/new/", referrals.new_referral, name="referral-new"),
    path("<int:pupil_id>/referrals/new/<int:service_id>/", referrals.refer, name="referral-to"),
    path(
        "<int:pupil_id>/referrals/<int:referral_id>/",
        referrals.referral_status,
        name="referral-status",
    ),
    path("<int:pupil_id>/transfer/", transfers.transfer, name="transfer"),
    path(
        "<int:pupil_id>/transfer/<int:transfer_id>/package.<str:kind>",
        transfers.download,
        name="transfer-download",
    ),
]
