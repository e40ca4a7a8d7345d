"""The review screen's form: one radios question per disagreement and per new service."""

from typing import Any

from django import forms

from earlyhelp.directory.models import Scope
from earlyhelp.imports.models import ImportedService, Outcome
from earlyhelp.lib import phones
from earlyhelp.offers.actions.importing.review import (
    DOCUMENT,
    KEEP,
    REJECT,
    UNLINK,
    ServiceChoice,
    may_take_document_values,
)
from earlyhelp.ui.forms import GovukForm

FIELD_NAMES = {
    "phone": "phone number",
    "email": "email address",
    "url": "web address",
    "name": "name",
}


def shown(field: str, items: list[str]) -> str:
    """Values as a person reads them: `+448457678000` → `0845 767 8000`."""
    if not items:
        return "nothing"
    if field == "phone":
        items = [phones.format_for_display(item) for item in items]
    return ", ".join(items)


def keeper(row: ImportedService) -> str:
    service = row.service
    if service is None or service.scope == Scope.SCHOOL:
        return "your school"
    if service.scope == Scope.LOCAL and service.owner_local_authority is not None:
        return service.owner_local_authority.name
    return "the national directory team"


class ReviewForm(GovukForm):
    def __init__(self, *args: Any, rows: list[ImportedService], school_id: int, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.rows = [row for row in rows if row.service is not None]
        for row in self.rows:
            if row.outcome == Outcome.CREATED:
                self.fields[created_name(row)] = _keep_or_reject(row)
            else:
                editable = may_take_document_values(row, school_id)
                for item in row.disagreements:
                    self.fields[disagreement_name(row, item["field"])] = _disagreement(
                        row, item, editable
                    )

    def choices(self) -> dict[int, ServiceChoice]:
        data = self.cleaned_data
        chosen: dict[int, ServiceChoice] = {}
        for row in self.rows:
            if row.outcome == Outcome.CREATED:
                chosen[row.pk] = {"service": data[created_name(row)]}
            else:
                chosen[row.pk] = {
                    item["field"]: data[disagreement_name(row, item["field"])]
                    for item in row.disagreements
                }
        return chosen


def radios() -> forms.RadioSelect:
    """GOV.UK radios (added after GovukForm has dressed its declared fields)."""
    return forms.RadioSelect(attrs={"class": "govuk-radios__input"})


def created_name(row: ImportedService) -> str:
    return f"service_{row.pk}"


def disagreement_name(row: ImportedService, field: str) -> str:
    return f"{field}_{row.pk}"


def _keep_or_reject(row: ImportedService) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=f"Keep {row.name} in your Offer?",
        choices=[
            (KEEP, "Yes, keep it as your school’s own entry"),
            (REJECT, "No, leave it out"),
        ],
        initial=KEEP,
        widget=radios(),
        error_messages={"required": f"Select whether to keep {row.name} in your Offer"},
    )


def _disagreement(row: ImportedService, item: dict[str, Any], editable: bool) -> forms.ChoiceField:
    field = item["field"]
    what = FIELD_NAMES[field]
    choices = [(KEEP, f"Keep the directory’s {what}: {shown(field, item['directory'])}")]
    if editable:
        choices.append((DOCUMENT, f"Use your document’s {what}: {shown(field, item['document'])}"))
    choices.append(
        (UNLINK, f"This is not the same service: add {row.name} as your school’s own entry")
    )
    return forms.ChoiceField(
        label=f"Which {what} is right for {row.name}?",
        choices=choices,
        widget=radios(),
        error_messages={
            "required": f"Select which {what} is right for {row.name}",
            "invalid_choice": f"Select which {what} is right for {row.name}",
        },
    )
