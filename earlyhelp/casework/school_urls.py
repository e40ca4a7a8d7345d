"""The safeguarding team's school-wide casework pages, under /staff/schools/<slug>/:
the weekly meeting, the school's referrals and incoming child protection files."""

from django.urls import path

from earlyhelp.casework.views import meetings, referrals, settings, transfers

app_name = "casework"
urlpatterns = [
    path("meetings/", meetings.today, name="meetings"),
    path("meetings/<str:day>/", meetings.meeting, name="meeting"),
    path("meetings/<str:day>/minutes/", meetings.minutes, name="meeting_minutes"),
    path("referrals/", referrals.school_referrals, name="referrals"),
    path("transfers/incoming/", transfers.incoming, name="incoming"),
    path("transfers/incoming/<int:incoming_id>/", transfers.incoming_file, name="incoming-file"),
    path(
        "transfers/incoming/<int:incoming_id>/package.<str:kind>",
        transfers.incoming_download,
        name="incoming-download",
    ),
]

# The casework settings page: term dates and the review interval (the polish helper).
urlpatterns += [
    path("casework-settings/", settings.settings_page, name="settings"),
    path("casework-settings/terms/add/", settings.add_term, name="term-add"),
    path("casework-settings/terms/<int:term_id>/", settings.change_term, name="term-change"),
    path(
        "casework-settings/terms/<int:term_id>/remove/",
        settings.remove_term_page,
        name="term-remove",
    ),
]
