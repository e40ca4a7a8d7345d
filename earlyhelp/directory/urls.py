from django.urls import path

from earlyhelp.directory import views

app_name = "directory"
urlpatterns = [
    path("", views.search, name="search"),
    path("<int:service_id>/", views.service_detail_page, name="service"),
]
