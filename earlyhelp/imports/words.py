"""The import contract's finding codes in words a school's staff read (never the codes)."""

from earlyhelp.imports.result import Code

CODE_TITLES: dict[str, str] = {
    Code.PHONE_INVALID: "Phone number that does not work",
    Code.PHONE_COSTLY: "Phone number that costs more to call",
    Code.PHONE_INCONSISTENT: "Phone number that may have a typing error",
    Code.EMAIL_INVALID: "Email address that does not work",
    Code.URL_INVALID: "Web address that does not work",
    Code.LINK_LOCAL_FILE: "Link to a file on someone’s own computer",
    Code.LINK_PLACEHOLDER: "Link that goes nowhere",
    Code.DOMAIN_RETIRED: "Address on a website that has closed",
    Code.OUT_OF_AREA: "Support meant for another area",
    Code.DUPLICATE_SECTION: "Shown twice",
    Code.REVIEW_OVERDUE: "Review overdue",
    Code.GUIDANCE_OUTDATED: "Out-of-date guidance",
    Code.MISSING_REQUIRED: "Something families need is missing",
}


def finding_title(code: str) -> str:
    """What kind of problem a finding is, in words: "phone-inconsistent" → "Phone number that
    may have a typing error"."""
    return CODE_TITLES.get(code, "Problem")
