"""Concerns: what a member of staff saw or heard, a pupil's or parent's message, and the
safeguarding team's decision on each.

Narrative text (the account in the child's words, what was done, the reason for a decision,
a public message) is encrypted at rest; categories, parts, dates and statuses stay in clear
so the inbox can sort and count. A label belongs to one child: each linked pupil has their
own part (subject, alleged harmer, witness), and chronology entries are worded by that part.
"""

import secrets
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from earlyhelp.lib.encryption import EncryptedTextField


class Category(models.TextChoices):
    PHYSICAL_ABUSE = "physical_abuse", "Physical abuse"
    EMOTIONAL_ABUSE = "emotional_abuse", "Emotional abuse"
    SEXUAL_ABUSE = "sexual_abuse", "Sexual abuse"
    NEGLECT = "neglect", "Neglect"
    DOMESTIC_ABUSE = "domestic_abuse", "Domestic abuse at home"
    CHILD_ON_CHILD = "child_on_child", "Child-on-child abuse"
    BULLYING = "bullying", "Bullying, including online"
    MENTAL_HEALTH = "mental_health", "Mental health or self-harm"
    EXPLOITATION = "exploitation", "Exploitation or county lines"
    RADICALISATION = "radicalisation", "Radicalisation"
    FGM = "fgm", "Female genital mutilation (FGM)"
    MISSING_EDUCATION = "missing_education", "Missing from education or home"
    OTHER = "other", "Something else"


class Source(models.TextChoices):
    STAFF = "staff", "Member of staff"
    PUPIL_MESSAGE = "pupil_message", "Message from a pupil"
    PARENT_REQUEST = "parent_request", "Request from a parent or carer"


class Status(models.TextChoices):
    NEW = "new", "New"
    TRIAGED = "triaged", "Decided"


class MessageKind(models.TextChoices):
    """What a pupil or parent chose on a public form."""

    WORRIED_ABOUT_MYSELF = "worried_about_myself", "I am worried about myself"
    BULLYING = "bullying", "Bullying"
    TELL_A_TEACHER = "tell_a_teacher", "Something I want a teacher to know"
    FAMILY_SUPPORT = "family_support", "A family asks for support"


class AboutWhom(models.TextChoices):
    """On the pupil form: whether the message is about the pupil writing or a friend."""

    ME = "me", "About me"
    FRIEND = "friend", "About a friend"


class SafeToContact(models.TextChoices):
    """On the parent form: whether the school may phone or email, and when."""

    ANY_TIME = "any_time", "Yes, at any time"
    SOME_TIMES = "some_times", "Yes, but only at some times"
    NOT_SAFE = "not_safe", "No, do not phone or email me"


class Part(models.TextChoices):
    SUBJECT = "subject", "The concern is about this child"
    ALLEGED_HARMER = "alleged_harmer", "Alleged to have caused harm"
    WITNESS = "witness", "Witness"
    OTHER = "other", "Involved in another way"


class Outcome(models.TextChoices):
    NO_FURTHER_ACTION = "no_further_action", "No further action"
    MONITOR = "monitor", "Monitor"
    SCHOOL_EARLY_HELP = "school_early_help", "Early help in school"
    REFER_TO_SERVICE = "refer_to_service", "Refer to a service"
    STEP_UP = "step_up", "Step up to the front door"


class Concern(models.Model):
    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="+")
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    raised_at = models.DateTimeField()
    occurred_at = models.DateTimeField(null=True, blank=True)
    location = models.CharField("where", max_length=200, blank=True)
    account = EncryptedTextField("what was seen or said")
    categories = models.JSONField(default=list, blank=True)
    action_taken = EncryptedTextField(blank=True)
    told_dsl = models.BooleanField(default=False)
    told_dsl_who = models.CharField(max_length=200, blank=True)
    immediate_risk = models.BooleanField(default=False)
    # A disclosure of harm that no DSL has heard yet: the DSL is alerted (inbox, home count).
    tell_dsl_now = models.BooleanField(default=False)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.STAFF)
    message_kind = models.CharField(max_length=30, choices=MessageKind.choices, blank=True)
    # A public form's "how to reach me" (name, phone, email as typed): encrypted.
    contact = EncryptedTextField(blank=True)
    about_whom = models.CharField(max_length=10, choices=AboutWhom.choices, blank=True)
    safe_to_contact = models.CharField(max_length=20, choices=SafeToContact.choices, blank=True)
    # When it is safe to phone or email, as the parent typed it: encrypted.
    safe_times = EncryptedTextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)

    class Meta:
        ordering = ["-raised_at", "-pk"]
        indexes = [
            # As the lists sort (newest first, pk as tiebreak), so LIMIT reads only the page.
            models.Index(fields=["school", "status", "-raised_at", "-id"], name="concern_inbox"),
            models.Index(fields=["raised_by", "-raised_at", "-id"], name="concern_by_raiser"),
        ]
        constraints = [
            models.CheckConstraint(
                name="concern_message_kind_only_on_public_messages",
                condition=Q(source="staff", message_kind="")
                | (~Q(source="staff") & ~Q(message_kind="")),
            ),
        ]

    def __str__(self) -> str:
        return f"Concern {self.pk} at {self.school_id}"

    def clean(self) -> None:
        unknown = [c for c in self.categories if c not in Category.values]
        if not isinstance(self.categories, list) or unknown:
            raise ValidationError({"categories": "Choose categories from the list"})

    @property
    def category_labels(self) -> list[str]:
        return [Category(c).label for c in self.categories]

    @property
    def is_new(self) -> bool:
        return self.status == Status.NEW


class ConcernPupil(models.Model):
    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="links")
    pupil = models.ForeignKey("pupils.Pupil", on_delete=models.PROTECT, related_name="+")
    part = models.CharField(max_length=20, choices=Part.choices, default=Part.SUBJECT)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["concern", "pupil"], name="concern_pupil_once"),
        ]
        indexes = [models.Index(fields=["pupil", "concern"], name="concern_pupil_by_pupil")]

    def __str__(self) -> str:
        return f"{self.pupil_id} ({self.part}) in concern {self.concern_id}"


def attachment_path(instance: Any, filename: str) -> str:
    """A random name: nothing of the original name or the child reaches the disk."""
    suffix = PurePath(filename).suffix.lower()
    return f"concerns/{secrets.token_hex(16)}{suffix}"


class ConcernAttachment(models.Model):
    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=200)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name


class TriageDecision(models.Model):
    concern = models.OneToOneField(Concern, on_delete=models.CASCADE, related_name="decision")
    outcome = models.CharField(max_length=30, choices=Outcome.choices)
    reason = EncryptedTextField()
    service_name = models.CharField("service referred to", max_length=200, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField()

    class Meta:
        ordering = ["-decided_at"]
        constraints = [
            models.CheckConstraint(name="triage_reason_given", condition=~Q(reason="")),
        ]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} on concern {self.concern_id}"
