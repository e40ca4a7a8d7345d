"""The synthetic directory's words cover every topic and its numbers are fictional but valid."""

import random

from earlyhelp.directory import taxonomies
from earlyhelp.directory.synthetic import phones, vocabulary
from earlyhelp.lib.phones import parse


def test_every_topic_has_names_sentences_and_a_weight():
    codes = {t.code for t in taxonomies.TOPICS}
    assert set(vocabulary.TOPICS) == codes
    assert set(vocabulary.TOPIC_WEIGHTS) == codes
    for names, sentences in vocabulary.TOPICS.values():
        assert names and len(sentences) >= 2


def test_phone_numbers_are_in_ofcom_drama_ranges_and_dial():
    rng = random.Random(1)
    for make in (phones.landline, phones.freephone, phones.uk_wide):
        for _ in range(200):
            number = make(rng)
            assert parse(number).number == number
