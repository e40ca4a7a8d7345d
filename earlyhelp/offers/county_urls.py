"""The county directory editors' workspace, under /staff/local-authority/<slug>/directory/."""

from django.urls import path

from earlyhelp.offers.views import county

app_name = "county_directory"
urlpatterns = [
    path("", county.services, name="services"),
    path("services/add/", county.add_service, name="add"),
    path("services/<int:service_id>/", county.service, name="service"),
    path("services/<int:service_id>/change/", county.change_service, name="change"),
    path("services/<int:service_id>/check/", county.check, name="check"),
    path("services/<int:service_id>/withdraw/", county.withdraw, name="withdraw"),
    path("health/", county.health, name="health"),
]
