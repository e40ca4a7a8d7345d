from django.urls import path

from earlyhelp.offers.views import staff

app_name = "offers_staff"
urlpatterns = [
    path("", staff.overview, name="overview"),
]
