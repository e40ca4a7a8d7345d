"""The Offer editor, under /staff/schools/<slug>/offer/."""

from django.urls import path

from earlyhelp.offers.views.staff import (
    chooser,
    entries,
    health,
    import_review,
    import_upload,
    level_services,
    notices,
    overview,
    people,
    provision,
    publishing,
    texts,
)

app_name = "offers_staff"
urlpatterns = [
    path("", overview.overview, name="overview"),
    path("texts/", texts.edit_texts, name="texts"),
    path("levels/<int:level>/", texts.edit_level, name="level"),
    path(
        "levels/<int:level>/services/",
        level_services.level_services,
        name="level-services",
    ),
    path("people/add/", people.add_person, name="person-add"),
    path("people/<int:person_id>/", people.change_person, name="person"),
    path("people/<int:person_id>/remove/", people.remove_person, name="person-remove"),
    path("people/<int:person_id>/move/", people.move_person, name="person-move"),
    path("provision/add/", provision.add_provision, name="provision-add"),
    path("provision/<int:provision_id>/", provision.change_provision, name="provision"),
    path(
        "provision/<int:provision_id>/delete/",
        provision.delete_provision,
        name="provision-delete",
    ),
    path("entries/<int:entry_id>/level/", entries.change_level, name="entry-level"),
    path("entries/<int:entry_id>/remove/", entries.remove, name="entry-remove"),
    path("entries/<int:entry_id>/move/", entries.move, name="entry-move"),
    path("services/", chooser.choose, name="choose"),
    path("services/<int:service_id>/add/", chooser.add, name="choose-add"),
    path("preview/", publishing.preview, name="preview"),
    path("publish/", publishing.publish, name="publish"),
    path("versions/", publishing.versions, name="versions"),
    path("versions/<int:number>/", publishing.version, name="version"),
    path("health/", health.health, name="health"),
    path("notices/<int:notice_id>/dismiss/", notices.dismiss, name="notice-dismiss"),
    path("import/", import_review.review, name="import-review"),
    path("import/upload/", import_upload.upload, name="import-upload"),
    path("import/upload/<int:upload_id>/", import_upload.progress, name="import-progress"),
]
