from django.urls import path

from earlyhelp.pupils import views

app_name = "pupils"
urlpatterns = [
    path("import/", views.import_roll_page, name="import"),
    path("import/<int:import_id>/", views.import_progress, name="import-progress"),
]
