"""The lexicon actions validate their rows: a value too long is refused, nothing written."""

import pytest
from django.core.exceptions import ValidationError

from earlyhelp.accounts.models import User
from earlyhelp.audit.models import AuditEvent
from earlyhelp.directory.models import ConceptEntry, ConceptEntryChange
from earlyhelp.directory.search.concepts import add_concept_entry


def test_added_words_longer_than_their_field_are_refused(db):
    staff = User.objects.create_user(username="editor", first_name="Dana", last_name="Editor")
    with pytest.raises(ValidationError, match="at most 200 characters"):
        add_concept_entry(
            by=staff, phrase="worried sick", topics=["mental-health"], words="anxious " * 40
        )
    assert not ConceptEntry.objects.filter(phrase="worried sick").exists()
    assert not ConceptEntryChange.objects.exists()
    assert not AuditEvent.objects.filter(action="directory.concept_added").exists()
