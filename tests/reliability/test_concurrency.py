"""Readers (the store, the HTTP API and pages, the CLI) while an ingest writes; two writers at once
(docs/reliability.md)."""

from __future__ import annotations

import json
import socket
import subprocess
import threading
import time
import urllib.request
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from storyline.evaluation.hostile import verify, write_corpus
from storyline.queries import LISTED_ARTICLES
from storyline.store import display_location, open_store

Start = Callable[..., subprocess.Popen[str]]


def test_concurrency_four_readers_and_a_writer(
    tmp_path: Path, store_location: str, scale, start_storyline: Start
) -> None:  # type: ignore[no-untyped-def]
    db = store_location
    with open_store(db):
        pass
    port = _free_port()
    server = start_storyline("serve", "--db", db, "--port", str(port))
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base + "/api/health", server)
        writing = threading.Event()
        writing.set()
        errors: list[str] = []
        reads: Counter[str] = Counter()
        readers = [
            threading.Thread(target=_guard(reader, errors), args=(writing, reads, errors), daemon=True)
            for reader in (_store_reader(db), _api_reader(base), _page_reader(base), _cli_reader(db, start_storyline))
        ]
        for thread in readers:
            thread.start()
        written = _write_until(time.monotonic() + scale.reader_seconds, tmp_path, db, start_storyline)
        writing.clear()
        for thread in readers:
            thread.join(timeout=300)
    finally:
        server.terminate()
        server.communicate(timeout=30)
    print(f"reads: {dict(reads)}; ingests: {written}")
    assert errors == []
    assert written >= 1 and all(reads[name] >= 3 for name in ("store", "api", "pages", "cli")), reads
    assert reads["commits seen"] >= 3, "the readers did not overlap with the writer's commits"
    with open_store(db) as store:
        assert store.check() == []


def test_concurrency_second_writer_is_told_the_store_is_busy(
    tmp_path: Path, store_location: str, start_storyline: Start
) -> None:
    corpus = write_corpus(tmp_path / "in", hostile=0, good=20, big_files=False, languages=("en",))
    db = store_location
    with open_store(db) as holder, holder.writing():  # another writer holds the store
        process = start_storyline("ingest", str(corpus.folder), "--db", db)
        _out, errors = process.communicate(timeout=300)
    assert process.returncode == 1
    assert errors.strip().splitlines()[-1] == (
        f"storyline: {display_location(db)}: store is busy: another ingest is writing to it"
        " (try again later, or pass --wait SECONDS)"
    )
    with open_store(db) as store:
        assert store.counts()["articles"] == 0 and store.check() == []


def test_concurrency_two_writers_that_wait_both_finish(
    tmp_path: Path, store_location: str, start_storyline: Start
) -> None:
    first = write_corpus(tmp_path / "a", hostile=0, good=60, seed=1, big_files=False, languages=("en", "ru"))
    second = write_corpus(tmp_path / "b", hostile=0, good=60, seed=2, big_files=False, languages=("en", "ru"))
    db = store_location
    processes = [
        start_storyline("ingest", str(corpus.folder), "--db", db, "--wait", "600") for corpus in (first, second)
    ]
    told = []
    for process in processes:
        _out, errors = process.communicate(timeout=900)
        told.append(errors)
        # Exit status 1 only for the corpus's malformed lines, each told on a line of its own.
        assert process.returncode in (0, 1), errors
        assert "Traceback" not in errors and "storyline:" not in errors, errors
    with open_store(db) as store:
        assert store.check() == []
        texts = [row["text"] for row in store.export_rows()]
    for corpus, errors in zip((first, second), told, strict=True):
        verdict = verify(corpus, texts, set())
        assert verdict.missing == [] and verdict.stored_more_than_once == [], errors


# ---- readers ----------------------------------------------------------------------------------

Reader = Callable[[threading.Event, Counter[str], list[str]], None]


