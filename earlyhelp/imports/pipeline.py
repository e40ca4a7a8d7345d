"""The importer: a document in, an ImportResult out. Nothing is saved here."""

from datetime import date
from pathlib import Path

from earlyhelp.imports.contacts.inventory import take_inventory
from earlyhelp.imports.extract.dates import stated_dates
from earlyhelp.imports.extract.people import extract_people
from earlyhelp.imports.extract.school import home_area, school_name
from earlyhelp.imports.extract.services import extract_services
from earlyhelp.imports.readers import TIME_LIMIT_SECONDS, read_document
from earlyhelp.imports.result import Finding, ImportResult, SchoolInfo
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
    """Read an Offer document and extract it; raises UnreadableDocument for a bad file."""
    return extract(read_document(path, time_limit=time_limit), today=today)


def extract(text: str, *, today: date | None = None) -> ImportResult:
    """Extract the contract's contents from an Offer's text."""
    today = today or date.today()
    doc = Document(text)
    sections = find_sections(text)
    inventory = take_inventory(doc)
    home = home_area(text, inventory)
    people = extract_people(doc, sections, inventory)
    services = extract_services(doc, sections, inventory, people)
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
    )
