from django.apps import AppConfig


class PupilVoiceConfig(AppConfig):
    name = "earlyhelp.pupilvoice"
    label = "pupilvoice"
    verbose_name = "Pupil voice"
