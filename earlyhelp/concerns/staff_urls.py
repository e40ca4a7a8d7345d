"""Concerns in the staff area, under /staff/schools/<slug>/concerns/."""

from django.urls import path

from earlyhelp.concerns.views import concern, lists, log

app_name = "concerns"
urlpatterns = [
    path("", lists.mine, name="mine"),
    path("new/", log.start, name="start"),
    path("new/urgent/", log.urgent, name="urgent"),
    path("new/pupils/", log.choose, name="choose"),
    path("new/details/", log.details, name="details"),
    path("inbox/", lists.inbox, name="inbox"),
    path("<int:concern_id>/", concern.detail, name="concern"),
    path("<int:concern_id>/logged/", log.logged, name="logged"),
    path("<int:concern_id>/triage/", concern.triage, name="triage"),
    path(
        "<int:concern_id>/attachments/<int:attachment_id>/",
        concern.attachment,
        name="attachment",
    ),
]
