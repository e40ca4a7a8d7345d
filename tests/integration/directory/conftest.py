"""Services for directory tests, made through the same action the app uses.

`make_service("Kite Club", topics=("bullying",), ...)` creates a national service (or a
local one with `county=`); every field of ServiceData can be given.
"""

from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from earlyhelp.directory.actions import create_service
from earlyhelp.directory.data import ServiceData
from earlyhelp.directory.models import Scope, Service
from earlyhelp.schools.models import LocalAuthority

MakeService = Callable[..., Service]
LONDON = ZoneInfo("Europe/London")


def london(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A moment in England: london(2026, 12, 25, 10, 0)."""
    return datetime(year, month, day, hour, minute, tzinfo=LONDON)


@pytest.fixture
def make_service(db: None) -> MakeService:
    def make(name: str, *, county: LocalAuthority | None = None, **fields: Any) -> Service:
        fields.setdefault("organization_name", "Testshire Support Network")
        data = ServiceData(name=name, **fields)
        if county is not None:
            return create_service(
                by=None, data=data, scope=Scope.LOCAL, owner_local_authority=county
            )
        return create_service(by=None, data=data, scope=Scope.NATIONAL)

    return make
