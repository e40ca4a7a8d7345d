"""The pupils' questionnaire under /pupil-voice/: no sign-in, a class code."""

from django.urls import path

from earlyhelp.pupilvoice.views import public

app_name = "pupilvoice_public"
urlpatterns = [
    path("", public.start, name="start"),
    path("<str:code>/", public.questions, name="questions"),
    path("<str:code>/thanks/", public.thanks, name="thanks"),
]
