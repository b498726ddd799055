"""Following feeds: rounds of polite polling; each new item's page is read and ingested by the store's
one writer, which stays open between rounds (models and index loaded once).

A round asks every feed that is due, with its validators, so an unchanged feed costs one 304. Each
feed keeps its own schedule (``poll_wait``): every round while it brings news, fewer while it is
quiet, never sooner than it asks (RSS ``<ttl>``, ``sy:updatePeriod``), and not before a host that
answered 429 or 503 said to come back. The new items of a feed are those it has not listed before;
each one's page is fetched (robots.txt permitting) and extracted as an HTML file is; where that
fails the item's own text from the feed is used. An item that a feed lists for the first time, when
the same feed was read successfully less than ``SEEN_BOUND`` before, appeared in between: the day it
was first seen is its date's last resort (``published_from`` "seen"), after every date its feed entry,
page or text gives, so a live stream's undated articles still get a date (timelines resolve "on
Thursday" against it, the grouping's time window and memory horizon apply). A feed's first read, or
one after a long pause, gives no such bound: its new items stay undated unless they say. Their articles are ingested, and only then is the
feed's state written (validators, items taken): a run killed in between takes the same items again
next time, and ingest finds them already stored. A feed that fails is one line; the
others go on. After the round, the watches raise and deliver their alerts (``alerts.py``).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import datetime as dt
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from storyline.ingest.decode import UnreadableInput, decode_text
from storyline.ingest.fetch import FetchError, PoliteFetcher
from storyline.ingest.limits import MAX_DOCUMENT_BYTES
from storyline.models import Article, Rejection

if TYPE_CHECKING:
    from storyline.ingest.feeds import FeedItem
    from storyline.pipeline import Ingestor, IngestReport
    from storyline.store import Store

LOCK_WAIT_SECONDS = 60.0  # a feed's state is written as the store's writer: wait this long for the lock
QUIET_ROUNDS = 4  # a feed that brings nothing new is asked at most every fourth round
MAX_ASKED_SECONDS = 86400.0  # a feed asking to be left alone longer is still read once a day
SEEN_BOUND = dt.timedelta(days=1)  # a new item's "seen" date: only when the feed's last good read is this recent


@dataclass
class RoundReport:
    """One round over the feeds."""

    number: int
    feeds: int = 0
    not_modified: int = 0
    waiting: int = 0  # feeds whose host asked to be left alone for now
    not_due: int = 0  # feeds whose own schedule skips this round (quiet lately)
    failed: int = 0
    new_items: int = 0
    pages: int = 0  # new items read from their page (the rest from the feed's own text)
    stored: int = 0
    already_stored: int = 0
    rejected: int = 0
    alerts_sent: int = 0
    alerts_pending: int = 0  # raised but not delivered yet (tried again after the next round)
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {name: value for name, value in vars(self).items() if name != "problems"}

    def add(self, ingested: IngestReport) -> None:
        self.stored += ingested.stored
        self.already_stored += ingested.already_stored
        self.rejected += len(ingested.rejected)


def follow(
    feeds: Sequence[str],
    store: Store,
    ingestor: Ingestor,
    fetcher: PoliteFetcher,
    every_seconds: float,
    once: bool = False,
    on_round: Callable[[RoundReport], None] = lambda _r: None,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Rounds until stopped (KeyboardInterrupt), or one round with ``once``."""
    number = 0
    while True:
        number += 1
        began = time.monotonic()
        report = follow_round(number, feeds, store, ingestor, fetcher, every_seconds)
        on_round(report)
        if once:
            return
        release_free_memory()
        sleep(max(0.0, every_seconds - (time.monotonic() - began)))


