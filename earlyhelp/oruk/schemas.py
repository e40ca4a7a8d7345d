"""The Open Referral UK 3.0 schemas, loaded from the copies in `schema/`, with validators.

Validation checks formats (uuid, email, uri, date-time). `taxonomy.json` refers to
`taxonomy_term.json` by a relative name: both are registered so nothing is fetched.
"""

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMA_DIR = Path(__file__).parent / "schema"
OPENAPI = SCHEMA_DIR / "openapi.json"

SERVICE = "compiled/service.json"
SERVICE_LIST = "compiled/service_list.json"
SERVICE_AT_LOCATION = "compiled/service_at_location.json"
SERVICE_AT_LOCATION_LIST = "compiled/service_at_location_list.json"
ORGANIZATION = "compiled/organization.json"
ORGANIZATION_LIST = "compiled/organization_list.json"
TAXONOMY = "taxonomy.json"
TAXONOMY_TERM = "taxonomy_term.json"


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    return data


@cache
def _registry() -> Registry[Any]:
    resources = [
        (name, Resource.from_contents(load(name), default_specification=DRAFT202012))
        for name in (TAXONOMY, TAXONOMY_TERM)
    ]
    return Registry().with_resources(resources)


@cache
def validator(name: str) -> Draft202012Validator:
    schema = {**load(name), "$id": name}
    return Draft202012Validator(schema, registry=_registry(), format_checker=FormatChecker())


def errors(name: str, instance: Any) -> list[ValidationError]:
    """Every way `instance` breaks the schema `name`, in document order."""
    found = validator(name).iter_errors(instance)
    return sorted(found, key=lambda e: [str(p) for p in e.absolute_path])


def where(error: ValidationError) -> str:
    """`contacts[0].id` for an error's place in the document."""
    text = ""
    for part in error.absolute_path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text.lstrip(".") or "(the whole record)"
