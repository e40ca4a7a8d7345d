from django.urls import path

from earlyhelp.attendance import letter_views, views

app_name = "attendance"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("import/", views.import_register, name="import"),
    path("<int:pupil_id>/", views.pupil_attendance, name="pupil"),
    path("calls/<int:pupil_id>/", views.record_call_outcome, name="record_call"),
    path("missing/<int:pupil_id>/", views.notify, name="notify"),
    path("letters/", letter_views.letters, name="letters"),
    path("letters/<int:letter_id>/", letter_views.letter_pdf, name="letter_pdf"),
]
