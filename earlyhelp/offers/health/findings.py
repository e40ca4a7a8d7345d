"""What the health check reports: one problem in a stored Offer, where it is and how to fix it."""

from dataclasses import dataclass

from earlyhelp.imports.result import Code, Severity
from earlyhelp.imports.words import finding_title

__all__ = ["Code", "HealthFinding", "Severity"]


@dataclass(frozen=True)
class HealthFinding:
    code: Code  # the import contract's finding codes
    severity: Severity
    message: str  # what is wrong, in plain English
    where: str  # "Key people: Rachel Roberts", "Service: SANE", "Introduction"
    fix: str  # the suggested fix
    link: str = ""  # the editor page that fixes it, when the school can
    link_text: str = "Change"

    @property
    def title(self) -> str:
        """The kind of problem in words ("Phone number that may have a typing error")."""
        return finding_title(self.code)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def as_json(self) -> dict[str, str]:
        return {
            "code": str(self.code),
            "severity": str(self.severity),
            "message": self.message,
            "where": self.where,
            "fix": self.fix,
        }
