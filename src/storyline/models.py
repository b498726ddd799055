"""The typed records that travel through storyline.

An ``Article`` goes in raw and comes out enriched; every stage returns a new value with
``dataclasses.replace``. Grouping produces ``Story`` and ``Storyline`` records that point at
article ids and never mutate articles.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np

EntityKind = str  # "person" | "org" | "place" | "misc"


@dataclass(frozen=True)
class EntityMention:
    """One named entity found in an article, reduced to a key that matches across scripts."""

    key: str  # place id ("geo:3054643") or phonetic key of the head word ("lvrv")
    surface: str  # as written, most frequent form in the article
    kind: EntityKind
    count: int = 1
    lemma: str = ""  # dictionary form of the fullest name (Сергея Лаврова -> Сергей Лавров); a place's English name
    given: str = ""  # key of a person's given name, "" when the article never gives one


@dataclass(frozen=True)
class Article:
    """One news article, raw after reading and enriched by each stage."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    path: str | None = None
    source: str | None = None
    published: dt.date | None = None
    published_from: str | None = None  # which evidence gave the date: metadata, marker, html, dateline, seen
    language: str | None = None
    language_confidence: float | None = None
    date_hints: tuple[tuple[str, str], ...] = ()  # (origin, value) pairs the reader found
    preamble: str = ""  # leading lines the clean stage removed; the dates stage may read a dateline here
    boilerplate_removed: int = 0  # lines dropped by the clean stage
    entities: tuple[EntityMention, ...] = ()
    statements: tuple[DatedStatement, ...] = ()
    embedding: np.ndarray | None = field(default=None, compare=False, repr=False)
    signature: np.ndarray | None = field(default=None, compare=False, repr=False)
    duplicate_of: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict, compare=False)

    def evolve(self, **changes: Any) -> Article:
        """A copy with some fields changed (stages use this instead of mutating)."""
        return dataclasses.replace(self, **changes)

    @property
    def headline(self) -> str:
        """The title, or the first sentence of the text where the article has no title."""
        if self.title:
            return self.title
        first = self.text.strip().split("\n", 1)[0]
        for stop in (". ", "! ", "? "):
            cut = first.find(stop)
            if 0 < cut < 160:
                first = first[: cut + 1]
                break
        return first if len(first) <= 160 else first[:157].rstrip() + "..."


@dataclass(frozen=True)
class Rejection:
    """An input that could not become an article, with a one-line reason."""

    where: str  # file path, optionally with ":LINE"
    reason: str


@dataclass(frozen=True)
class Notice:
    """Something an ingest changed about an input it kept (a text cut to the size limit)."""

    where: str
    message: str


@dataclass(frozen=True)
class Evidence:
    """Why two things (article and story, or two articles) are or are not the same story."""

    similarity: float  # embedding cosine
    entity_overlap: float  # idf-weighted cosine of entity sets, 0..1
    shared_entities: tuple[str, ...]
    gap_days: float | None  # None when a date is unknown
    score: float  # combined probability of "same story", 0..1
    cross_lingual: bool = False  # no shared language (embedding similarity runs lower across languages)
    closest_article: str | None = None  # the member the similarity was measured against


@dataclass(frozen=True)
class Membership:
    """An article's place in a story and the evidence it was placed on."""

    article_id: str
    story_id: int
    evidence: Evidence | None  # None for the article that started the story


@dataclass(frozen=True)
class Story:
    """Articles that report the same event."""

    id: int
    title: str
    first_seen: dt.date | None
    last_seen: dt.date | None
    languages: tuple[str, ...]
    article_ids: tuple[str, ...]
    sources: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()


@dataclass(frozen=True)
class StorylineLink:
    """Two stories that continue one another, and why."""

    earlier: int
    later: int
    shared_entities: tuple[str, ...]
    similarity: float
    gap_days: float | None


@dataclass(frozen=True)
class Storyline:
    """Stories that continue one another over time."""

    id: int
    story_ids: tuple[int, ...]
    links: tuple[StorylineLink, ...] = ()
    entities: tuple[str, ...] = ()


@dataclass(frozen=True)
class EntityVariant:
    """One way an entity is written, in one language, and how often."""

    surface: str
    language: str | None
    count: int


@dataclass(frozen=True)
class Entity:
    """A person, organisation or place, one across scripts and inflections."""

    identity: str  # "geo:3054643", "dnld trmp" (given + surname keys), or a bare key "trmp"
    name: str  # display name in Latin script
    kind: EntityKind
    variants: tuple[EntityVariant, ...]
    article_ids: tuple[str, ...]
    story_ids: tuple[int, ...]


@dataclass(frozen=True)
class DatedStatement:
    """A sentence of an article that says when something happened."""

    article_id: str
    position: int  # sentence number in the article
    text: str
    expression: str  # the words that carry the date ("в четвъртък", "October 16")
    precision: str  # "day" | "week" | "month" | "year"
    date: dt.date | None  # first day of the period; None until a year is known
    month: int | None = None  # for a date written without its year ("15 серпня")
    day: int | None = None
    relative: bool = False  # resolved against the article's own date
    sources: tuple[str, ...] = ()  # who the article says reported or said it
    entity_keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class TimelineEntry:
    """One dated event, merged over the articles and languages that report it."""

    date: dt.date
    precision: str
    text: str
    language: str | None
    entities: tuple[str, ...]
    articles: tuple[str, ...]
    sources: tuple[str, ...]  # outlets and agencies the articles cite ("according to Reuters")
    outlets: tuple[str, ...]  # the reporting articles' own outlets
    statements: tuple[DatedStatement, ...]
    speakers: tuple[str, ...] = ()  # people the articles quote ("Trump said")
    planned: bool = False  # dated after every reporting article: announced, not (yet) happened


@dataclass(frozen=True)
class StoryQuery:
    """Which stories a reader asks for. Every field narrows the list; None means no constraint."""

    language: str | None = None
    since: dt.date | None = None  # stories whose last date is on or after it
    until: dt.date | None = None  # stories whose first date is on or before it
    entity_id: int | None = None
    story_ids: tuple[int, ...] | None = None  # e.g. the stories of a text search's hits
    offset: int = 0
    limit: int = 20