def release_free_memory() -> None:
    """Give the memory allocator's free pages back to the system between rounds (glibc's
    ``malloc_trim``; nothing elsewhere). A round frees most of what it allocated, but freed blocks
    among live ones stay resident; trimming costs about 0.06 ms and took a little off a follower's
    growth (docs/benchmarks.md, "The embedder's memory")."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):  # not glibc (musl, macOS): nothing to trim
        return None


def follow_round(
    number: int,
    feeds: Sequence[str],
    store: Store,
    ingestor: Ingestor,
    fetcher: PoliteFetcher,
    every_seconds: float = 0.0,
) -> RoundReport:
    """One round. ``every_seconds``: the time between rounds, from which each feed's own schedule
    follows (0: every feed is due every round)."""
    report = RoundReport(number, feeds=len(feeds))
    began = time.monotonic()
    for url in feeds:
        _poll(url, store, ingestor, fetcher, report, every_seconds)
    if store.watch_rows():
        from storyline.alerts import check_watches

        delivered = check_watches(store)
        report.alerts_sent, report.alerts_pending = delivered.sent, delivered.failed
    report.seconds = round(time.monotonic() - began, 2)
    return report


def _poll(
    url: str, store: Store, ingestor: Ingestor, fetcher: PoliteFetcher, report: RoundReport, every: float
) -> None:
    from storyline.ingest.feeds import PolledFeed, poll_feed

    state = store.feed(url) or {}
    now = _now()
    if state.get("wait_until") and str(state["wait_until"]) > _stamp(now):
        report.waiting += 1
        return
    if state.get("next_poll") and str(state["next_poll"]) > _stamp(now):
        report.not_due += 1
        return
    try:
        fetched = fetcher.get(url, state.get("etag"), state.get("last_modified"))
        polled = (
            PolledFeed([], state.get("asks_seconds"))  # unchanged: what it asked for last time still holds
            if fetched.status == 304
            else poll_feed(decode_text(fetched.body), url)
        )
    except (FetchError, UnreadableInput, ValueError) as error:
        reason = str(error)
        retry = error.retry_after if isinstance(error, FetchError) else None
        until = _stamp(now + dt.timedelta(seconds=retry)) if retry else None
        _write(store, lambda: store.feed_failed(url, _stamp(now), reason, until))
        report.failed += 1
        report.problems.append(f"{url}: {reason}")
        return
    if fetched.status == 304:
        report.not_modified += 1
    seen = store.seen_feed_items(url, [item.key for item in polled.items])
    new = [item for item in polled.items if item.key not in seen]
    report.new_items += len(new)
    seen_on = _seen_date(state.get("last_success"), now)
    articles = [_with_seen_date(_item_article(item, fetcher, report), seen_on) for item in new]
    if articles:
        report.add(ingestor.ingest(articles, on_rejection=lambda r: report.problems.append(f"{r.where}: {r.reason}")))
    taken = [
        (item.key, article.id if isinstance(article, Article) else None)
        for item, article in zip(new, articles, strict=True)
    ]
    quiet = 0 if new else int(state.get("quiet") or 0) + 1
    wait = poll_wait(every, quiet, polled.asks_seconds)
    next_poll = _stamp(now + dt.timedelta(seconds=wait * 0.95)) if wait else None
    _write(
        store,
        lambda: store.feed_polled(
            url, _stamp(now), fetched.etag, fetched.last_modified, taken, next_poll, polled.asks_seconds
        ),
    )


def poll_wait(every: float, quiet: int, asks_seconds: float | None) -> float:
    """Seconds until a feed is asked again: the round's length, times ``_slower`` while it is quiet,
    and never sooner than the feed asks (its RSS ttl or syndication period, up to ``MAX_ASKED_SECONDS``).
    0: whenever the next round comes (``--once`` runs, of a feed that asks nothing)."""
    return max(every * _slower(quiet), min(asks_seconds or 0.0, MAX_ASKED_SECONDS))


def _slower(quiet: int) -> int:
    """Rounds between two polls of a feed that brought nothing new ``quiet`` polls in a row: 1, 1, 2,
    then 4 (``QUIET_ROUNDS``): a feed that rarely changes is asked less, and one with news every round."""
    return min(QUIET_ROUNDS, 2 ** max(0, quiet - 1))


def _item_article(item: FeedItem, fetcher: PoliteFetcher, report: RoundReport) -> Article | Rejection:
    """The article of an item's page (read as an HTML file is), else the one its feed text makes; the
    feed's title, outlet and date fill in what the page lacks."""
    from storyline.ingest.html import read_html

    if not item.link or not fetcher.allowed(item.link):
        return item.article
    try:
        fetched = fetcher.get(item.link, max_bytes=MAX_DOCUMENT_BYTES)
        page = read_html(decode_text(fetched.body), item.link, fetched.url)
    except (FetchError, UnreadableInput) as error:
        report.problems.append(f"{item.link}: {error}; the feed's own text is used")
        return item.article
    except ValueError:  # no article text on the page
        return item.article
    report.pages += 1
    if not isinstance(item.article, Article):
        return page
    feed = item.article
    return page.evolve(
        title=page.title or feed.title,
        source=page.source or feed.source,
        date_hints=feed.date_hints + page.date_hints,
    )


def _seen_date(last_success: object, now: dt.datetime) -> str | None:
    """The day new items were first seen, when the feed's last good read bounds when they appeared."""
    if not last_success:
        return None
    try:
        before = dt.datetime.fromisoformat(str(last_success))
    except ValueError:
        return None
    if before.tzinfo is None:
        before = before.replace(tzinfo=dt.UTC)
    return now.date().isoformat() if dt.timedelta(0) <= now - before <= SEEN_BOUND else None


def _with_seen_date(article: Article | Rejection, seen_on: str | None) -> Article | Rejection:
    if seen_on is None or not isinstance(article, Article):
        return article
    return article.evolve(date_hints=(*article.date_hints, ("seen", seen_on)))


def _write(store: Store, change: Callable[[], None]) -> None:
    with store.writing(LOCK_WAIT_SECONDS), store.transaction():
        change()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _stamp(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds")
