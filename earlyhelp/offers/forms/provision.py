"""The school's own provision, as an editor describes it, turned into `ServiceData`.

`ProvisionForm` keeps what the form does not show (further phones and opening times,
languages, areas, features) from the record being changed, so editing never loses data.
"""

from dataclasses import replace
from datetime import time
from decimal import Decimal
from typing import Any

from django import forms

from earlyhelp.directory import taxonomies
from earlyhelp.directory.data import PhoneData, ScheduleData, ServiceData
from earlyhelp.directory.models import Service
from earlyhelp.directory.opening import DAY_CODES, DAY_NAMES
from earlyhelp.lib import phones
from earlyhelp.lib.concurrency import VersionedFormMixin
from earlyhelp.offers.forms.common import (
    TEXT_LIMIT,
    level_choices,
    limit_message,
    required_message,
)
from earlyhelp.offers.forms.fields import AgeField, OwnPhoneField, TimeTextField
from earlyhelp.ui.forms import GovukEmailField, GovukForm, GovukURLField


def _checkboxes(label: str, terms: tuple[taxonomies.Term, ...], **kwargs: Any) -> Any:
    return forms.MultipleChoiceField(
        label=label,
        choices=[(t.code, t.name) for t in terms],
        widget=forms.CheckboxSelectMultiple,
        **kwargs,
    )


FREE_CHOICES = [("yes", "Yes, it is free"), ("no", "No, there is a charge"), ("", "Not stated")]


