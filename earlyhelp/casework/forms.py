"""Forms of early help, referrals, meetings and transfers. They validate; actions write."""

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from earlyhelp.casework.models import ConsentScope, NeedLevel, ReferralStatus, ReviewOutcome
from earlyhelp.lib.concurrency import VersionedFormMixin
from earlyhelp.lib.validators import PLANNED, RECENT_PAST
from earlyhelp.schools.models import School
from earlyhelp.ui.forms import GovukDateField, GovukEmailField, GovukForm

TEXT = 10_000
SCHOOL_LEVELS = [(v, label) for v, label in NeedLevel.choices if v != NeedLevel.SPECIALIST]


def text(
    label: str, required: str | None, *, help_text: str = "", rows: int = 5
) -> forms.CharField:
    """A long text field; `required` is the error when empty, or None for optional."""
    return forms.CharField(
        label=label if required else f"{label} (optional)",
        required=required is not None,
        max_length=TEXT,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={
            "required": required or "",
            "max_length": f"{label} must be {TEXT:,} characters or fewer",
        },
    )


def line(label: str, required: str | None, *, max_length: int = 200) -> forms.CharField:
    return forms.CharField(
        label=label if required else f"{label} (optional)",
        required=required is not None,
        max_length=max_length,
        error_messages={
            "required": required or "",
            "max_length": f"{label} must be {max_length} characters or fewer",
        },
    )


def level_field(label: str, choices: list[tuple[int, str]]) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the level of need"},
    )


def scale_field() -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label="Scale",
        help_text="0 means the worries are so serious the child cannot stay as they are; "
        "10 means there is no need for early help.",
        choices=[("", "Choose a number"), *((n, str(n)) for n in range(11))],
        coerce=int,
        error_messages={"required": "Choose a number on the scale from 0 to 10"},
    )


