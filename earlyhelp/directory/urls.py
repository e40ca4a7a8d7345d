from django.conf import settings
from django.urls import path

from earlyhelp.directory import views
from earlyhelp.lib.ratelimit import limit_by_address

app_name = "directory"
search = limit_by_address(
    "directory-search", limit=lambda: settings.PUBLIC_SEARCH_RATE_LIMIT, window=60
)(views.search)
urlpatterns = [
    path("", search, name="search"),
    path("<int:service_id>/", views.service_detail_page, name="service"),
]
