"""The public forms: a pupil's message and a parent's request. Nothing here reads records."""

from typing import Any

from django import forms

from earlyhelp.concerns.models import AboutWhom, MessageKind, SafeToContact
from earlyhelp.ui.forms import GovukForm


class HoneypotForm(GovukForm):
    """Public forms: a field people never see or fill; software that fills it is ignored."""

    website = forms.CharField(label="Leave this empty", required=False, max_length=200)

    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class PupilMessageForm(HoneypotForm):
    about_whom = forms.ChoiceField(
        label="Is this about you or a friend?",
        choices=AboutWhom.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select if this is about you or a friend"},
    )
    kind = forms.ChoiceField(
        label="What do you want to tell us?",
        choices=[
            (MessageKind.WORRIED_ABOUT_MYSELF, "I am worried about something"),
            (MessageKind.BULLYING, MessageKind.BULLYING.label),
            (MessageKind.TELL_A_TEACHER, MessageKind.TELL_A_TEACHER.label),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select what you want to tell us"},
    )
    message = forms.CharField(
        label="Tell us what is happening",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        error_messages={"required": "Tell us what is happening"},
    )
    name = forms.CharField(
        label="Your name and class (optional)",
        help_text="So a teacher can find you and talk to you. You can leave this empty.",
        required=False,
        max_length=200,
    )


class ParentRequestForm(HoneypotForm):
    message = forms.CharField(
        label="What would help your family?",
        help_text="Tell us a little about what is happening. A member of the school's "
        "safeguarding team will contact you.",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        error_messages={"required": "Tell us what would help your family"},
    )
    child = forms.CharField(
        label="Your child's name and class",
        max_length=200,
        error_messages={"required": "Enter your child's name and class"},
    )
    name = forms.CharField(
        label="Your name", max_length=200, error_messages={"required": "Enter your name"}
    )
    phone = forms.CharField(
        label="Phone number",
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label="Email address",
        required=False,
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com"
        },
    )
    safe_to_contact = forms.ChoiceField(
        label="Is it safe for us to phone or email you?",
        help_text="Tell us if someone else might see your messages or hear the call.",
        choices=SafeToContact.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select if it is safe for us to phone or email you"},
    )
    safe_times = forms.CharField(
        label="When is it safe?",
        help_text="Only if it is safe at some times. For example, weekdays after 6pm, "
        "or email only",
        required=False,
        max_length=500,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("phone") and not data.get("email") and not self.errors.get("email"):
            self.add_error("phone", "Enter a phone number or an email address")
        if data.get("safe_to_contact") == SafeToContact.SOME_TIMES and not data.get("safe_times"):
            self.add_error("safe_times", "Enter when it is safe to phone or email you")
        return data
