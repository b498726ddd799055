"""Entities linked apart from the writer (`ingest --link-apart`, `storyline link`) equal the ones the
writer links itself; one linker at a time; what a linker leaves, the next one links."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from storyline.engines.linker import LinkerProcess
from storyline.grouping.linking import follow_links
from storyline.ingest.sources import read_sources
from storyline.pipeline import ingest
from storyline.settings import Settings
from storyline.stages.embed import make_embedder
from storyline.store import Store, open_store

SMALL_BATCHES = {"STORYLINE_BATCH_SIZE": "2"}  # the seeds in three batches: the linker runs beside the writer


def the_map(store: Store) -> dict[str, Any]:
    """Stories as stored, and the entities by what they are (their ids follow the order they were made in)."""
    return {
        "stories": store.story_rows(),
        "entities": sorted(
            (row["name"], row["kind"], row["articles"], row["stories"], str(row["variants"]))
            for row in store.entity_rows()
        ),
    }


def linked_by_the_writer(location: str, seeds: Path) -> dict[str, Any]:
    settings = Settings(db=location, batch_size=2).with_embedder("hashing")
    with open_store(location) as store:
        ingest(read_sources([str(seeds)]), store, settings, make_embedder("hashing"))
        return the_map(store)


def storyline(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "storyline", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **SMALL_BATCHES},
        timeout=300,
    )


def assert_linked_as(store_location: str, expected: dict[str, Any]) -> None:
    """Every stored article linked, the map the writer linking itself makes, and a clean check."""
    with open_store(store_location) as store:
        assert store.unlinked_count() == 0
        assert the_map(store) == expected
        assert store.check() == []


def test_linker_process_beside_the_writer_links_as_the_writer_would(
    store_location: str, tmp_path: Path, seeds_dir: Path
) -> None:
    expected = linked_by_the_writer(str(tmp_path / "one.db"), seeds_dir)
    done = storyline("ingest", str(seeds_dir), "--db", store_location, "--embedder", "hashing", "--link-apart")
    assert done.returncode == 0, done.stderr
    assert "entities linked apart: 5 articles" in done.stderr
    assert_linked_as(store_location, expected)


def test_link_command_links_what_a_writer_left_one_linker_at_a_time(
    store_location: str, tmp_path: Path, seeds_dir: Path
) -> None:
    expected = linked_by_the_writer(str(tmp_path / "one.db"), seeds_dir)
    settings = Settings(db=store_location, batch_size=2, link_apart=True).with_embedder("hashing")
    with open_store(store_location) as store:
        ingest(read_sources([str(seeds_dir)]), store, settings, make_embedder("hashing"))
        assert store.unlinked_count() == 5 and store.entity_rows() == []
    checked = storyline("check", "--db", store_location)
    assert checked.returncode == 0, checked.stdout
    assert "5 articles stored with entities not linked yet" in checked.stderr
    with open_store(store_location) as holder, holder.linking():
        busy = storyline("link", "--db", store_location)
    assert busy.returncode == 1
    assert busy.stderr.strip().endswith(
        "store is busy: another process is linking its entities (try again later, or pass --wait SECONDS)"
    )
    linked = storyline("link", "--db", store_location, "--json")
    assert linked.returncode == 0, linked.stderr
    assert '"articles": 5' in linked.stdout
    assert_linked_as(store_location, expected)


def test_writer_leaves_linking_to_the_linker_that_holds_it_and_links_the_backlog_later(
    store_location: str, tmp_path: Path, seeds_dir: Path
) -> None:
    """A plain ingest while `storyline link --follow` runs: the linker links what the writer stores. With
    no linker left, the next ingest's writer links what was waiting first, then its own articles."""
    expected = linked_by_the_writer(str(tmp_path / "one.db"), seeds_dir)
    settings = Settings(db=store_location, batch_size=2).with_embedder("hashing")
    files = sorted(str(path) for path in seeds_dir.iterdir())
    with open_store(store_location) as store:
        with open_store(store_location) as holder, holder.linking():
            ingest(read_sources(files[:3]), store, settings, make_embedder("hashing"))
            assert store.unlinked_count() == 3
        ingest(read_sources(files[3:]), store, settings, make_embedder("hashing"))
        assert store.unlinked_count() == 0
        assert the_map(store)["entities"] == expected["entities"]
        assert store.check() == []


def test_ingest_link_apart_leaves_the_linking_to_a_linker_already_running(store_location: str, seeds_dir: Path) -> None:
    with open_store(store_location) as holder, holder.linking():
        done = storyline("ingest", str(seeds_dir), "--db", store_location, "--embedder", "hashing", "--link-apart")
        assert done.returncode == 0, done.stderr
        assert "another process is linking its entities: that process links what this one stored" in done.stderr
        assert holder.unlinked_count() == 5


def test_linker_process_killed_loses_nothing(store_location: str, tmp_path: Path, seeds_dir: Path) -> None:
    """kill -9 of the linker at whatever point it has reached: the store stays whole, the ingest's writer
    is told in one line, and the next linker links what is left as the writer would have."""
    expected = linked_by_the_writer(str(tmp_path / "one.db"), seeds_dir)
    settings = Settings(db=store_location, batch_size=1, link_apart=True).with_embedder("hashing")
    with open_store(store_location) as store:
        ingest(read_sources([str(seeds_dir)]), store, settings, make_embedder("hashing"))
    linker = LinkerProcess(store_location, chunk=1)
    with linker:
        time.sleep(1.5)  # the process starts (about a second here) and links some of the five, one a chunk
        assert linker.pid is not None
        os.kill(linker.pid, signal.SIGKILL)
    assert linker.report is None and linker.problem is not None and "exit code -9" in linker.problem
    with open_store(store_location) as store:
        assert store.check() == []
        follow_links(store, lambda: True)
        assert store.unlinked_count() == 0
        assert the_map(store) == expected
        assert store.check() == []
