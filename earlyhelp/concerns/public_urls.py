"""Public forms under /schools/<slug>/: a pupil's message and a parent's request for help."""

from django.urls import path

from earlyhelp.concerns.views import public

app_name = "concerns_public"
urlpatterns = [
    path("tell-us/", public.tell_us, name="tell-us"),
    path("tell-us/sent/", public.tell_us_sent, name="tell-us-sent"),
    path("ask-for-help/", public.ask_for_help, name="ask-for-help"),
    path("ask-for-help/sent/", public.ask_for_help_sent, name="ask-for-help-sent"),
]
