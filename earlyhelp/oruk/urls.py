"""`/api/oruk/`: every path of the Open Referral UK 3.0 profile's OpenAPI document."""

from django.urls import path, re_path

from earlyhelp.oruk import views

app_name = "oruk"

urlpatterns = [
    path("", views.api_info, name="info"),
    path("openapi.json", views.openapi, name="openapi"),
    path("services", views.services, name="services"),
    path("services/<str:hsds_id>", views.service, name="service"),
    path("service_at_locations", views.service_at_locations, name="service-at-locations"),
    path(
        "service_at_locations/<str:hsds_id>",
        views.service_at_location,
        name="service-at-location",
    ),
    path("taxonomies", views.taxonomies, name="taxonomies"),
    path("taxonomies/<str:hsds_id>", views.taxonomy, name="taxonomy"),
    path("taxonomy_terms", views.taxonomy_terms, name="taxonomy-terms"),
    path("taxonomy_terms/<str:hsds_id>", views.taxonomy_term, name="taxonomy-term"),
    path("organizations", views.organizations, name="organizations"),
    path("organizations/<str:hsds_id>", views.organization, name="organization"),
    path("export.ndjson", views.export_ndjson, name="export"),
    re_path(r"^(?P<rest>.*)$", views.not_found, name="not-found"),
]
