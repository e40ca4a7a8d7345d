from django.urls import path

from earlyhelp.offers.views import public

app_name = "offers"
urlpatterns = [
    path("", public.school_list, name="school-list"),
    path("<slug:slug>/", public.offer, name="offer"),
    path("<slug:slug>/offer.pdf", public.offer_pdf, name="offer-pdf"),
]
