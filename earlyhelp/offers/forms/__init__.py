"""Forms of the Offer editor. They validate and word errors the GOV.UK way; views call actions."""

from earlyhelp.offers.forms.common import level_choices
from earlyhelp.offers.forms.editor import (
    ChooserFilterForm,
    EntryLevelForm,
    KeyPersonForm,
    LevelHeadingForm,
    MoveForm,
    OfferTextsForm,
    PublishForm,
)
from earlyhelp.offers.forms.fields import AgeField, TimeTextField
from earlyhelp.offers.forms.provision import ProvisionForm, provision_initial

__all__ = [
    "AgeField",
    "ChooserFilterForm",
    "EntryLevelForm",
    "KeyPersonForm",
    "LevelHeadingForm",
    "MoveForm",
    "OfferTextsForm",
    "ProvisionForm",
    "PublishForm",
    "TimeTextField",
    "level_choices",
    "provision_initial",
]
