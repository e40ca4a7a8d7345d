"""The health check of a school's current Offer: its draft as stored, with the county and
national services it shows read live from the directory.

`check_offer` returns every finding, errors first. The codes and severities are the import
contract's (`/shared/import-contract.md`): an error where a family would be misdirected (a
number or address that does not work), a warning otherwise.
"""

from datetime import date

from earlyhelp.offers.health.contacts import contact_findings
from earlyhelp.offers.health.findings import Code, HealthFinding, Severity
from earlyhelp.offers.health.offer_checks import offer_findings
from earlyhelp.offers.health.sources import read_offer
from earlyhelp.offers.models import Offer

__all__ = ["Code", "HealthFinding", "Severity", "check_offer"]


def check_offer(offer: Offer, *, today: date) -> list[HealthFinding]:
    contents = read_offer(offer)
    found = [*contact_findings(contents), *offer_findings(contents, today)]
    return sorted(found, key=lambda finding: not finding.is_error)
