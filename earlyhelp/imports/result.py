"""What an import finds, as plain dataclasses; `to_contract` gives the import-contract JSON.

Later steps (matching against the directory, `--save`, the review screen, the health check)
work on these objects, so they carry a little more than the contract: where in the document
each thing was found (`start`, character offsets into the converted text).
"""

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Code(StrEnum):
    PHONE_INVALID = "phone-invalid"
    PHONE_COSTLY = "phone-costly"
    PHONE_INCONSISTENT = "phone-inconsistent"
    EMAIL_INVALID = "email-invalid"
    URL_INVALID = "url-invalid"
    LINK_LOCAL_FILE = "link-local-file"
    LINK_PLACEHOLDER = "link-placeholder"
    DOMAIN_RETIRED = "domain-retired"
    OUT_OF_AREA = "out-of-area"
    DUPLICATE_SECTION = "duplicate-section"
    REVIEW_OVERDUE = "review-overdue"
    GUIDANCE_OUTDATED = "guidance-outdated"
    MISSING_REQUIRED = "missing-required"


ROLES: tuple[str, ...] = (
    "dsl",
    "deputy_dsl",
    "headteacher",
    "deputy_headteacher",
    "safeguarding_governor",
    "chair_of_governors",
    "senco",
    "family_support_lead",
    "designated_teacher_lac",
    "attendance_officer",
    "pastoral_lead",
    "mental_health_lead",
    "other",
)


@dataclass
class Finding:
    code: Code
    severity: Severity
    message: str
    excerpt: str  # verbatim from the document, 5-60 characters
    start: int = -1  # offset of the excerpt in the document text

    def to_contract(self) -> dict[str, Any]:
        return {
            "code": str(self.code),
            "severity": str(self.severity),
            "message": self.message,
            "excerpt": self.excerpt,
        }


@dataclass
class Contacts:
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)

    def add(self, kind: str, value: str) -> None:
        values: list[str] = getattr(self, kind)
        if value not in values:
            values.append(value)


@dataclass
class Person:
    role: str
    name: str
    contacts: Contacts = field(default_factory=Contacts)
    start: int = -1

    def to_contract(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "name": self.name,
            "emails": list(self.contacts.emails),
            "phones": list(self.contacts.phones),
        }


@dataclass
class Service:
    name: str
    topics: list[str] = field(default_factory=list)
    contacts: Contacts = field(default_factory=Contacts)
    start: int = -1

    def to_contract(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "topics": list(self.topics),
            "phones": list(self.contacts.phones),
            "emails": list(self.contacts.emails),
            "urls": list(self.contacts.urls),
        }


@dataclass
class SchoolInfo:
    name: str | None = None
    local_authority: str | None = None


@dataclass
class ImportResult:
    school: SchoolInfo
    reviewed_on: date | None
    people: list[Person]
    services: list[Service]
    findings: list[Finding]
    # Contact details of the school's own people that no person could be named for ("ask
    # the office for the DSL on …"): not services, and not in the contract's JSON; a save
    # lists them on the review screen.
    staff_contacts: list[Service] = field(default_factory=list)

    def to_contract(self) -> dict[str, Any]:
        return {
            "school": {
                "name": self.school.name,
                "local_authority": self.school.local_authority,
            },
            "reviewed_on": self.reviewed_on.isoformat() if self.reviewed_on else None,
            "people": [person.to_contract() for person in self.people],
            "services": [service.to_contract() for service in self.services],
            "findings": [finding.to_contract() for finding in self.findings],
        }
