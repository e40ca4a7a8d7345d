from django.urls import path

from earlyhelp.training import views

app_name = "training"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("record/", views.add_record, name="record"),
    path("documents/<int:document_id>/", views.document, name="document"),
    path("records/<int:record_id>/evidence/", views.evidence, name="evidence"),
    path("compliance/", views.compliance, name="compliance"),
    path("import/", views.import_file, name="import"),
    path("policies/", views.policies, name="policies"),
]
