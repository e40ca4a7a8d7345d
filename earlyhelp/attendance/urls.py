from django.urls import path

from earlyhelp.attendance import views

app_name = "attendance"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("import/", views.import_register, name="import"),
    path("<int:pupil_id>/", views.pupil_attendance, name="pupil"),
    path("calls/<int:pupil_id>/", views.record_call_outcome, name="record_call"),
    path("missing/<int:pupil_id>/", views.notify, name="notify"),
]
