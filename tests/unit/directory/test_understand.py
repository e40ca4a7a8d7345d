"""Query understanding, part by part: text, stems, filler words, correction, lexicon, places."""

from collections import Counter

import pytest

from earlyhelp.directory.search.understand import Place, PlaceFinder, Understood, understand_with
from earlyhelp.directory.search.understand.lexicon import Entry, Lexicon, file_lexicon
from earlyhelp.directory.search.understand.places import (
    area_of,
    district_of,
    full_postcode,
    is_district,
)
from earlyhelp.directory.search.understand.text import is_content, stem, tokens
from earlyhelp.directory.search.understand.vocabulary import Vocabulary

DIRECTORY_WORDS = {
    "childline": 1,
    "bullying": 5,
    "bullied": 3,
    "women": 4,
    "aid": 2,
    "domestic": 6,
    "abuse": 9,
    "anxiety": 4,
    "bereavement": 3,
    "counselling": 5,
    "carers": 2,
    "young": 4,
}


def vocabulary(**extra_counts: int) -> Vocabulary:
    return Vocabulary(Counter({**DIRECTORY_WORDS, **extra_counts}), services=20)


LEXICON = Lexicon(
    (
        Entry("bullied", ("bullying",)),
        Entry("picked on", ("bullying",)),
        Entry("dad hits mum", ("domestic-abuse",)),
        Entry("anxious", ("mental-health",)),
        Entry("money worries", ("housing-money",)),
        Entry("worries", ("mental-health",)),
        Entry("social services", ("safeguarding-general",), ("front", "door")),
    ),
    {"u": "you", "im": "i am", "bf": "boyfriend"},
)


def read(text: str, find_place: PlaceFinder | None = None) -> Understood:
    return understand_with(text, lexicon=LEXICON, vocabulary=vocabulary(), find_place=find_place)


# --- text ---


def test_case_and_apostrophes_do_not_matter():
    assert tokens("Women’s AID") == tokens("womens aid") == ["womens", "aid"]
    assert tokens("Zoë's café") == ["zoes", "cafe"]
    assert tokens("self-harm") == ["self", "harm"]


def test_text_speak_is_written_out():
    assert tokens("im scared of my bf", {"im": "i am", "bf": "boyfriend"}) == [
        "i",
        "am",
        "scared",
        "of",
        "my",
        "boyfriend",
    ]


def test_the_english_snowball_stemmer_makes_forms_of_a_word_one():
    assert stem("bullied") == stem("bullying") == stem("bully")
    assert stem("carers") == stem("carer")
    assert stem("anxious") != stem("anxiety")  # different words: the lexicon joins them


def test_filler_and_stop_words_are_not_content():
    for word in ("i", "need", "help", "with", "my", "is", "being", "please", "someone"):
        assert not is_content(word), word
    for word in ("bullied", "anxious", "knife", "divorce"):
        assert is_content(word), word
    assert not is_content("zztopicbullying0")  # the index's own filter words are not typed
    assert not is_content("14")  # "my 14 year old": an age, not a word to search for


def test_a_sentence_keeps_only_the_words_that_say_what_the_help_is_for():
    understood = read("I need help with my child who is being bullied")
    assert understood.words == ("bullied",)


# --- correction ---


def test_a_misspelling_is_corrected_to_the_directorys_own_word():
    understood = read("bulying")
    assert understood.words == ("bullying",)
    assert understood.corrections == (("bulying", "bullying"),)
    assert understood.did_you_mean == "bullying"


def test_a_word_the_directory_or_the_lexicon_knows_is_never_corrected():
    assert read("bullied").corrections == ()  # the directory has it
    assert read("anxious").corrections == ()  # the lexicon has it
    assert read("carer").corrections == ()  # its stem is the directory's "carers"
    assert read("mum").corrections == ()  # a filler word


def test_short_and_far_off_words_are_left_alone():
    assert vocabulary().correct("aib") is None  # three letters: too many neighbours
    assert vocabulary().correct("trampoline") is None  # nothing near it


def test_the_most_used_of_equally_near_words_wins():
    words = Vocabulary(Counter({"carers": 1, "cards": 9}), services=10)
    assert words.correct("carrs") == "cards"  # one edit from each: the more used one


