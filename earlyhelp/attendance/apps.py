from django.apps import AppConfig


class AttendanceConfig(AppConfig):
    name = "earlyhelp.attendance"
    label = "attendance"
    verbose_name = "Attendance"
