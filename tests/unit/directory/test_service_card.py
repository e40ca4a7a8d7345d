"""How a service's ages read on its card."""

import pytest

from earlyhelp.directory.presentation import ServiceCard


def card(minimum: str | None, maximum: str | None) -> ServiceCard:
    return ServiceCard(
        id=1,
        name="Kites",
        organization="Kites",
        scope="national",
        status="active",
        description="",
        url="",
        minimum_age=minimum,
        maximum_age=maximum,
    )


@pytest.mark.parametrize(
    ("minimum", "maximum", "shown"),
    [
        ("7", "17", "7 to 17"),
        ("18", None, "18 and over"),
        (None, "5", "Up to 5"),
        ("0", None, "Any age"),
        (None, None, ""),
    ],
)
def test_ages_in_plain_words(minimum: str | None, maximum: str | None, shown: str) -> None:
    assert card(minimum, maximum).ages == shown
