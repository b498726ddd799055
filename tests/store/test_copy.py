"""A whole store copied between backends: every row and id, and the map goes on from the copy as
from the original."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from storyline.ingest.records import record_to_article
from storyline.ingest.sources import read_sources
from storyline.pipeline import ingest
from storyline.settings import Settings
from storyline.stages.embed import HashingEmbedder
from storyline.store import Store, open_store

LATER = [
    {
        "id": "later-1",
        "title": "Лавров и Рубио говориха отново",
        "text": "Сергей Лавров и Марко Рубио проведоха нов разговор за срещата в Будапеща, съобщиха от МВнР.",
        "published": "2025-10-23",
    }
]


def _map(store: Store) -> dict[str, Any]:
    return {
        "stories": store.story_rows(),
        "storylines": store.storyline_rows(),
        "entities": store.entity_rows(),
        "counts": store.counts(),
    }


def _ingest(location: str, items: list) -> None:  # type: ignore[type-arg]
    settings = Settings(db=location, embedder="hashing", languages=("bg", "ru", "uk", "en"))
    with open_store(location) as store:
        ingest(items, store, settings, HashingEmbedder())


def test_copy_sqlite_to_postgresql_and_back_keeps_everything(postgres, tmp_path: Path, seeds_dir: Path) -> None:  # type: ignore[no-untyped-def]
    original = str(tmp_path / "original.db")
    _ingest(original, list(read_sources([str(seeds_dir)])))
    server = postgres.new_database()
    copied = subprocess.run(
        [sys.executable, "-m", "storyline", "copy", original, server], capture_output=True, text=True, check=False
    )
    assert copied.returncode == 0, copied.stderr
    assert copied.stdout.startswith("copied 5 articles, ")
    back = str(tmp_path / "back.db")
    assert subprocess.run([sys.executable, "-m", "storyline", "copy", server, back], check=False).returncode == 0
    with open_store(original) as first, open_store(server) as second, open_store(back) as third:
        assert _map(first) == _map(second) == _map(third)
        assert second.check() == [] and third.check() == []
        assert [hit["id"] for hit in second.search("Будапешт")] == [hit["id"] for hit in first.search("Будапешт")]
    later = [record_to_article(record, None) for record in LATER]
    for location in (original, server, back):  # the map goes on the same way from each
        _ingest(location, later)
    with open_store(original) as first, open_store(server) as second, open_store(back) as third:
        assert _map(first) == _map(second) == _map(third)


def test_copy_refuses_a_store_that_is_not_empty(tmp_path: Path, seeds_dir: Path) -> None:
    first, second = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    for location in (first, second):
        _ingest(location, list(read_sources([str(seeds_dir)])))
    result = subprocess.run(
        [sys.executable, "-m", "storyline", "copy", first, second], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert result.stderr.strip() == f"storyline: {second}: not empty; copy into a new store"
