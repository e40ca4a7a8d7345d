from collections.abc import Iterator

import pytest

from tests.unit.links.local_site import Visits, local_site


@pytest.fixture
def site() -> Iterator[tuple[str, Visits]]:
    with local_site() as served:
        yield served
