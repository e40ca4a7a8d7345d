"""The site's URLs: public pages first, then the staff area under /staff/."""

from django.urls import include, path
from django.views.generic import TemplateView

urlpatterns = [
    path("", include("earlyhelp.core.urls")),
    path("schools/", include("earlyhelp.offers.urls")),
    path("schools/<slug:school_slug>/", include("earlyhelp.concerns.public_urls")),
    path("directory/", include("earlyhelp.directory.urls")),
    path(
        "browse-safely/",
        TemplateView.as_view(template_name="browse_safely.html"),
        name="browse-safely",
    ),
    path("api/oruk/", include("earlyhelp.oruk.urls")),
    path("staff/", include("earlyhelp.accounts.urls")),
    path("staff/", include("earlyhelp.core.staff_urls")),
    path("staff/directory/", include("earlyhelp.directory.staff_urls")),
    path("staff/schools/<slug:school_slug>/offer/", include("earlyhelp.offers.staff_urls")),
    path("staff/schools/<slug:school_slug>/concerns/", include("earlyhelp.concerns.staff_urls")),
    path("staff/schools/<slug:school_slug>/pupils/", include("earlyhelp.pupils.urls")),
    path("staff/schools/<slug:school_slug>/attendance/", include("earlyhelp.attendance.urls")),
    path("staff/schools/<slug:school_slug>/training/", include("earlyhelp.training.urls")),
    path("staff/schools/<slug:school_slug>/children/", include("earlyhelp.casework.staff_urls")),
    path(
        "staff/schools/<slug:school_slug>/children/<int:pupil_id>/",
        include("earlyhelp.dataprotection.staff_urls"),
    ),
    path("staff/schools/<slug:school_slug>/", include("earlyhelp.casework.school_urls")),
    path("staff/local-authority/<slug:la_slug>/casework/", include("earlyhelp.casework.la_urls")),
    path("staff/local-authority/<slug:la_slug>/directory/", include("earlyhelp.oruk.staff_urls")),
    path(
        "staff/local-authority/<slug:la_slug>/attendance/",
        include("earlyhelp.attendance.la_urls"),
    ),
    path(
        "staff/local-authority/<slug:la_slug>/directory/", include("earlyhelp.offers.county_urls")
    ),
    path("staff/local-authority/<slug:la_slug>/", include("earlyhelp.core.la_urls")),
    path("staff/operations/", include("earlyhelp.jobs.urls")),  # background tasks (issue 17)
    path("pupil-voice/", include("earlyhelp.pupilvoice.public_urls")),  # issue 15
    path("staff/schools/<slug:school_slug>/pupil-voice/", include("earlyhelp.pupilvoice.urls")),
    path(
        "staff/schools/<slug:school_slug>/governors-report/",
        include("earlyhelp.governance.urls"),
    ),
]

handler404 = "earlyhelp.core.views.page_not_found"
handler403 = "earlyhelp.core.views.permission_denied"
handler500 = "earlyhelp.core.views.server_error"
handler400 = "earlyhelp.core.views.bad_request"
