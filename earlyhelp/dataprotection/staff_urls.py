"""Under /staff/schools/<slug>/children/<id>/subject-access."""

from django.urls import path

from earlyhelp.dataprotection import views

app_name = "dataprotection"
urlpatterns = [
    path("subject-access.<str:kind>", views.download, name="subject-access"),
]
