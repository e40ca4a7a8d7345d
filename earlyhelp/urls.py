"""The site's URLs: public pages first, then the staff area under /staff/."""

from django.urls import include, path

urlpatterns = [
    path("", include("earlyhelp.core.urls")),
    path("schools/", include("earlyhelp.offers.urls")),
    path("directory/", include("earlyhelp.directory.urls")),
    path("staff/", include("earlyhelp.accounts.urls")),
    path("staff/", include("earlyhelp.core.staff_urls")),
    path("staff/schools/<slug:school_slug>/offer/", include("earlyhelp.offers.staff_urls")),
]

handler404 = "earlyhelp.core.views.page_not_found"
handler403 = "earlyhelp.core.views.permission_denied"
handler500 = "earlyhelp.core.views.server_error"