class PastDateField(GovukDateField):
    """A date something happened: today or within the last few years (RECENT_PAST)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("window", RECENT_PAST)
        super().__init__(**kwargs)

    def clean(self, value: Any) -> Any:
        day = super().clean(value)
        if isinstance(day, date) and day > timezone.localdate():
            raise ValidationError(f"The {str(self.label).lower()} must be today or in the past")
        return day


class OpenEpisodeForm(GovukForm):
    level = level_field("Level of need", SCHOOL_LEVELS)
    reason = text("Why does the child need early help?", "Enter why the child needs early help")
    lead_practitioner_name = line("Lead practitioner", None)


class ConsentForm(GovukForm):
    given_by_name = line("Name of the person giving consent", "Enter the name of the person")
    relationship = line(
        "Relationship to the child", "Enter their relationship to the child", max_length=100
    )
    scope = forms.ChoiceField(
        label="What do they consent to?",
        choices=ConsentScope.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what they consent to"},
    )
    share_with = text("Who may information be shared with?", None, rows=3)
    given_on = PastDateField(label="Date consent was given", help_text="For example, 2 11 2026")


class WithdrawConsentForm(GovukForm):
    withdrawn_on = PastDateField(
        label="Date consent was withdrawn", help_text="For example, 2 11 2026"
    )


class AssessmentForm(GovukForm):
    household = text("The child and their household", None)
    significant_adults = text("Significant adults", None, rows=3)
    professionals_involved = text("Professionals involved", None, rows=3)
    child_voice = text("What the child says and wants", None, rows=3)
    worried_about = text("What are we worried about?", "Enter what you are worried about")
    working_well = text("What is working well?", "Enter what is working well")
    needs_to_happen = text("What needs to happen?", "Enter what needs to happen")
    scale = scale_field()
    completed_on = PastDateField(label="Date completed", help_text="For example, 2 11 2026")


class PlanActionForm(GovukForm):
    need = text("Need", "Enter the need this action meets", rows=2)
    action = text("Action", "Enter the action", rows=2)
    who = line("Who will do it", "Enter who will do it")
    due_on = GovukDateField(label="By when", help_text="For example, 27 11 2026", window=PLANNED)


class CompleteActionForm(GovukForm):
    outcome = text("Outcome", "Enter the outcome", rows=3)
    done_on = PastDateField(label="Date done", help_text="For example, 27 11 2026")


class LeadForm(VersionedFormMixin, GovukForm):
    name = line("Lead practitioner", "Enter the lead practitioner’s name")


class ReviewForm(GovukForm):
    held_on = PastDateField(label="Date of the review", help_text="For example, 14 12 2026")
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=ReviewOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the outcome of the review"},
    )
    scale = scale_field()
    notes = text("Notes", None)


class AttendanceTargetForm(GovukForm):
    target = forms.DecimalField(
        label="Attendance target (per cent)",
        help_text="The share of sessions the plan aims for the child to attend, for example "
        "95. Leave blank to remove the target.",
        required=False,
        min_value=1,
        max_value=100,
        max_digits=4,
        decimal_places=1,
        error_messages={
            "invalid": "Enter the target as a number, like 95",
            "min_value": "The target must be between 1 and 100",
            "max_value": "The target must be between 1 and 100",
            "max_digits": "Enter the target as a number, like 95 or 92.5",
            "max_decimal_places": "Enter the target with at most one decimal place, like 92.5",
        },
        widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
    )


class LevelForm(GovukForm):
    level = level_field("New level of need", SCHOOL_LEVELS)
    reason = text("Reason", "Enter the reason for the change", rows=3)


class StepUpForm(GovukForm):
    summary = text(
        "Summary for the front door",
        "Enter a summary for the front door",
        help_text="What has happened, what the school has done, and why the child needs "
        "children’s social care now.",
        rows=8,
    )


class StepDownForm(GovukForm):
    level = level_field("Step down to", SCHOOL_LEVELS)
    reason = text("Reason", "Enter the reason for stepping down", rows=3)


class CloseForm(GovukForm):
    reason = text("Reason for closing", "Enter the reason for closing early help", rows=4)
    open_actions_reason = text(
        "Why close with plan actions still open?",
        None,
        help_text="Only needed if the plan has open actions.",
        rows=3,
    )


class ServiceSearchForm(GovukForm):
    q = forms.CharField(label="Search the directory", required=False, max_length=100)


class ReferralForm(GovukForm):
    summary = text("Summary for the service", "Enter a summary for the service", rows=6)
    sent_on = PastDateField(label="Date sent", help_text="For example, 2 11 2026")
    follow_up_on = GovukDateField(
        label="Follow up on",
        required=False,
        help_text="Leave empty for no follow-up date.",
        window=PLANNED,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        sent, follow = data.get("sent_on"), data.get("follow_up_on")
        if sent and follow and follow < sent:
            self.add_error("follow_up_on", "The follow-up date must be on or after the date sent")
        return data


class ReferralStatusForm(GovukForm):
    status = forms.ChoiceField(
        label="Status",
        choices=ReferralStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the referral’s status"},
    )
    note = text("Note", None, rows=3)
    follow_up_on = GovukDateField(label="New follow-up date", required=False, window=PLANNED)


class AttendeesForm(GovukForm):
    attendees = text("Who came", None, help_text="One name a line.", rows=3)


class DecisionForm(GovukForm):
    item = forms.CharField(widget=forms.HiddenInput)
    decision = text("Decision", "Enter the decision", rows=2)


class ItemDecisionForm(GovukForm):
    """One agenda item's part of the meeting's single form: blank means "not decided yet"."""

    decision = line("Decision", None)
    reason = text("Reason", None, rows=2)

    def __init__(self, *args: Any, name: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.name = name
        self.fields["decision"].label = f"Decision about {name} (optional)"
        self.fields["reason"].label = f"Reason for the decision about {name}"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        decision, reason = data.get("decision", ""), data.get("reason", "")
        if reason and not decision:
            self.add_error("decision", f"Enter the decision about {self.name}, or clear the reason")
        if decision and not reason:
            self.add_error("reason", f"Enter the reason for the decision about {self.name}")
        return data

    @property
    def typed(self) -> bool:
        return bool(self.is_valid() and self.cleaned_data["decision"])


class TransferForm(GovukForm):
    to_school = forms.ModelChoiceField(
        label="School on this service",
        queryset=School.objects.none(),
        required=False,
        empty_label="Not on this service",
    )
    receiving_school_name = line("Or the school’s name", None)
    receiving_school_email = GovukEmailField(
        label="The school’s DSL email address (optional)", required=False
    )

    def __init__(self, *args: Any, school: School, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["to_school"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = School.objects.exclude(pk=school.pk).order_by("name")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("to_school") and not data.get("receiving_school_name"):
            self.add_error(
                "to_school", "Choose the school the pupil is moving to, or enter its name"
            )
        return data
