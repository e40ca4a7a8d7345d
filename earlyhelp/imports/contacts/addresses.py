"""Web addresses on their own: normalise to the contract's form, check the host, spot file paths."""

import re
from urllib.parse import urlsplit, urlunsplit

from earlyhelp.imports.text.words import word_set

TLDS = (
    "uk|com|org|net|info|io|co|me|gov|edu|scot|wales|cymru|london|ie|eu|app|online|help|"
    "support|care|charity|ngo|tv|ly|us|au|ca|nz|de|fr"
)
BARE = re.compile(
    rf"^(?:[a-z0-9](?:[a-z0-9-]{{0,61}}[a-z0-9])?\.)+(?:{TLDS})(?::\d+)?(?:/\S*)?\Z", re.IGNORECASE
)
HOST_LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\Z")
LOCAL_FILE = re.compile(
    r"(?i)(?<![\w/])(?:[a-z]:[\\/](?!/)|file:/{2,3}|\\\\[\w.$-]+\\)[^\n\t<>\"|]{0,300}"
)
TRAILING = ".,;:!?'\"”’>]*"
LEADING = "(<[\"'“‘•·*"
STOP_SEGMENTS = word_set(
    "for and the to of or in on with from at by is are which see"
)  # a path that ends in one of these has run into the next word


def strip_token(token: str) -> tuple[int, str]:
    """(characters dropped from the front, token without surrounding punctuation)."""
    lead = len(token) - len(token.lstrip(LEADING))
    body = token[lead:]
    while body and (
        body[-1] in TRAILING or (body[-1] == ")" and body.count("(") < body.count(")"))
    ):
        body = body[:-1]
    return lead, body


def host_of(url: str) -> str:
    """The host name of an address as written, however damaged its scheme."""
    rest = re.sub(r"(?i)^[a-z]*:/*", "", url) if re.match(r"(?i)^[a-z]*:", url) else url
    host = re.split(r"[/?#]", rest, maxsplit=1)[0]
    return host.rsplit("@", 1)[-1].split(":")[0].lower()


def host_problem(host: str) -> str:
    """Why `host` cannot be a web host, or ""."""
    if not host or "." not in host.strip("."):
        return "has no complete host name (it stops before the domain ending)"
    if host.endswith(".") or ".." in host:
        return "has a host name that is cut short"
    labels = host.split(".")
    if any(not HOST_LABEL.match(label) for label in labels):
        return "has a malformed host name"
    if not labels[-1].isalpha() or len(labels[-1]) < 2:
        return f"ends in '.{labels[-1]}', which is not a domain ending"
    return ""


def normalise(url: str) -> str:
    """Scheme and host lower case, https:// when missing, no fragment, no trailing slash."""
    if not re.match(r"(?i)^https?://", url):
        url = "https://" + url
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    netloc = parts.netloc.lower()
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), netloc, path, parts.query, ""))


def is_bare_domain(token: str) -> bool:
    return bool(BARE.match(token)) and "@" not in token
