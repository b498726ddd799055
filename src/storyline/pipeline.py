"""The pipeline: the ordered list of enrichment stages, and the ingest run that uses it.

Stages are plain functions over batches of articles (the shape a distributed engine maps
over). ``ingest`` reads, enriches, groups and stores in batches; each batch is committed
in one transaction, so an interrupted run leaves a consistent store and a second run
finishes the job.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Protocol

from storyline.grouping.entities import MentionRow, link_entities
from storyline.grouping.stories import StoryIndex, assign_stories, entity_keys
from storyline.grouping.storylines import link_storylines
from storyline.ingest import ReadItem
from storyline.ingest.identity import content_hash
from storyline.models import Article, Entity, Membership, Notice, Rejection, Storyline
from storyline.settings import Settings
from storyline.stages.clean import clean_text
from storyline.stages.dates import find_publication_date
from storyline.stages.duplicates import SignatureIndex, mark_near_duplicates
from storyline.stages.embed import Embedder, embed_articles
from storyline.stages.entities import extract_entities
from storyline.stages.language import detect_language
from storyline.stages.statements import find_statements

Stage = Callable[[Sequence[Article]], list[Article]]


class Store(SignatureIndex, Protocol):
    """What an ingest run needs from storage (the SQLite store implements it)."""

    def writing(self, wait_seconds: float = 0.0) -> AbstractContextManager[None]: ...

    def load_story_index(self, dim: int, vector_space: str) -> StoryIndex: ...

    def already_stored(self, article: Article) -> bool: ...

    def save_batch(
        self, articles: Sequence[Article], memberships: Sequence[Membership], index: StoryIndex, model: str, bands: int
    ) -> None: ...

    def replace_storylines(self, storylines: Sequence[Storyline]) -> None: ...

    def mention_rows(self) -> Iterator[MentionRow]: ...

    def replace_entities(self, entities: Sequence[Entity], links: dict[tuple[str, str, str], str]) -> None: ...


def enrichment_stages(settings: Settings, embedder: Embedder) -> list[tuple[str, Stage]]:
    """Steps 3-7 of the pipeline, in order.

    Reading (1) and cleaning (2) come before: an article is recognised as already stored by
    its cleaned content, so that nothing is computed for it twice. Near-duplicates (8),
    stories (9), storylines (10) and entity linking (11) come after.
    """
    return [
        ("language", lambda batch: detect_language(batch, settings.languages)),
        ("dates", find_publication_date),
        ("entities", extract_entities),
        ("statements", find_statements),
        ("embed", lambda batch: embed_articles(batch, embedder, settings.max_embed_chars)),
    ]


def enrich(articles: Sequence[Article], settings: Settings, embedder: Embedder) -> list[Article]:
    """Steps 3-7 over cleaned articles."""
    batch = list(articles)
    for _name, stage in enrichment_stages(settings, embedder):
        batch = stage(batch)
    return batch


@dataclass
class IngestReport:
    """What an ingest run did."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0  # near-duplicates stored and marked as copies
    already_stored: int = 0  # same URL or content as a stored article: nothing changed
    rejected: list[Rejection] = field(default_factory=list)
    cut: list[Notice] = field(default_factory=list)  # kept, but shortened to the size limit
    seconds: float = 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "read": self.read,
            "stored": self.stored,
            "duplicates": self.duplicates,
            "already_stored": self.already_stored,
            "rejected": len(self.rejected),
            "cut": len(self.cut),
            "seconds": round(self.seconds, 2),
        }


def ingest(
    items: Iterable[ReadItem],
    store: Store,
    settings: Settings,
    embedder: Embedder,
    on_rejection: Callable[[Rejection], None] = lambda _r: None,
    on_progress: Callable[[int], None] = lambda _n: None,
    wait_seconds: float = 0.0,
) -> IngestReport:
    """Read, enrich, group and store everything in ``items``, batch by batch, as the store's
    only writer (StoreBusy when another ingest holds the store past ``wait_seconds``)."""
    started = dt.datetime.now()
    report = IngestReport()
    with store.writing(wait_seconds):
        index = store.load_story_index(embedder.dim, embedder.vector_space)
        batches = _batches(items, settings, report, on_rejection, on_progress)
        for batch in batches:
            fresh = _unseen(clean_text(batch), store, report)
            if not fresh:
                continue
            enriched = enrich(fresh, settings, embedder)
            enriched = mark_near_duplicates(enriched, store, settings.duplicates)
            for article in enriched:
                index.stats.add(entity_keys(article))
            memberships = assign_stories(enriched, index, settings.grouping)
            store.save_batch(enriched, memberships, index, embedder.vector_space, settings.duplicates.bands)
            report.stored += len(enriched)
            report.duplicates += sum(1 for article in enriched if article.duplicate_of)
        refresh_storylines(store, index, settings)
        refresh_entities(store)
    report.seconds = (dt.datetime.now() - started).total_seconds()
    return report


def refresh_storylines(store: Store, index: StoryIndex, settings: Settings) -> None:
    store.replace_storylines(link_storylines(list(index.stories.values()), index.stats, settings.storylines))


def refresh_entities(store: Store) -> None:
    """Link every stored mention again: a new article can settle whom a bare surname means."""
    store.replace_entities(*link_entities(store.mention_rows()))


def _batches(
    items: Iterable[ReadItem],
    settings: Settings,
    report: IngestReport,
    on_rejection: Callable[[Rejection], None],
    on_progress: Callable[[int], None],
) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        on_progress(1)
        if isinstance(item, Rejection):
            report.rejected.append(item)
            on_rejection(item)
            continue
        report.read += 1
        batch.append(_within_size(item, settings.max_article_chars, report))
        if len(batch) >= settings.batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def _within_size(article: Article, limit: int, report: IngestReport) -> Article:
    """The article, its text cut to ``limit`` characters (at a paragraph or sentence end) if longer."""
    if len(article.text) <= limit:
        return article
    cut = article.text[:limit]
    end = max(cut.rfind("\n"), cut.rfind(". "))
    text = cut[: end + 1] if end > limit // 2 else cut
    where = article.path or article.url or article.id
    report.cut.append(Notice(where, f"text cut from {len(article.text):,} to {len(text):,} characters"))
    return article.evolve(text=text, metadata={**article.metadata, "cut_from_chars": len(article.text)})


def _unseen(batch: list[Article], store: Store, report: IngestReport) -> list[Article]:
    """Drop articles already stored, and repeats inside the batch (same id, URL or content)."""
    fresh: list[Article] = []
    seen: set[str] = set()
    for article in batch:
        marks = {f"id:{article.id}", f"text:{content_hash(article.text)}"} | (
            {f"url:{article.url}"} if article.url else set()
        )
        if marks & seen or store.already_stored(article):
            report.already_stored += 1
            continue
        seen |= marks
        fresh.append(article)
    return fresh
