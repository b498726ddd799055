"""RSS and Atom feeds: one article per item, with its date and link."""

from __future__ import annotations

import datetime as dt
import hashlib
import xml.sax
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from storyline.ingest.identity import article_id
from storyline.models import Article, Rejection

if TYPE_CHECKING:
    import feedparser


def looks_like_feed(text: str) -> bool:
    head = text[:2048].lower()
    return "<rss" in head or ("<feed" in head and "atom" in head) or "<rdf:rdf" in head


def read_feed(text: str, path: str) -> Iterator[Article | Rejection]:
    import feedparser  # here: a tenth of a second to import, paid only when a feed is read

    parsed = feedparser.parse(text)
    if not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "feed has no items")
        yield Rejection(path, f"feed unreadable: {reason}")
        return
    feed_title = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        try:
            yield _entry_to_article(entry, feed_title, path)
        except ValueError as error:
            yield Rejection(f"{path}:item {number}", str(error))


@dataclass(frozen=True)
class FeedItem:
    """One item of a polled feed: a key that stays the same across polls, its link, and the article
    its own text makes (used when the page cannot be fetched), or why it makes none."""

    key: str
    link: str | None
    article: Article | Rejection


@dataclass(frozen=True)
class PolledFeed:
    """A feed document as a poll reads it: its items, and how long it asks readers to wait before
    asking again (RSS ``<ttl>``, or the syndication module's period and frequency), if it says."""

    items: list[FeedItem]
    asks_seconds: float | None = None


_PERIOD_SECONDS = {"hourly": 3600, "daily": 86400, "weekly": 7 * 86400, "monthly": 30 * 86400, "yearly": 365 * 86400}


def poll_feed(text: str, where: str) -> PolledFeed:
    """The items of a feed document and its refresh hint; ValueError (one line) when it is not a
    readable feed."""
    import feedparser

    parsed = feedparser.parse(text)
    return PolledFeed(_items(parsed, where), refresh_hint(parsed.feed))


def refresh_hint(channel: feedparser.FeedParserDict) -> float | None:
    """Seconds the feed asks to be left alone between reads: the larger of RSS ``<ttl>`` (minutes) and
    ``sy:updatePeriod`` / ``sy:updateFrequency`` (so many times per period); None when it says neither
    or says it in a way that cannot be read."""
    hints = []
    ttl = str(channel.get("ttl") or "").strip()
    if ttl.isdigit() and int(ttl) > 0:
        hints.append(int(ttl) * 60.0)
    period = _PERIOD_SECONDS.get(str(channel.get("sy_updateperiod") or "").strip().lower())
    frequency = str(channel.get("sy_updatefrequency") or "1").strip()
    if period and frequency.isdigit() and int(frequency) > 0:
        hints.append(period / int(frequency))
    return max(hints) if hints else None


def _items(parsed: feedparser.FeedParserDict, where: str) -> list[FeedItem]:
    problem = parsed.get("bozo_exception")
    # A feed that is not well-formed XML may be cut off: its items are taken once it is whole again.
    # Lesser faults (a wrong declared encoding, a text/html content type) are the web's normal state.
    if isinstance(problem, xml.sax.SAXException) or (not parsed.entries and problem is not None):
        raise ValueError(f"feed unreadable: {problem}")
    feed_title = parsed.feed.get("title")
    items = []
    for number, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link")
        key = entry.get("id") or link or _content_key(entry)
        try:
            article: Article | Rejection = _entry_to_article(entry, feed_title, where)
        except ValueError as error:
            article = Rejection(f"{where}:item {number}", str(error))
        items.append(FeedItem(key, link, article))
    return items


def _content_key(entry: feedparser.FeedParserDict) -> str:
    text = (entry.get("title") or "") + "\n" + (entry.get("summary") or "")
    return "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()


def _entry_to_article(entry: feedparser.FeedParserDict, feed_title: str | None, path: str) -> Article:
    content = entry.get("content") or []
    body = content[0].get("value") if content else entry.get("summary", "")
    text = _html_to_text(body or "")
    title = (entry.get("title") or "").strip() or None
    if not text and not title:
        raise ValueError("feed item has neither text nor title")
    link = entry.get("link")
    hints: list[tuple[str, str]] = []
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if stamp:
        hints.append(("metadata", dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday).isoformat()))
    source = feed_title or (urlparse(link).hostname if link else None)
    return Article(
        id=article_id(link, (title or "") + "\n" + text, entry.get("id") if not link else None),
        text=text or title or "",
        title=title,
        url=link,
        path=path,
        source=source,
        date_hints=tuple(hints),
    )


def _html_to_text(fragment: str) -> str:
    if "<" not in fragment:
        return fragment.strip()
    from lxml import html as lxml_html

    try:
        return str(lxml_html.fromstring(fragment).text_content()).strip()
    except (ValueError, lxml_html.etree.ParserError):
        return ""
