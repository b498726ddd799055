"""The server's read connections kept between requests: lent again, seeing every later commit, never
reading a store that was removed or replaced."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.ingest.records import record_to_article
from storyline.pipeline import ingest
from storyline.settings import Settings
from storyline.stages.embed import HashingEmbedder
from storyline.store import StoreError, open_store, remove_store
from storyline.web.readers import Readers


def _store_with(location: str, number: int) -> None:
    """A store of ``number`` short articles."""
    records = [
        {
            "id": f"a{n}",
            "title": f"Report {n}",
            "text": f"Report number {n} about the harbour of Varna.",
            "language": "en",
        }
        for n in range(number)
    ]
    with open_store(location) as store:
        ingest([record_to_article(r, None) for r in records], store, Settings(db=location), HashingEmbedder())


def _articles(readers: Readers) -> tuple[object, int]:
    store = readers.take()
    try:
        with store.snapshot():
            return store, store.counts()["articles"]
    finally:
        readers.give_back(store)


def test_a_reader_is_lent_again_and_sees_what_was_committed_since(tmp_path: Path) -> None:
    location = str(tmp_path / "store.db")
    _store_with(location, 1)
    readers = Readers(location, idle=2)
    first, count = _articles(readers)
    assert count == 1
    with open_store(location) as store:
        ingest(
            [record_to_article({"id": "late", "text": "A later report from Burgas.", "language": "en"}, None)],
            store,
            Settings(db=location),
            HashingEmbedder(),
        )
    again, count = _articles(readers)
    assert again is first and count == 2
    readers.close()


def test_a_removed_or_replaced_store_is_never_read_through_an_old_connection(tmp_path: Path) -> None:
    location = str(tmp_path / "store.db")
    _store_with(location, 3)
    readers = Readers(location)
    old, count = _articles(readers)
    assert count == 3
    remove_store(location)
    with pytest.raises(StoreError, match="no store here"):
        readers.take()
    _store_with(location, 1)
    new, count = _articles(readers)
    assert new is not old and count == 1
    readers.close()


def test_a_reader_left_in_a_transaction_is_closed_not_lent(tmp_path: Path) -> None:
    location = str(tmp_path / "store.db")
    _store_with(location, 1)
    readers = Readers(location)
    store = readers.take()
    store._db.execute("BEGIN")
    readers.give_back(store)
    assert readers.take() is not store


def test_at_most_the_idle_number_are_kept(tmp_path: Path) -> None:
    location = str(tmp_path / "store.db")
    _store_with(location, 1)
    readers = Readers(location, idle=1)
    both = [readers.take(), readers.take()]
    for store in both:
        readers.give_back(store)
    assert readers.take() is both[0] and readers.take() is not both[1]
