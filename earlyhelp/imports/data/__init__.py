"""Reference data kept as plain text files beside this module, loaded once."""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent
COMPASS = re.compile(r"^(north|south|east|west|north east|north west)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Area:
    name: str
    abbreviations: tuple[str, ...]
    fragments: tuple[str, ...]  # lower case, as in domain names
    places: tuple[str, ...]  # lower case; empty when area codes must not be judged

    @property
    def core(self) -> str:
        return re.sub(r"[^a-z]", "", COMPASS.sub("", self.name.split("(")[0]).lower())

    def related(self, other: "Area") -> bool:
        """The same area, or one council inside or around the other (Derby and Derbyshire)."""
        a, b = sorted((self.core, other.core), key=len)
        return self.name == other.name or (len(a) >= 4 and b.startswith(a))


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append([cell.strip() for cell in line.split("|")])
    return rows


def _items(cell: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in cell.split(",") if item.strip())


@cache
def areas() -> tuple[Area, ...]:
    found = []
    for name, abbreviations, fragments, places in _rows("local_authorities.txt"):
        found.append(
            Area(
                name=name,
                abbreviations=_items(abbreviations),
                fragments=tuple(item.lower() for item in _items(fragments)),
                places=() if places == "-" else tuple(p.lower() for p in _items(places)),
            )
        )
    return tuple(found)


@cache
def retired_domains() -> dict[str, str]:
    return {domain.lower(): reason for domain, reason in _rows("retired_domains.txt")}


@cache
def public_suffixes() -> frozenset[str]:
    return frozenset(row[0].lower() for row in _rows("public_suffixes.txt"))


def is_public_suffix(domain: str) -> bool:
    return domain.lower() in public_suffixes()


def retired_domain(host: str) -> tuple[str, str] | None:
    """(domain, reason) when `host` is on a retired domain."""
    host = host.lower()
    for domain, reason in retired_domains().items():
        if host == domain or host.endswith("." + domain):
            return domain, reason
    return None


@cache
def shared_hosts() -> frozenset[str]:
    """Web domains many organisations share (`shared_hosts.txt`)."""
    return frozenset(row[0].lower() for row in _rows("shared_hosts.txt"))