# --- joining and splitting ---


def test_two_words_the_directory_writes_as_one_are_joined():
    assert read("child line").words == ("childline",)


def test_one_unknown_word_the_directory_writes_as_two_is_split():
    assert read("domesticabuse").words == ("domestic", "abuse")


# --- lexicon ---


def test_an_everyday_phrase_means_a_topic():
    assert read("my son is being picked on").topics == ("bullying",)
    assert read("anxious").topics == ("mental-health",)


def test_a_phrase_matches_with_a_few_words_between_its_words():
    assert read("my dad hits my mum").topics == ("domestic-abuse",)
    assert read("dad keeps hitting my mum").topics == ("domestic-abuse",)
    assert read("dad said mum hits").topics == ()  # out of order


def test_the_longest_phrase_wins_over_the_words_inside_it():
    assert read("money worries").topics == ("housing-money",)  # not also "worries"
    assert read("worries").topics == ("mental-health",)


def test_a_lexicon_entry_can_add_words_to_the_search():
    understood = read("social services")
    assert understood.topics == ("safeguarding-general",)
    assert understood.extra_words == ("front", "door")


def test_the_shipped_lexicon_is_large_and_names_only_real_topics():
    lexicon = file_lexicon()  # raises on an unknown topic
    assert len(lexicon.entries) >= 500
    phrases = {entry.phrase: entry.topics for entry in lexicon.entries}
    assert "domestic-abuse" in phrases["dad hits mum"]
    assert "send" in phrases["autistic"]
    assert "exploitation" in phrases["knife"]
    assert "bereavement" in phrases["death of a parent"]


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("my dad hits my mum", "domestic-abuse"),
        ("anxious", "mental-health"),
        ("panic attacks", "mental-health"),
        ("autistic", "send"),
        ("asd", "send"),
        ("autism spectrum", "send"),
        ("nude photo", "online-safety"),
        ("sexting", "sexual-abuse"),
        ("knife", "exploitation"),
        ("county lines", "exploitation"),
        ("grooming", "exploitation"),
        ("food bank", "housing-money"),
        ("money worries", "housing-money"),
        ("divorce", "family-support"),
        ("separation", "relationships"),
        ("death of a parent", "bereavement"),
        ("wetting", "health"),
        ("refugee", "family-support"),
        ("translator", "family-support"),
        ("eating disorder", "safeguarding-general"),
        ("social services", "safeguarding-general"),
        ("u r so mean to me", "bullying"),
    ],
)
def test_the_shipped_lexicon_knows_the_words_of_the_issue(text, topic):
    lexicon = file_lexicon()
    understood = understand_with(text, lexicon=lexicon, vocabulary=vocabulary())
    assert topic in understood.topics


# --- places ---


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("counselling WR9 8AA", ("WR9", "8AA")),
        ("wr98aa", ("WR9", "8AA")),
        ("B98 7AA domestic violence", ("B98", "7AA")),
        ("SW1A 1AA", ("SW1A", "1AA")),
        ("no postcode here", None),
        ("year 9", None),
    ],
)
def test_full_postcodes_are_recognised_in_any_case_and_spacing(text, found):
    assert full_postcode(text) == found


def test_districts_and_areas_of_a_postcode():
    assert district_of("WR9 8AA") == "WR9"
    assert area_of("WR9") == "WR"
    assert area_of("B98") == "B"
    assert is_district("WR9") and is_district("dy10") and is_district("SW1A")
    assert not is_district("WRX") and not is_district("9WR")


def test_a_place_found_in_the_query_is_taken_out_of_its_words():
    def finder(text: str) -> tuple[Place | None, str]:
        return Place(label="WR9", district="WR9", area="WR"), text.replace("WR9", "")

    understood = read("counselling WR9", find_place=finder)
    assert understood.place is not None and understood.place.district == "WR9"
    assert understood.words == ("counselling",)


def test_two_swapped_letters_are_one_edit_and_a_different_word_is_not_a_typo():
    words = Vocabulary(Counter({"anxiety": 3, "member": 5}), services=10)
    assert words.correct("anxeity") == "anxiety"
    assert words.correct("number") is None  # two edits from "member", and only six letters
