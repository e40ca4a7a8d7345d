"""The governors' report, under /staff/schools/<slug>/governors-report/."""

from django.urls import path

from earlyhelp.governance import views

app_name = "governance"
urlpatterns = [
    path("", views.report, name="report"),
    path("prepare/", views.prepare, name="prepare"),
    path("<int:report_id>.pdf", views.download, name="download"),
]
