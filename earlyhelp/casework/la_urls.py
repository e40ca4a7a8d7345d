"""The local authority officer's casework counts, under /staff/local-authority/<slug>/casework/."""

from django.urls import path

from earlyhelp.casework.views import local_authority

app_name = "casework_la"
urlpatterns = [path("", local_authority.overview, name="overview")]
