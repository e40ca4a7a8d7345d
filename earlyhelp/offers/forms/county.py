"""The county directory editors' forms: a county service (the Offer editor's own provision
form, so the same rules: libphonenumber, no 999/112/101/111 as its own number, extensions
kept), a check of a service, and the filter of the service list."""

from typing import Any

from django import forms

from earlyhelp.directory.data import ServiceData
from earlyhelp.directory.models import CheckMethod, Service
from earlyhelp.directory.taxonomies import DEFAULT_LEVEL_HEADINGS
from earlyhelp.offers.forms.common import limit_message, required_message
from earlyhelp.offers.forms.provision import ProvisionForm
from earlyhelp.ui.forms import GovukForm

SHOW_CHOICES = [
    ("", "All services"),
    ("unverified", "Unverified: not checked recently"),
    ("withdrawn", "Withdrawn"),
]


class CountyServiceForm(ProvisionForm):
    """A county service as families read it in every Offer that shows it."""

    organization_name = forms.CharField(
        label="Organisation that runs it",
        max_length=300,
        help_text="For example, Worcestershire County Council or a charity’s name",
        error_messages={
            **required_message("Enter the organisation that runs it"),
            **limit_message("Organisation", 300),
        },
    )

    def __init__(self, *args: Any, service: Service | None = None, **kwargs: Any) -> None:
        super().__init__(*args, headings=dict(DEFAULT_LEVEL_HEADINGS), service=service, **kwargs)
        if service is not None and not self.is_bound:
            self.initial.setdefault("organization_name", service.organization.name)
        self.fields["name"].help_text = "For example, Young Carers Service, Family Hub"
        self.fields["levels"].help_text = "Schools choose which level to show it under."
        self.fields["topics"].help_text = "Tick all that apply."

    def county_service_data(self) -> ServiceData:
        return self.service_data(organization_name=self.cleaned_data["organization_name"].strip())


class CheckForm(GovukForm):
    method = forms.ChoiceField(
        label="How did you check it?",
        choices=CheckMethod.choices,
        widget=forms.RadioSelect,
        error_messages=required_message("Select how you checked the service"),
    )


class CountyFilterForm(GovukForm):
    q = forms.CharField(label="Name or organisation", required=False, max_length=100)
    show = forms.ChoiceField(label="Show", required=False, choices=SHOW_CHOICES)
