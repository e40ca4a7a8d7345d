"""What an app process keeps of the Offer pages and PDFs it has served: the most recently
served, up to a number of bytes (earlyhelp/offers/served.py)."""

from earlyhelp.offers.served import Document, Memory


def document(size: int) -> Document:
    return Document(b"x" * size, (), None)


def test_the_least_recently_served_goes_first_when_the_memory_is_full():
    memory = Memory(limit=100)
    memory.put("page", "a", document(40))
    memory.put("page", "b", document(40))
    assert memory.get("page", "a") is not None  # a is now the more recent

    memory.put("pdf", "c", document(40))

    assert memory.get("page", "b") is None
    assert memory.get("page", "a") is not None and memory.get("pdf", "c") is not None
    assert memory.size == 80


def test_a_document_larger_than_the_memory_is_not_kept():
    memory = Memory(limit=100)
    memory.put("page", "a", document(40))

    memory.put("pdf", "huge", document(101))

    assert memory.get("pdf", "huge") is None
    assert memory.get("page", "a") is not None


def test_the_same_key_twice_is_counted_once():
    memory = Memory(limit=100)
    memory.put("page", "a", document(40))
    memory.put("page", "a", document(30))

    assert memory.size == 30


def test_a_page_is_kept_with_its_gzipped_body_counted_in_the_memory():
    import gzip

    from earlyhelp.offers.served import gzipped

    kept = gzipped(document(1000))

    assert gzip.decompress(kept.gzipped or b"") == kept.body
    assert kept.size == 1000 + len(kept.gzipped or b"")
    assert gzipped(document(1000)).gzipped == kept.gzipped  # the same bytes in any process
