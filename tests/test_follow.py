"""Following feeds end to end, against a server the test starts on 127.0.0.1: rounds, conditional
GET, a failing feed among good ones, pages read (or the feed's text where they cannot be), every item
stored once, and a round cut short taken up by the next."""

from __future__ import annotations

from pathlib import Path

import pytest

from feed_server import FeedServer, Route, atom, feed_server, page, rss
from storyline.follow import RoundReport, follow_round
from storyline.ingest.feed_list import feed_urls
from storyline.ingest.fetch import FetchSettings, PoliteFetcher
from storyline.pipeline import Ingestor
from storyline.settings import Settings
from storyline.stages.embed import make_embedder
from storyline.store import open_store

PARAGRAPHS = {
    "en": [
        "Foreign ministers met in Vienna on Monday to discuss the ceasefire proposal for the region in detail.",
        "The talks lasted six hours and ended without an agreement, officials from both delegations said.",
        "A second round is planned for next week, the host government announced in a statement.",
    ],
    "de": [
        "Die Außenminister trafen sich am Montag in Wien, um über den Vorschlag für eine Waffenruhe zu sprechen.",
        "Die Gespräche dauerten sechs Stunden und endeten ohne Einigung, teilten beide Delegationen mit.",
        "Eine zweite Runde ist für die kommende Woche geplant, erklärte die Regierung des Gastlandes.",
    ],
}


def _serve(server: FeedServer, name: str, language: str, numbers: list[int], kind: str = "rss") -> str:
    items = [
        (f"{name}-{n}", f"{server.base}/{name}/{n}.html", f"{name} story {n}", f"Summary of {name} {n}.")
        for n in numbers
    ]
    for n in numbers:
        paragraphs = [f"{text} ({name} {n})" for text in PARAGRAPHS[language]]
        server.routes[f"/{name}/{n}.html"] = Route(page(f"{name} story {n}", paragraphs))
    feed = rss(name, items) if kind == "rss" else atom(name, items)
    server.routes[f"/{name}.{kind}"] = Route(feed, etag='"' + "-".join([name, *map(str, numbers)]) + '"')
    return f"{server.base}/{name}.{kind}"


def _round(number: int, urls: list[str], store: object, ingestor: Ingestor, fetcher: PoliteFetcher) -> RoundReport:
    return follow_round(number, urls, store, ingestor, fetcher)  # type: ignore[arg-type]


def _articles(store: object) -> list[tuple[str, str]]:
    return [(row[0], row[1]) for row in store._db.execute("SELECT url, headline FROM articles ORDER BY url")]  # type: ignore[attr-defined]


def test_follow_rounds_store_every_new_item_once(settings: Settings, tmp_path: Path) -> None:
    with feed_server() as server:
        wire = _serve(server, "wire", "en", [1, 2])
        daily = _serve(server, "daily", "de", [1], kind="atom")
        server.routes["/broken.rss"] = Route(b"<rss><channel><item><title>cut off")
        server.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /daily/\n")
        opml = tmp_path / "feeds.opml"
        opml.write_text(
            f'<opml version="2.0"><body><outline text="wire" xmlUrl="{wire}"/>'
            f'<outline text="broken" xmlUrl="{server.base}/broken.rss"/></body></opml>'
        )
        urls, rejected = feed_urls([str(opml), daily])
        assert urls == [wire, f"{server.base}/broken.rss", daily] and not rejected
        fetcher = PoliteFetcher(FetchSettings(host_delay_seconds=0.0))
        with (
            open_store(settings.db) as store,
            Ingestor(store, settings, make_embedder("hashing"), keep_open=True) as ingestor,
        ):
            first = _round(1, urls, store, ingestor, fetcher)
            assert (first.new_items, first.stored, first.failed, first.pages) == (3, 3, 1, 2)
            assert any("broken.rss" in problem for problem in first.problems)
            stored = _articles(store)
            assert len(stored) == 3 and ("wire story 1" in {title for _url, title in stored})
            # robots.txt forbids the daily's pages: its item is the feed's own text, with its link
            assert (f"{server.base}/daily/1.html", "daily story 1") in stored

            second = _round(2, urls, store, ingestor, fetcher)
            assert (second.not_modified, second.new_items, second.stored, second.failed) == (2, 0, 0, 1)

            _serve(server, "wire", "en", [2, 3])  # item 1 vanished, item 3 is new
            third = _round(3, urls, store, ingestor, fetcher)
            assert (third.new_items, third.stored) == (1, 1)
            assert len(_articles(store)) == 4
            wire_state = store.feed(wire)
            assert wire_state is not None and wire_state["items_seen"] == 3 and wire_state["etag"] == '"wire-2-3"'
            broken = store.feed(f"{server.base}/broken.rss")
            assert broken is not None and broken["failures"] == 3 and "unreadable" in broken["last_error"]
        assert server.hits["/wire/1.html"] == 1  # each page fetched once


