from django.urls import path

from earlyhelp.jobs import views

app_name = "jobs"
urlpatterns = [
    path("tasks/", views.tasks, name="tasks"),
]
