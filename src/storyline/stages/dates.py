"""Publication dates, from the strongest evidence available; unknown stays unknown.

Reads ``date_hints`` (explicit metadata, the text marker, HTML metadata, in that order of
trust) and ``preamble`` plus the first lines of ``text`` for a dateline; last, the day a followed
feed first listed the article (``seen``: set by ``follow.py`` only where the feed's previous read
bounds when it appeared). Writes
``published`` and ``published_from``. Boilerplate was already cut by the clean stage, so
dates in "related news" lists are never seen here. A date is never invented: when nothing
plausible is found, ``published`` stays ``None``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

import dateparser

from storyline.models import Article

_HINT_ORDER = ("metadata", "marker", "html")
_EARLIEST = dt.date(1900, 1, 1)
_DATELINE_LINES = 3
_DATELINE_CHARS = 120
_DATELINE_SHORT_LINE = 60
_DATELINE_TAIL = re.compile(r"^[\s,\d:]*(\([^)]{1,40}\))?\s*[—–-]")
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_NUMERIC = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b|\b(\d{4})[./-](\d{1,2})[./-](\d{1,2})\b")
_WORDY = re.compile(r"\b\d{1,2}\.?\s+[^\W\d_]{3,}\.?\s+\d{4}\b|\b[^\W\d_]{3,}\.?\s+\d{1,2},?\s+\d{4}\b")


def find_publication_date(articles: Sequence[Article], today: dt.date | None = None) -> list[Article]:
    """Set ``published`` and ``published_from`` on every article."""
    latest = (today or dt.date.today()) + dt.timedelta(days=1)
    return [_date_one(article, latest) for article in articles]


def _date_one(article: Article, latest: dt.date) -> Article:
    hints = dict(article.date_hints)
    for origin in _HINT_ORDER:
        if origin in hints:
            parsed = parse_date_value(hints[origin], article.language, latest)
            if parsed:
                return article.evolve(published=parsed, published_from=origin)
    dateline = find_dateline(article.preamble, article.text, article.language, latest)
    if dateline:
        return article.evolve(published=dateline, published_from="dateline")
    if "seen" in hints:
        seen = parse_date_value(hints["seen"], None, latest)
        if seen:
            return article.evolve(published=seen, published_from="seen")
    return article.evolve(published=None, published_from=None)


def parse_date_value(value: str, language: str | None, latest: dt.date) -> dt.date | None:
    """An ISO or free-form date string to a plausible date."""
    iso = _ISO.match(value)
    if iso:
        try:
            return _plausible(dt.date(int(iso[1]), int(iso[2]), int(iso[3])), latest)
        except ValueError:
            return None
    return _parse_free(value, language, latest)


def find_dateline(preamble: str, text: str, language: str | None, latest: dt.date) -> dt.date | None:
    """A date standing at the top of the article: its own line, or the start of the first line."""
    header = [(line.strip(), True) for line in preamble.splitlines() if line.strip()]
    header += [(line.strip(), False) for line in text.splitlines()[:_DATELINE_LINES] if line.strip()]
    for line, in_preamble in header:
        match = _NUMERIC.search(line) or _WORDY.search(line)
        if not match or not (in_preamble or _is_dateline(line, match)):
            continue
        parsed = _parse_free(match.group(0), language, latest)
        if parsed:
            return parsed
    return None


def _is_dateline(line: str, match: re.Match[str]) -> bool:
    """A date that heads the text ("MOSCOW, 21 Oct 2025 (Reuters) -"), not one inside a sentence."""
    if len(line) <= _DATELINE_SHORT_LINE:
        return True
    return match.start() <= _DATELINE_CHARS // 3 and bool(_DATELINE_TAIL.match(line[match.end() :]))


def _parse_free(value: str, language: str | None, latest: dt.date) -> dt.date | None:
    languages = [language] if language else None
    try:
        parsed = dateparser.parse(
            value,
            languages=languages,
            settings={
                "STRICT_PARSING": True,
                "REQUIRE_PARTS": ["day", "month", "year"],
                "PREFER_DAY_OF_MONTH": "first",
            },
        )
    except (ValueError, OverflowError, TypeError):
        return None
    return _plausible(parsed.date(), latest) if parsed else None


def _plausible(date: dt.date, latest: dt.date) -> dt.date | None:
    return date if _EARLIEST <= date <= latest else None
