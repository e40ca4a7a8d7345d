"""The local authority's home, under /staff/local-authority/<slug>/."""

from django.urls import path

from earlyhelp.core import la_views

app_name = "la"
urlpatterns = [
    path("", la_views.home, name="home"),
    path("schools.csv", la_views.home_csv, name="home_csv"),
]