class ProvisionForm(VersionedFormMixin, GovukForm):
    """The school's own support, as families will read it in the Offer."""

    name = forms.CharField(
        label="Name of the support",
        max_length=300,
        help_text="For example, Listening and talking, Breakfast club, ELSA",
        error_messages={
            **required_message("Enter the name of the support"),
            **limit_message("Name", 300),
        },
    )
    description = forms.CharField(
        label="What it is (optional)",
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages=limit_message("The description", TEXT_LIMIT),
    )
    phone = OwnPhoneField(
        label="Phone number (optional)",
        required=False,
        help_text="With its extension if it has one, for example 01905 822666 ext 2",
    )
    phone_2 = OwnPhoneField(label="Another phone number (optional)", required=False)
    email = GovukEmailField(label="Email address (optional)", required=False, max_length=254)
    url = GovukURLField(label="Web address (optional)", required=False)
    minimum_age = AgeField(label="Youngest age (optional)", what="youngest age")
    maximum_age = AgeField(label="Oldest age (optional)", what="oldest age")
    topics = _checkboxes(
        "Topics",
        taxonomies.TOPICS,
        help_text="Tick all that apply. Your Offer lists it under the first of them in this list.",
        error_messages=required_message("Select at least one topic"),
    )
    levels = forms.TypedMultipleChoiceField(
        label="Level of need",
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text="Your Offer shows it under the first level you select; you can move it later.",
        error_messages=required_message("Select at least one level of need"),
    )
    referral_routes = _checkboxes(
        "Who can ask for it (optional)", taxonomies.REFERRAL_ROUTES, required=False
    )
    delivery = _checkboxes("How it is given (optional)", taxonomies.DELIVERY_MODES, required=False)
    days = forms.MultipleChoiceField(
        label="Days it is open (optional)",
        required=False,
        choices=list(zip(DAY_CODES, DAY_NAMES, strict=True)),
        widget=forms.CheckboxSelectMultiple,
    )
    opens_at = TimeTextField(label="Opening time", help_text="For example, 8:00 or 15:30")
    closes_at = TimeTextField(label="Closing time", help_text="For example, 8:45 or 16:00")
    opening_note = forms.CharField(
        label="About these times (optional)",
        required=False,
        max_length=200,
        help_text="For example, term time only",
        error_messages=limit_message("About these times", 200),
    )
    free = forms.ChoiceField(
        label="Is it free?", required=False, choices=FREE_CHOICES, widget=forms.RadioSelect
    )

    def __init__(
        self, *args: Any, headings: dict[int, str], service: Service | None = None, **kwargs: Any
    ) -> None:
        self.service = service
        if service is not None and "initial" not in kwargs:
            kwargs["initial"] = provision_initial(service)
        super().__init__(*args, **kwargs)
        field = self.fields["levels"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = level_choices(headings)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("minimum_age"), data.get("maximum_age")
        if low is not None and high is not None and low > high:
            self.add_error(
                "maximum_age", "The oldest age must be the same as or more than the youngest age"
            )
        self._clean_opening(data)
        return data

    def _clean_opening(self, data: dict[str, Any]) -> None:
        days, opens, closes = data.get("days"), data.get("opens_at"), data.get("closes_at")
        if "opens_at" in self.errors or "closes_at" in self.errors:
            return
        if days and opens is None:
            self.add_error("opens_at", "Enter the opening time")
        if days and closes is None:
            self.add_error("closes_at", "Enter the closing time")
        if not days and (opens is not None or closes is not None):
            self.add_error("days", "Select the days it is open")
        if opens is not None and closes is not None and closes <= opens:
            self.add_error("closes_at", "The closing time must be after the opening time")

    def first_level(self) -> int:
        levels: list[int] = self.cleaned_data["levels"]
        return min(levels)

    def service_data(self, *, organization_name: str) -> ServiceData:
        """What to store: the form's values over what the record already holds."""
        data = self.cleaned_data
        base = _kept_from(self.service) if self.service else ServiceData("", organization_name)
        free = {"yes": True, "no": False}.get(data["free"])
        return replace(
            base,
            name=data["name"].strip(),
            organization_name=organization_name,
            description=data["description"].strip(),
            url=data["url"],
            email=data["email"],
            minimum_age=data["minimum_age"],
            maximum_age=data["maximum_age"],
            free=free,
            phones=_phones(self.service, [data["phone"], data["phone_2"]]),
            topics=tuple(data["topics"]),
            levels=tuple(sorted(data["levels"])),
            referral_routes=tuple(data["referral_routes"]),
            delivery=tuple(data["delivery"]),
            schedules=self._schedules(),
        )

    def _schedules(self) -> tuple[ScheduleData, ...]:
        data = self.cleaned_data
        kept = (
            tuple(_schedule_data(s) for s in self.service.schedules.all()[1:])
            if self.service
            else ()
        )
        if not data["days"]:
            return kept
        days = ",".join(code for code in DAY_CODES if code in data["days"])
        first = ScheduleData(
            days, data["opens_at"], data["closes_at"], data["opening_note"].strip()
        )
        return (first, *kept)


def provision_initial(service: Service) -> dict[str, Any]:
    """The form's starting values for a stored service."""
    terms = _codes_by_taxonomy(service)
    shown = [
        phones.with_extension(phones.format_for_display(p.number), p.extension)
        for p in service.phones.all()[:2]
    ]
    schedule = service.schedules.first()
    cost = service.cost_options.first()
    free = "" if cost is None else ("yes" if cost.amount == 0 else "no")
    return {
        "name": service.name,
        "description": service.description,
        "phone": shown[0] if shown else "",
        "phone_2": shown[1] if len(shown) > 1 else "",
        "email": service.email,
        "url": service.url,
        "minimum_age": _plain(service.minimum_age),
        "maximum_age": _plain(service.maximum_age),
        "topics": terms.get(taxonomies.TOPIC, []),
        "levels": [int(c.removeprefix("level-")) for c in terms.get(taxonomies.LEVEL_OF_NEED, [])],
        "referral_routes": terms.get(taxonomies.REFERRAL_ROUTE, []),
        "delivery": terms.get(taxonomies.DELIVERY, []),
        "days": [d.strip()[-2:] for d in schedule.byday.split(",")] if schedule else [],
        "opens_at": _clock(schedule.opens_at) if schedule else "",
        "closes_at": _clock(schedule.closes_at) if schedule else "",
        "opening_note": schedule.description if schedule else "",
        "free": free,
    }


def _codes_by_taxonomy(service: Service) -> dict[str, list[str]]:
    codes: dict[str, list[str]] = {}
    for term in service.terms.select_related("taxonomy").order_by("position", "name"):
        codes.setdefault(term.taxonomy.name, []).append(term.code)
    return codes


def _kept_from(service: Service) -> ServiceData:
    """The parts of a stored service that the form does not show, to write back unchanged."""
    features = _codes_by_taxonomy(service).get(taxonomies.FEATURE, [])
    return ServiceData(
        name=service.name,
        organization_name=service.organization.name,
        status=service.status,
        application_process=service.application_process,
        eligibility_description=service.eligibility_description,
        fees_description=service.fees_description,
        emails=tuple(c.email for c in service.contacts.all() if c.email),
        additional_urls=tuple(u.url for u in service.additional_urls.all()),
        features=tuple(features),
        service_areas=tuple(a.name for a in service.service_areas.all()),
        languages=tuple(lang.name for lang in service.languages.all()),
    )


def _phones(
    service: Service | None, typed: list[phones.TypedPhone | None]
) -> tuple[PhoneData, ...]:
    """The typed numbers in place of the first two, keeping each one's type and note."""
    stored = list(service.phones.all()) if service else []
    result = []
    for index, number in enumerate(typed):
        if number is None:
            continue
        old = stored[index] if index < len(stored) else None
        same = old is not None and old.number == number.number
        kind, note = (old.type, old.description) if same and old else ("voice", "")
        result.append(PhoneData(number.number, kind, note, extension=number.extension))
    result += [PhoneData(p.number, p.type, p.description, p.extension) for p in stored[2:]]
    return tuple(result)


def _schedule_data(schedule: Any) -> ScheduleData:
    return ScheduleData(schedule.byday, schedule.opens_at, schedule.closes_at, schedule.description)


def _plain(value: Decimal | None) -> str:
    return "" if value is None else (f"{value:f}".rstrip("0").rstrip(".") or "0")


def _clock(value: time | None) -> str:
    return "" if value is None else f"{value:%H:%M}"
