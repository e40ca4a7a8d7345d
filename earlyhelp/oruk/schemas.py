"""The Open Referral UK 3.0 schemas, loaded from the copies in `schema/`, with validators.

Validation checks formats (uuid, email, uri, date-time). `taxonomy.json` refers to
`taxonomy_term.json` by a relative name: both are registered so nothing is fetched.

`errors` is what a harvest calls once for every record of a feed: a check compiled once per
schema into Python code (fastjsonschema) answers "valid?" some seven times faster than
`jsonschema` walks the schema, and only a record it refuses is walked again by `jsonschema`
for the messages that name the field. The compiled check asks `jsonschema`'s own format
checker about formats (ids: the plain UUID pattern), so it is never looser than `jsonschema`
(docs/adr/0015).
"""

import json
import re
from collections.abc import Callable
from functools import cache, partial
from pathlib import Path
from typing import Any

import fastjsonschema
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


# The formats the profile's schemas use, judged by jsonschema's checker in both validators
# ("datetime", a misspelling in one schema, is no format jsonschema knows: anything passes).
FORMATS = ("date", "date-time", "datetime", "email", "uri", "uuid")
PLAIN_UUID = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
)


@cache
def compiled(name: str) -> Callable[[Any], Any]:
    """The schema `name` compiled to a check that raises on the first problem it meets.

    Only for schemas without references (the compiled ones and the taxonomy term): the
    keywords they use (type, properties, required, items, enum, format) mean the same in
    draft 7, which fastjsonschema implements, as in 2020-12."""
    checker = FormatChecker()
    formats: dict[str, Any] = {f: partial(_conforms, checker, f) for f in FORMATS}
    # Most checks are of ids: a plain UUID's pattern, which jsonschema's check also accepts
    # (anything else goes on to the full walk, which decides).
    formats["uuid"] = PLAIN_UUID.fullmatch
    check: Callable[[Any], Any] = fastjsonschema.compile(load(name), formats=formats)
    return check


def _conforms(checker: FormatChecker, format_name: str, instance: Any) -> bool:
    return checker.conforms(instance, format_name)


def errors(name: str, instance: Any) -> list[ValidationError]:
    """Every way `instance` breaks the schema `name`, in document order."""
    if name != TAXONOMY and _passes(name, instance):
        return []
    found = validator(name).iter_errors(instance)
    return sorted(found, key=lambda e: [str(p) for p in e.absolute_path])


def _passes(name: str, instance: Any) -> bool:
    try:
        compiled(name)(instance)
    except fastjsonschema.JsonSchemaException:
        return False  # the full validator says why
    return True


def where(error: ValidationError) -> str:
    """`contacts[0].id` for an error's place in the document."""
    text = ""
    for part in error.absolute_path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text.lstrip(".") or "(the whole record)"
