"""The demo, loaded once for this package's tests inside a transaction that is rolled back
after the last of them (loaded once per module instead, it cost about three minutes a pass).

Each test still runs in its own savepoint (the `db` fixture), so a test that writes cannot
change what the next one sees. Tests that need a database without the demo live elsewhere
(tests/integration/demo_guards/).
"""

from collections.abc import Iterator
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from earlyhelp.demo.spec import DemoData, read_demo_data


@pytest.fixture(scope="package")
def demo_output(django_db_setup: None, django_db_blocker) -> Iterator[str]:
    """What `earlyhelp load_demo` printed on an empty database."""
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        call_command("load_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_output: str, db: None) -> str:
    return demo_output


@pytest.fixture(scope="session")
def demo_data() -> DemoData:
    return read_demo_data()
