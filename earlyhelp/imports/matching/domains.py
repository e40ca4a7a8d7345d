"""Web addresses compared as organisations: the registrable domain, and what counts as shared."""

from urllib.parse import urlsplit

from earlyhelp.imports import data
from earlyhelp.imports.contacts.addresses import normalise

# Under these, as under the public suffixes, each organisation registers its own name
# (hacw.nhs.uk is one NHS trust), though they are not public suffixes themselves.
ORGANISATION_SUFFIXES = frozenset({"nhs.uk"})


def host_of(url: str) -> str:
    try:
        host = urlsplit(normalise(url.strip())).hostname or ""
    except ValueError:
        return ""
    return host.lower().rstrip(".")


def registrable_domain(url: str) -> str:
    """`https://www.hacw.nhs.uk/a-z` → `hacw.nhs.uk`; `www.gov.uk` → `gov.uk`; "" if none."""
    labels = [label for label in host_of(url).split(".") if label]
    if labels and labels[0].startswith("www"):
        labels = labels[1:]
    suffixes = data.public_suffixes() | ORGANISATION_SUFFIXES
    for size in (3, 2):
        if len(labels) >= size and ".".join(labels[-size:]) in suffixes:
            return ".".join(labels[-size - 1 :])
    return ".".join(labels[-2:])


def is_shared_host(domain: str) -> bool:
    """A domain many organisations publish on (the list in `data/shared_hosts.txt`)."""
    return domain in data.shared_hosts() or data.is_public_suffix(domain)


def url_key(url: str) -> str:
    """A web address as compared for sameness: no scheme, no `www.`, no case, no end slash."""
    try:
        parts = urlsplit(normalise(url.strip()))
    except ValueError:
        return url.strip().lower()
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = parts.path.rstrip("/").lower()
    return f"{host}{path}?{parts.query}" if parts.query else f"{host}{path}"


def has_path(url: str) -> bool:
    """Points below the home page (`facebook.com/somecharity`, not `facebook.com`)."""
    return "/" in url_key(url)