def _store_reader(db: str) -> Reader:
    def read(writing: threading.Event, reads: Counter[str], errors: list[str]) -> None:
        seen = 0
        while writing.is_set():
            with open_store(db) as store:
                problems = store.check(integrity=False)
                articles = store.counts()["articles"]
            if problems:
                errors.append(f"store: {problems}")
            if articles < seen:
                errors.append(f"store: articles went from {seen} to {articles}")
            if articles > seen:
                reads["commits seen"] += 1
            seen = articles
            reads["store"] += 1

    return read


def _api_reader(base: str) -> Reader:
    def read(writing: threading.Event, reads: Counter[str], errors: list[str]) -> None:
        seen = 0
        while writing.is_set():
            page = _get_json(base + "/api/stories?per_page=100")
            for story in page["stories"]:
                # a list shows a story's latest LISTED_ARTICLES articles, and counts them all, in one snapshot
                if min(story["article_count"], LISTED_ARTICLES) != len(story["articles"]) or not story["articles"]:
                    errors.append(
                        f"api: story {story['id']} has {story['article_count']} articles listed as {len(story['articles'])}"
                    )
            health = _get_json(base + "/api/health")
            if health["articles"] < seen:
                errors.append(f"api: articles went from {seen} to {health['articles']}")
            seen = health["articles"]
            reads["api"] += 1

    return read


def _page_reader(base: str) -> Reader:
    def read(writing: threading.Event, reads: Counter[str], errors: list[str]) -> None:
        while writing.is_set():
            for path in ("/", "/entities", "/search?q=minister", "/storylines"):
                with urllib.request.urlopen(base + path, timeout=60) as response:
                    if response.status != 200:
                        errors.append(f"pages: {path} answered {response.status}")
            reads["pages"] += 1

    return read


def _cli_reader(db: str, start_storyline: Start) -> Reader:
    def read(writing: threading.Event, reads: Counter[str], errors: list[str]) -> None:
        while writing.is_set():
            process = start_storyline("stories", "--json", "--limit", "50", "--db", db)
            output, problem = process.communicate(timeout=300)
            if process.returncode != 0:
                errors.append(f"cli: exit {process.returncode}: {problem.strip()[-200:]}")
            else:
                json.loads(output)
            reads["cli"] += 1

    return read


def _guard(reader: Reader, errors: list[str]) -> Reader:
    def run(writing: threading.Event, reads: Counter[str], found: list[str]) -> None:
        try:
            reader(writing, reads, found)
        except Exception as error:  # noqa: BLE001 - any failure of a reader is a finding
            errors.append(f"{reader.__name__}: {type(error).__name__}: {error}")

    return run


# ---- helpers ----------------------------------------------------------------------------------


def _write_until(deadline: float, tmp_path: Path, db: str, start_storyline: Start) -> int:
    """Ingest fresh corpora, one after another, at least three (commits for the readers to see, however
    slow the machine) and until the deadline; returns how many ran."""
    runs = 0
    while runs < 3 or time.monotonic() < deadline:
        corpus = write_corpus(
            tmp_path / f"batch{runs}", hostile=5, good=60, seed=100 + runs, big_files=False, languages=("en", "ru")
        )
        process = start_storyline("ingest", str(corpus.folder), "--db", db)
        _out, errors = process.communicate(timeout=3600)
        assert process.returncode in (0, 1) and "stored" in errors.splitlines()[-1], errors
        runs += 1
    return runs


def _get_json(url: str) -> dict:  # type: ignore[type-arg]
    with urllib.request.urlopen(url, timeout=60) as response:
        return json.load(response)  # type: ignore[no-any-return]


def _wait_until_up(url: str, server: subprocess.Popen[str]) -> None:
    for _ in range(600):
        if server.poll() is not None:
            raise AssertionError(f"the server exited: {server.communicate()[1][-500:]}")
        try:
            urllib.request.urlopen(url, timeout=5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("the server did not start")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
