"""Background tasks of the imports app (Django's Tasks framework; docs/adr/0012)."""

from django.tasks import task

from earlyhelp.offers.actions.importing.uploading import run_offer_upload


@task
def import_offer_upload(upload_id: int) -> None:
    """Import an Offer document uploaded in the editor (imports.OfferUpload)."""
    run_offer_upload(upload_id=upload_id)
