"""The local authority's attendance page, under /staff/local-authority/<slug>/attendance/."""

from django.urls import path

from earlyhelp.attendance import la_views

app_name = "attendance_la"
urlpatterns = [
    path("", la_views.overview, name="overview"),
    path("attendance.csv", la_views.overview_csv, name="csv"),
]
