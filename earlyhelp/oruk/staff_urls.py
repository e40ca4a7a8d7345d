"""Harvest status for county directory editors, under /staff/local-authority/<slug>/directory/."""

from django.urls import path

from earlyhelp.oruk import staff_views

app_name = "oruk_staff"
urlpatterns = [path("harvests/", staff_views.harvests, name="harvests")]
