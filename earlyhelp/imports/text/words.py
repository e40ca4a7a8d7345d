"""Small word lists the extractor needs to tell running prose from names and fragments."""


def word_set(text: str) -> frozenset[str]:
    """The words of a whitespace-separated list, as a set."""
    return frozenset(text.split())


STOPWORDS = word_set("""
    a about above after again all also an and any are as at be because been before being
    below between both but by can could did do does doing down during each either few for
    from further had has have having he her here hers him his how however i if in into is it
    its itself just may me might more most must my near no nor not now of off on once only or
    other our ours out over own per please same she should so some such than that the their
    them then there these they this those through to too under until up upon us very via was
    we were what when where which while who whom why will with within without would you your
    yours provides provide offers offer gives give contains includes include helps help
    website site page pages link links information info details more online here click find
    read visit see call phone email tel contact contacts number numbers available free
    support advice service services helpline line document documents pdf version
    """)
