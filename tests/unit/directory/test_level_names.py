"""The four levels of need have one set of names, used by every list of levels."""

from earlyhelp.casework.models import NeedLevel
from earlyhelp.directory.taxonomies import LEVELS, Level
from earlyhelp.offers.models import LevelChoices

NAMES = [
    "Level 1: universal",
    "Level 2: additional needs",
    "Level 3: targeted",
    "Level 4: specialist",
]


def test_the_names_are_defined_once_and_used_by_casework_offers_and_the_directory():
    assert [level.label for level in Level] == NAMES
    assert [label for _, label in NeedLevel.choices] == NAMES
    assert [label for _, label in LevelChoices.choices] == NAMES
    assert [term.name for term in LEVELS] == NAMES
