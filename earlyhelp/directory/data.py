"""What an editor, an import or a feed says about a service, before it is stored.

Actions take these plain values so that forms, the demo loader, the importer and (later) an
Open Referral feed reader all write services the same way.
"""

from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal


@dataclass(frozen=True)
class PhoneData:
    number: str  # E.164 or short-code digits
    type: str = "voice"
    description: str = ""
    extension: str = ""  # digits only: "2" for "ext 2"


@dataclass(frozen=True)
class ScheduleData:
    byday: str  # "MO,TU,WE,TH,FR"
    opens_at: time
    closes_at: time
    description: str = ""


@dataclass(frozen=True)
class ServiceData:
    name: str
    organization_name: str
    description: str = ""
    url: str = ""
    email: str = ""
    status: str = "active"
    minimum_age: Decimal | None = None
    maximum_age: Decimal | None = None
    application_process: str = ""
    eligibility_description: str = ""
    fees_description: str = ""
    free: bool | None = None  # True: a £0 cost option; False: a paid one; None: not stated
    assured_date: date | None = None
    phones: tuple[PhoneData, ...] = ()
    emails: tuple[str, ...] = ()  # further addresses, as HSDS contacts
    additional_urls: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    levels: tuple[int, ...] = ()
    referral_routes: tuple[str, ...] = ()
    delivery: tuple[str, ...] = ()
    features: tuple[str, ...] = ()
    schedules: tuple[ScheduleData, ...] = ()
    service_areas: tuple[str, ...] = ()
    languages: tuple[str, ...] = field(default=("English",))