def test_follow_a_host_that_asks_to_wait_is_not_asked_again_until_then(settings: Settings) -> None:
    with feed_server() as server:
        server.routes["/busy.rss"] = Route(status=503, headers={"Retry-After": "3600"})
        url = f"{server.base}/busy.rss"
        fetcher = PoliteFetcher(FetchSettings(host_delay_seconds=0.0))
        with (
            open_store(settings.db) as store,
            Ingestor(store, settings, make_embedder("hashing"), keep_open=True) as ingestor,
        ):
            assert _round(1, [url], store, ingestor, fetcher).failed == 1
            assert _round(2, [url], store, ingestor, fetcher).waiting == 1
            state = store.feed(url)
            assert state is not None and state["wait_until"] > state["last_polled"]
        assert server.hits["/busy.rss"] == 1


def test_follow_a_round_cut_short_after_storing_is_taken_up_without_duplicates(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    with feed_server() as server:
        wire = _serve(server, "wire", "en", [1, 2])
        fetcher = PoliteFetcher(FetchSettings(host_delay_seconds=0.0))
        with (
            open_store(settings.db) as store,
            Ingestor(store, settings, make_embedder("hashing"), keep_open=True) as ingestor,
        ):

            def killed(*_args: object) -> None:
                raise KeyboardInterrupt  # between storing the articles and writing the feed's state

            monkeypatch.setattr(store, "feed_polled", killed)
            with pytest.raises(KeyboardInterrupt):
                _round(1, [wire], store, ingestor, fetcher)
            monkeypatch.undo()
            assert len(_articles(store)) == 2 and store.feed(wire) is None
            again = _round(2, [wire], store, ingestor, fetcher)
            assert (again.new_items, again.stored, again.already_stored) == (2, 0, 2)
            assert len(_articles(store)) == 2 and store.feed(wire)["items_seen"] == 2  # type: ignore[index]


def test_feed_list_reads_urls_opml_and_url_files(tmp_path: Path) -> None:
    listing = tmp_path / "feeds.txt"
    listing.write_text("# my feeds\nhttps://a.example/rss\n\nhttps://b.example/atom  # the second\n")
    empty = tmp_path / "empty.txt"
    empty.write_text("nothing here\n")
    urls, rejected = feed_urls(["https://a.example/rss", str(listing), str(empty), str(tmp_path / "missing.opml")])
    assert urls == ["https://a.example/rss", "https://b.example/atom"]
    assert [r.where for r in rejected] == [str(empty), str(tmp_path / "missing.opml")]


def test_follow_command_killed_mid_round_resumes_and_lists_its_feeds(tmp_path: Path) -> None:
    import json
    import os
    import signal
    import subprocess
    import sys
    import time

    db = tmp_path / "follow.db"
    command = [sys.executable, "-m", "storyline", "follow", "--once", "--db", str(db), "--embedder", "hashing"]
    with feed_server() as server:
        wire = _serve(server, "wire", "en", [1, 2, 3])
        server.routes["/wire/3.html"].delay = 60.0  # the round hangs on its last page
        process = subprocess.Popen([*command, "--host-delay", "0", wire], stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while server.hits["/wire/3.html"] == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        server.routes["/wire/3.html"].delay = 0.0
        done = subprocess.run([*command, "--host-delay", "0", wire], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert "round 1: 1 feed" in done.stderr and "stored 3" in done.stderr
        again = subprocess.run([*command, wire], capture_output=True, text=True, timeout=120)
        assert "0 new items" in again.stderr and "stored 0" in again.stderr and "1 not due" in again.stderr
    listing = subprocess.run(
        [sys.executable, "-m", "storyline", "feeds", "--json", "--db", str(db)], capture_output=True, text=True
    )
    (feed,) = json.loads(listing.stdout)
    assert feed["url"] == wire and feed["items_seen"] == 3 and feed["failures"] == 0


def test_follow_each_feed_keeps_its_own_schedule(settings: Settings) -> None:
    from storyline.follow import QUIET_ROUNDS, _slower

    with feed_server() as server:
        wire = _serve(server, "wire", "en", [1])
        fetcher = PoliteFetcher(FetchSettings(host_delay_seconds=0.0))
        with (
            open_store(settings.db) as store,
            Ingestor(store, settings, make_embedder("hashing"), keep_open=True) as ingestor,
        ):
            first = follow_round(1, [wire], store, ingestor, fetcher, every_seconds=600)
            assert first.stored == 1
            again = follow_round(2, [wire], store, ingestor, fetcher, every_seconds=600)  # right away: not due
            assert (again.not_due, again.not_modified) == (1, 0)
            state = store.feed(wire)
            assert state is not None and state["next_poll"] > state["last_polled"] and state["quiet"] == 0
        assert server.hits["/wire.rss"] == 1
    # a feed that brings nothing new is asked every round, then every second, then every fourth
    assert [_slower(quiet) for quiet in range(5)] == [1, 1, 2, 4, 4] and QUIET_ROUNDS == 4


@pytest.mark.parametrize(
    ("channel", "asks"),
    [
        ("<ttl>60</ttl>", 3600.0),
        ("<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>", 1800.0),
        ("<sy:updatePeriod>daily</sy:updatePeriod>", 86400.0),
        ("<ttl>30</ttl><sy:updatePeriod>hourly</sy:updatePeriod>", 3600.0),  # the larger wait wins
        ("<ttl>soon</ttl><sy:updatePeriod>fortnightly</sy:updatePeriod>", None),  # unreadable: no hint
        ("", None),
    ],
)
def test_follow_reads_the_wait_a_feed_asks_for(channel: str, asks: float | None) -> None:
    from storyline.ingest.feeds import poll_feed

    polled = poll_feed(rss("wire", [("1", "http://127.0.0.1/1", "One", "Text.")], channel).decode(), "feed")
    assert polled.asks_seconds == asks and len(polled.items) == 1


def test_follow_never_asks_a_feed_sooner_than_its_ttl(settings: Settings) -> None:
    from storyline.follow import MAX_ASKED_SECONDS, poll_wait

    with feed_server() as server:
        items = [("1", f"{server.base}/wire/1.html", "One", "Text of one.")]
        server.routes["/wire/1.html"] = Route(page("One", PARAGRAPHS["en"]))
        server.routes["/wire.rss"] = Route(rss("wire", items, "<ttl>120</ttl>"), etag='"w1"')
        wire = f"{server.base}/wire.rss"
        fetcher = PoliteFetcher(FetchSettings(host_delay_seconds=0.0))
        with (
            open_store(settings.db) as store,
            Ingestor(store, settings, make_embedder("hashing"), keep_open=True) as ingestor,
        ):
            first = follow_round(1, [wire], store, ingestor, fetcher)  # --once: rounds have no length
            state = store.feed(wire)
            assert first.stored == 1 and state is not None and state["asks_seconds"] == 7200.0
            assert state["next_poll"] > state["last_polled"]
            again = follow_round(2, [wire], store, ingestor, fetcher, every_seconds=60)
            assert again.not_due == 1
            store._db.execute("UPDATE feeds SET next_poll=NULL")  # as if two hours went by
            third = follow_round(3, [wire], store, ingestor, fetcher, every_seconds=60)
            after_304 = store.feed(wire)
            assert third.not_modified == 1 and after_304 is not None and after_304["asks_seconds"] == 7200.0
        assert server.hits["/wire.rss"] == 2
    assert poll_wait(600, 0, None) == 600 and poll_wait(600, 2, None) == 1200 and poll_wait(0, 0, None) == 0
    assert poll_wait(600, 0, 3600) == 3600 and poll_wait(600, 0, 10 * 86400) == MAX_ASKED_SECONDS


def test_follow_an_undated_item_new_since_the_last_read_is_dated_the_day_it_was_seen(settings: Settings) -> None:
    def serve_undated(server: FeedServer, numbers: list[int]) -> str:
        items = [(f"u-{n}", f"{server.base}/u/{n}.html", f"undated story {n}", f"Summary {n}.") for n in numbers]
        for n in numbers:
            paragraphs = [f"{text} (u {n})" for text in PARAGRAPHS["en"]]
            server.routes[f"/u/{n}.html"] = Route(page(f"undated story {n}", paragraphs, published=None))
        server.routes["/u.rss"] = Route(rss("u", items, dates=[""] * len(items)))
        return f"{server.base}/u.rss"

    def dates(store: object) -> dict[str, tuple[str | None, str | None]]:
        rows = store._db.execute("SELECT headline, published, published_from FROM articles")  # type: ignore[attr-defined]
        return {row[0]: (row[1] and str(row[1]), row[2]) for row in rows}

    with feed_server() as server:
        url = serve_undated(server, [1])
        fetcher = PoliteFetcher(FetchSettings(host_delay_seconds=0.0))
        with (
            open_store(settings.db) as store,
            Ingestor(store, settings, make_embedder("hashing"), keep_open=True) as ingestor,
        ):
            _round(1, [url], store, ingestor, fetcher)
            assert dates(store) == {"undated story 1": (None, None)}  # the first read bounds nothing
            serve_undated(server, [1, 2])
            _round(2, [url], store, ingestor, fetcher)
            today = str(store._db.execute("SELECT last_success FROM feeds").fetchone()[0])[:10]  # type: ignore[attr-defined]
            assert dates(store)["undated story 2"] == (today, "seen")
            assert dates(store)["undated story 1"] == (None, None)
            # after a pause longer than a day, the next new item's day says nothing about when it appeared
            store._db.execute("UPDATE feeds SET last_success='2020-01-01T00:00:00+00:00'")  # type: ignore[attr-defined]
            serve_undated(server, [1, 2, 3])
            _round(3, [url], store, ingestor, fetcher)
            assert dates(store)["undated story 3"] == (None, None)


def test_follow_gives_free_memory_back_between_rounds(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    import storyline.follow as following

    trims: list[int] = []
    monkeypatch.setattr(following, "_malloc_trim", lambda: trims.append)
    rounds: list[int] = []

    def sleep(_seconds: float) -> None:
        if len(rounds) == 2:
            raise KeyboardInterrupt

    with feed_server() as server:
        wire = _serve(server, "wire", "en", [1])
        fetcher = PoliteFetcher(FetchSettings(host_delay_seconds=0.0))
        with (
            open_store(settings.db) as store,
            Ingestor(store, settings, make_embedder("hashing"), keep_open=True) as ingestor,
            pytest.raises(KeyboardInterrupt),
        ):
            following.follow(
                [wire], store, ingestor, fetcher, 0.0, on_round=lambda r: rounds.append(r.number), sleep=sleep
            )
    assert rounds == [1, 2] and trims == [0, 0]  # after each round, before its wait


def test_release_free_memory_is_nothing_without_glibc(monkeypatch: pytest.MonkeyPatch) -> None:
    import ctypes.util

    import storyline.follow as following

    following._malloc_trim.cache_clear()
    monkeypatch.setattr(ctypes.util, "find_library", lambda _name: None)
    try:
        following.release_free_memory()  # no libc found: nothing happens, nothing raises
        assert following._malloc_trim() is None
    finally:
        following._malloc_trim.cache_clear()
