"""Pupil voice forms: the class code, a pupil's answers, and the staff's own forms."""

from typing import Any

from django import forms

from earlyhelp.concerns.public_forms import HoneypotForm
from earlyhelp.pupilvoice.models import Scale, VoiceQuestion
from earlyhelp.ui.forms import GovukForm

COMMENT_LENGTH = 1000


class CodeForm(GovukForm):
    code = forms.CharField(
        label="Class code",
        help_text="Your teacher will tell you. It has 6 letters and numbers.",
        max_length=12,
        error_messages={"required": "Enter the class code"},
        widget=forms.TextInput(
            attrs={
                "class": "govuk-input--width-10",
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
            }
        ),
    )

    def clean_code(self) -> str:
        code: str = self.cleaned_data["code"]
        return "".join(code.split()).upper()


class AnswersForm(HoneypotForm):
    """One radio group per question (`q<id>`, optional) and the optional comment."""

    comment = forms.CharField(
        label="Is there anything you want to tell us?",
        required=False,
        help_text="You do not have to write anything. A grown-up at school will read it.",
        max_length=COMMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "off"}),
        error_messages={"max_length": "Write less than 1000 letters"},
    )

    def __init__(self, *args: Any, questions: list[VoiceQuestion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[f"q{question.pk}"] = forms.TypedChoiceField(
                label=question.text,
                choices=Scale.choices,
                coerce=int,
                required=False,
                widget=forms.RadioSelect,
            )

    def answers(self) -> dict[int, int]:
        """Question id → the chosen answer, for the questions answered."""
        found = {}
        for question in self.questions:
            value = self.cleaned_data.get(f"q{question.pk}")
            if isinstance(value, int):
                found[question.pk] = value
        return found


class OpenSessionForm(GovukForm):
    class_name = forms.CharField(
        label="Class",
        help_text="For example, Year 2 Oak. Pupils see this name.",
        max_length=60,
        error_messages={"required": "Enter the class"},
    )


class QuestionForm(GovukForm):
    text = forms.CharField(
        label="Question",
        help_text="Short and simple, for a 5-year-old: “Do you feel safe at school?”",
        max_length=120,
        error_messages={
            "required": "Enter the question",
            "max_length": "The question must be 120 characters or fewer",
        },
    )
