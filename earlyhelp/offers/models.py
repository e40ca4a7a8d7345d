"""A school's Early Help Offer: the draft an editor works on, and every published version.

The draft is live rows: the Offer's texts, the school's key people
(`schools.KeyPerson`), the level headings in the school's words and the entries (which
directory services appear, under which level, in what order). Publishing freezes all of
that into an `OfferVersion` snapshot. The public page renders the latest snapshot; services
kept by the county or nationally are read live from the directory by the ids in the
snapshot, so that a correction made once reaches every school's Offer.
"""

from typing import Any

from django.db import models
from django.db.models import Q

from earlyhelp.directory.taxonomies import Level


class LevelChoices(models.IntegerChoices):
    UNIVERSAL = Level.UNIVERSAL, Level.UNIVERSAL.label
    ADDITIONAL = Level.ADDITIONAL, Level.ADDITIONAL.label
    TARGETED = Level.TARGETED, Level.TARGETED.label
    SPECIALIST = Level.SPECIALIST, Level.SPECIALIST.label


class Offer(models.Model):
    school = models.OneToOneField("schools.School", on_delete=models.CASCADE, related_name="offer")
    introduction = models.TextField(blank=True)
    raising_concerns = models.TextField(
        blank=True, help_text="How the school raises and handles concerns."
    )
    attendance = models.TextField(blank=True, help_text="How the school watches attendance.")
    review_due = models.DateField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_version = models.ForeignKey(
        "OfferVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"Early Help Offer: {self.school}"


class LevelHeading(models.Model):
    """How the school words a level of need for families ("Need a bit of help?")."""

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="level_headings")
    level = models.PositiveSmallIntegerField(choices=LevelChoices.choices)
    heading = models.CharField(max_length=120)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["level"]
        constraints = [
            models.UniqueConstraint(fields=["offer", "level"], name="level_heading_unique"),
        ]

    def __str__(self) -> str:
        return self.heading


class OfferEntry(models.Model):
    """A directory service shown in the Offer, under one level, in a chosen order."""

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="entries")
    service = models.ForeignKey(
        "directory.Service", on_delete=models.CASCADE, related_name="offer_entries"
    )
    level = models.PositiveSmallIntegerField(choices=LevelChoices.choices)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["level", "position", "id"]
        verbose_name_plural = "offer entries"
        constraints = [
            models.UniqueConstraint(fields=["offer", "service"], name="offer_entry_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.service} ({self.get_level_display()})"


class OfferVersion(models.Model):
    """A published Offer, frozen. Never changed after it is written."""

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    published_at = models.DateTimeField()
    published_by_id = models.CharField(max_length=64)
    published_by_name = models.CharField(max_length=200)
    review_due = models.DateField()
    content: Any = models.JSONField()

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["offer", "number"], name="offer_version_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="offer_version_from_one"),
        ]

    def __str__(self) -> str:
        return f"{self.offer.school} version {self.number}"


class RenderKind(models.TextChoices):
    PAGE = "page", "Web page"
    PDF = "pdf", "PDF"


class RenderStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RENDERING = "rendering", "Being made"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed"
    SUPERSEDED = "superseded", "Superseded"


class OfferRender(models.Model):
    """The public page or the PDF of a published version, rendered once and kept.

    `key` digests everything the document shows (the version, the live services' change
    stamps, the council's numbers, the review notice, the release): one row per kind and
    key, so however many ask, one render is made (offers.rendering, issue 17).
    """

    version = models.ForeignKey(OfferVersion, on_delete=models.CASCADE, related_name="renders")
    kind = models.CharField(max_length=10, choices=RenderKind.choices)
    key = models.CharField(max_length=64)
    status = models.CharField(max_length=12, choices=RenderStatus.choices)
    html = models.TextField(blank=True)  # the page (kind "page")
    script_hashes = models.JSONField(default=list)  # CSP sources of its inline scripts
    file_name = models.CharField(max_length=300, blank=True)  # in default storage (kind "pdf")
    size = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField()
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="offer_render_once_per_key"),
        ]

    def __str__(self) -> str:
        return f"{self.version} {self.kind} {self.status}"


class ServiceChangeNotice(models.Model):
    """A change to a county or national service an Offer shows, told to the school's editors.

    Written when the service changes (its name, phone, email, web address, or it is
    withdrawn), one per Offer that shows it; shown on the editor's overview until dismissed.
    """

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="service_notices")
    service = models.ForeignKey("directory.Service", on_delete=models.CASCADE, related_name="+")
    service_name = models.CharField(max_length=300)  # as it is named after the change
    changes: Any = models.JSONField(default=list)  # sentences: "Phone changed from … to …"
    changed_at = models.DateTimeField()
    changed_by_name = models.CharField(max_length=300, blank=True)
    dismissed_at = models.DateTimeField(null=True, blank=True)
    dismissed_by_name = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-changed_at", "-id"]
        indexes = [models.Index(fields=["offer", "dismissed_at"], name="notice_offer_open")]

    def __str__(self) -> str:
        return f"{self.service_name} changed ({self.offer})"
