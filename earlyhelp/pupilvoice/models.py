"""Pupil voice: the school's "do you feel happy and safe?" questionnaire, answered anonymously.

A teacher opens a `VoiceSession` for a class (its short code is typed on a shared tablet);
each pupil's answers are one `VoiceResponse` (no name, no pupil, nothing that identifies
the tablet) with one `VoiceAnswer` per question on the 3-point `Scale`. The questions are
the school's own data (`VoiceQuestion`), edited by the DSL; a retired question keeps its
answers for the results over time.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from earlyhelp.lib.encryption import EncryptedTextField

USER = settings.AUTH_USER_MODEL


class Scale(models.IntegerChoices):
    """The answer scale: words always shown, the emoji beside them for those who cannot read yet."""

    NO = 1, "No"
    SOMETIMES = 2, "Sometimes"
    YES = 3, "Yes"


EMOJI = {Scale.YES: "😊", Scale.SOMETIMES: "😐", Scale.NO: "🙁"}


class VoiceQuestion(models.Model):
    school = models.ForeignKey(
        "schools.School", on_delete=models.CASCADE, related_name="voice_questions"
    )
    text = models.CharField(max_length=120)
    position = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["school", "position", "pk"]
        constraints = [
            models.CheckConstraint(name="voice_question_has_text", condition=~Q(text="")),
        ]

    def __str__(self) -> str:
        return self.text


class VoiceSession(models.Model):
    school = models.ForeignKey(
        "schools.School", on_delete=models.CASCADE, related_name="voice_sessions"
    )
    class_name = models.CharField(max_length=60)
    term = models.CharField(max_length=30, help_text="For example, Autumn 2026.")
    code = models.CharField(max_length=8, unique=True)
    opened_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_at = models.DateTimeField()
    closes_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-opened_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="voice_session_closes_after_opening", condition=Q(closes_at__gt=F("opened_at"))
            ),
            models.CheckConstraint(name="voice_session_has_code", condition=~Q(code="")),
        ]

    def __str__(self) -> str:
        return f"{self.class_name}, {self.term}"


class VoiceResponse(models.Model):
    """One pupil's answers: anonymous (no pupil, no device, no address)."""

    session = models.ForeignKey(VoiceSession, on_delete=models.CASCADE, related_name="responses")
    submitted_at = models.DateTimeField()
    comment = EncryptedTextField(blank=True)
    sent_to_dsl = models.BooleanField(default=False)

    class Meta:
        ordering = ["submitted_at", "pk"]

    def __str__(self) -> str:
        return f"Answers {self.pk}"


class VoiceAnswer(models.Model):
    response = models.ForeignKey(VoiceResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(VoiceQuestion, on_delete=models.PROTECT, related_name="answers")
    value = models.PositiveSmallIntegerField(choices=Scale.choices)

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="voice_answer_on_the_scale", condition=Q(value__gte=1, value__lte=3)
            ),
            models.UniqueConstraint(
                fields=["response", "question"], name="voice_answer_once_per_question"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.value}"
