"""The importer: a document in, an ImportResult out. Nothing is saved here.

`import_offer` runs the whole pipeline, conversion and extraction, in one worker process
(extract_worker) under one time limit, with CPU and memory limits and an empty environment;
the converted text is capped at readers.MAX_TEXT_CHARS before extraction starts.
"""

import sys
from datetime import date
from pathlib import Path
from typing import Any

from earlyhelp.imports.contacts.inventory import take_inventory
from earlyhelp.imports.extract.dates import stated_dates
from earlyhelp.imports.extract.people import extract_people
from earlyhelp.imports.extract.school import home_area, school_name
from earlyhelp.imports.extract.services import extract_services
from earlyhelp.imports.readers import (
    TIME_LIMIT_SECONDS,
    UnreadableDocument,
    check_file,
    run_worker,
)
from earlyhelp.imports.result import (
    Code,
    Contacts,
    Finding,
    ImportResult,
    Person,
    SchoolInfo,
    Service,
    Severity,
)
from earlyhelp.imports.rules.area import out_of_area_findings
from earlyhelp.imports.rules.consistency import inconsistent_phones, missing_required
from earlyhelp.imports.rules.contacts import contact_findings
from earlyhelp.imports.rules.dates import guidance_findings, review_findings
from earlyhelp.imports.rules.duplicates import duplicate_findings
from earlyhelp.imports.text.document import Document
from earlyhelp.imports.text.sections import find_sections


def import_offer(
    path: Path, *, today: date | None = None, time_limit: float = TIME_LIMIT_SECONDS
) -> ImportResult:
    """Read an Offer document and extract it in one worker process; raises
    UnreadableDocument for a bad file or one that takes longer than `time_limit` in all."""
    kind = check_file(path)
    command = extract_worker_command(kind, path, today or date.today())
    reply = run_worker(command, path.name, time_limit, doing="reading and extracting")
    if "error" in reply:
        raise UnreadableDocument(f"Cannot read {path.name}: {reply['error']}")
    try:
        return result_from_dict(reply["result"])
    except (ValueError, KeyError, TypeError) as error:
        raise UnreadableDocument(
            f"Cannot read {path.name}: the extraction stopped (the file may be too complex)."
        ) from error


def extract_worker_command(kind: str, path: Path, today: date) -> list[str]:
    """The command that converts and extracts one document (tests may replace it)."""
    worker = "earlyhelp.imports.extract_worker"
    return [sys.executable, "-m", worker, kind, str(path), today.isoformat()]


def result_from_dict(data: dict[str, Any]) -> ImportResult:
    """The ImportResult that `dataclasses.asdict` (extract_worker) turned into JSON."""
    reviewed = data["reviewed_on"]
    return ImportResult(
        school=SchoolInfo(**data["school"]),
        reviewed_on=date.fromisoformat(reviewed) if reviewed else None,
        people=[
            Person(**{**person, "contacts": Contacts(**person["contacts"])})
            for person in data["people"]
        ],
        services=[_service(service) for service in data["services"]],
        findings=[
            Finding(**{**item, "code": Code(item["code"]), "severity": Severity(item["severity"])})
            for item in data["findings"]
        ],
        staff_contacts=[_service(service) for service in data.get("staff_contacts", [])],
    )


def _service(data: dict[str, Any]) -> Service:
    return Service(**{**data, "contacts": Contacts(**data["contacts"])})


def extract(text: str, *, today: date | None = None) -> ImportResult:
    """Extract the contract's contents from an Offer's text."""
    today = today or date.today()
    doc = Document(text)
    sections = find_sections(text)
    inventory = take_inventory(doc)
    home = home_area(text, inventory)
    people = extract_people(doc, sections, inventory)
    services, staff_contacts = extract_services(doc, sections, inventory, people)
    last, next_due = stated_dates(text)
    findings: list[Finding] = [
        *review_findings(doc, last, next_due, today),
        *guidance_findings(doc),
        *contact_findings(doc, inventory),
        *inconsistent_phones(doc, inventory, people, services),
        *out_of_area_findings(doc, inventory, home),
        *duplicate_findings(doc, inventory),
        *missing_required(doc, inventory, people),
    ]
    return ImportResult(
        school=SchoolInfo(school_name(text), home.name if home else None),
        reviewed_on=last.when if last else None,
        people=people,
        services=services,
        findings=sorted(findings, key=lambda f: f.start),
        staff_contacts=staff_contacts,
    )
