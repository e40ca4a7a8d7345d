"""Pupil voice's staff pages, under /staff/schools/<slug>/pupil-voice/."""

from django.urls import path

from earlyhelp.pupilvoice.views import staff

app_name = "pupilvoice"
urlpatterns = [
    path("", staff.home, name="home"),
    path("sessions/<int:session_id>/", staff.session, name="session"),
    path("sessions/<int:session_id>/close/", staff.close, name="close"),
    path("questions/", staff.questions, name="questions"),
    path("questions/<int:question_id>/", staff.question, name="question"),
    path("questions/<int:question_id>/retire/", staff.retire, name="retire"),
    path("results/", staff.results, name="results"),
]
