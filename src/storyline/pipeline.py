"""The pipeline: the ordered list of enrichment stages, and the ingest run that uses it.

Stages are plain functions over batches of articles (the shape a distributed engine maps
over). An ``Ingestor`` is the store's writer: it reads, enriches, groups and stores in batches,
each batch with everything it changes (stories, storylines, entity links) in one transaction, so
an interrupted run leaves a consistent store and a second run finishes the job. Kept open (the
HTTP ingest of ``storyline serve``, a library caller), it keeps its models, caches and the
vector index loaded between calls; ``ingest`` is one call of a short-lived one.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from contextlib import AbstractContextManager, ExitStack, contextmanager, nullcontext, suppress
from dataclasses import dataclass, field
from typing import Protocol

from storyline.encoders.e5_encoder import available_cpus
from storyline.engines.second_core import Enriched, SecondCore
from storyline.errors import StoreBusy
from storyline.grouping.linking import LinkStore, link_waiting
from storyline.grouping.stories import StoryIndex, assign_stories, entity_keys
from storyline.grouping.storyline_updates import StorylineStore, refresh_storylines
from storyline.ingest.identity import content_hash
from storyline.ingest.sources import ReadItem
from storyline.models import Article, Membership, Notice, Rejection
from storyline.settings import Settings
from storyline.stages.clean import clean_text
from storyline.stages.dates import find_publication_date
from storyline.stages.duplicates import SignatureIndex, mark_near_duplicates, sign_articles
from storyline.stages.embed import Embedder, embed_articles
from storyline.stages.entities import extract_entities
from storyline.stages.language import detect_language
from storyline.stages.statements import find_statements

Stage = Callable[[Sequence[Article]], list[Article]]


class VectorStore(Protocol):
    def save(self) -> None: ...

    def forget(self) -> None: ...


class Store(SignatureIndex, StorylineStore, LinkStore, Protocol):
    """What an ingest run needs from storage (the SQLite store implements it)."""

    def writing(self, wait_seconds: float = 0.0) -> AbstractContextManager[None]: ...

    def linking(self, wait_seconds: float = 0.0) -> AbstractContextManager[None]: ...

    def background_checkpoints(self) -> AbstractContextManager[None]: ...

    def transaction(self) -> AbstractContextManager[None]: ...

    def open_story_index(self, dim: int, vector_space: str, settings: Settings) -> StoryIndex: ...

    def vector_index(self, dim: int) -> VectorStore: ...

    def generation(self) -> int: ...

    def already_stored(self, article: Article) -> bool: ...

    def stored_among(self, articles: Sequence[Article]) -> set[str]: ...

    def save_batch(
        self, articles: Sequence[Article], memberships: Sequence[Membership], index: StoryIndex, model: str, bands: int
    ) -> dict[str, int]: ...


def enrichment_stages(settings: Settings, embedder: Embedder) -> list[tuple[str, Stage]]:
    """Steps 3-8 of the pipeline, in order: everything computed from one article alone.

    Reading (1) and cleaning (2) come before: an article is recognised as already stored by
    its cleaned content, so that nothing is computed for it twice. Near-duplicates (9),
    stories (10), storylines (11) and entity linking (12) come after: the map's own work.
    """
    return [
        ("language", lambda batch: detect_language(batch, settings.languages)),
        ("dates", find_publication_date),
        ("entities", extract_entities),
        ("statements", find_statements),
        ("embed", lambda batch: embed_articles(batch, embedder, settings.max_embed_chars)),
        ("signature", lambda batch: sign_articles(batch, settings.duplicates)),
    ]


def enrich(articles: Sequence[Article], settings: Settings, embedder: Embedder) -> list[Article]:
    """Steps 3-8 over cleaned articles."""
    return timed_enrich(articles, settings, embedder)[0]


def timed_enrich(
    articles: Sequence[Article], settings: Settings, embedder: Embedder
) -> tuple[list[Article], dict[str, float]]:
    """Steps 3-8 over cleaned articles, and the seconds they took (``embed``: 7, ``enrich``: the others)."""
    batch = list(articles)
    timings = {"enrich": 0.0, "embed": 0.0}
    for name, stage in enrichment_stages(settings, embedder):
        began = time.perf_counter()
        batch = stage(batch)
        timings["embed" if name == "embed" else "enrich"] += time.perf_counter() - began
    return batch, timings


@dataclass
class IngestReport:
    """What an ingest run did, and where its time went (seconds: enrich = steps 3-6 and 8, embed = step 7,
    map = near-duplicates, grouping, storing, storylines and entity links)."""

    read: int = 0  # documents read: stored + already_stored + rejected
    stored: int = 0
    duplicates: int = 0  # of the stored ones, near-duplicates marked as copies of an earlier article
    already_stored: int = 0  # same id, URL or content as a stored article: nothing changed
    rejected: list[Rejection] = field(default_factory=list)
    cut: list[Notice] = field(default_factory=list)  # kept, but shortened to the size limit
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=lambda: {"enrich": 0.0, "embed": 0.0, "map": 0.0})

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


class Ingestor:
    """The store's one writer. Between calls it keeps what it loaded, unless another writer
    changed the store meanwhile (then it starts afresh).

    The vector shards it grows are written beside the store at the end of every call, or, when
    ``keep_open``, every ``SAVE_SECONDS`` and at ``close``: a shard not written is caught up from
    the store when next loaded, so nothing is ever lost by not writing it.
    """

    SAVE_SECONDS = 60.0
    FULL_COLLECTION_SECONDS = 600.0

    def __init__(self, store: Store, settings: Settings, embedder: Embedder, keep_open: bool = False) -> None:
        self.store = store
        self.settings = settings
        self.embedder = embedder
        self.keep_open = keep_open
        self._index: StoryIndex | None = None
        self._generation: int | None = None
        self._saved_at = time.monotonic()
        self._collected_at = time.monotonic()
        self._held: ExitStack | None = None  # kept open: the store's background checkpoints, until close
        self._links_here = False  # this writer links its batches' entities (``_linking``)

    def __enter__(self) -> Ingestor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._index is not None and self.keep_open:
            try:
                with self.store.writing(wait_seconds=30.0):
                    self._save_vectors()
            except StoreBusy:
                pass  # the shards catch up from the store next time
        if self.keep_open:
            gc.unfreeze()  # what this writer froze becomes collectable again
        if self._held is not None:
            self._held.close()
            self._held = None
        self._index = None

    def ingest(
        self,
        items: Iterable[ReadItem],
        on_rejection: Callable[[Rejection], None] = lambda _r: None,
        on_progress: Callable[[int], None] = lambda _n: None,
        wait_seconds: float = 0.0,
    ) -> IngestReport:
        """Read, enrich, group and store everything in ``items``, batch by batch (StoreBusy when
        another writer holds the store past ``wait_seconds``)."""
        report = IngestReport()
        in_flight: set[str] = set()  # the marks (id, URL, text) of the batch enriched but not yet stored
        second = SecondCore(self.settings, self.embedder, self._enrich_here)
        finished = False
        try:
            with self.writing(report, wait_seconds):
                waiting: tuple[list[Article], Future[Enriched]] | None = None
                for batch in read_batches(items, self.settings, report, on_rejection, on_progress):
                    seen = set(in_flight)
                    fresh = unseen(clean_text(batch), self.store, report, seen)
                    if not fresh:
                        continue
                    in_flight = seen - in_flight  # this batch's; the one before is stored before the next read
                    if len(batch) >= self.settings.batch_size and self._second_core_wanted():
                        second.start()  # a full batch: more may follow
                    submitted = (fresh, second.submit(fresh))
                    if waiting is not None:  # stored while the worker enriches the batch just submitted
                        self._store_when_enriched(second, waiting, report)
                    waiting = submitted
                    if not second.running:  # enriched here already: stored at once, as in one process
                        self._store_when_enriched(second, waiting, report)
                        waiting = None
                if waiting is not None:
                    self._store_when_enriched(second, waiting, report)
            finished = True
        finally:
            second.close(finished)
        return report

    def _second_core_wanted(self) -> bool:
        """A worker for the enrichment: asked for, a CPU for it, and not a long-running writer (whose
        calls bring a few articles each)."""
        return self.settings.enrich_ahead and not self.keep_open and available_cpus() >= 2

    def _enrich_here(self, batch: list[Article]) -> Enriched:
        return timed_enrich(batch, self.settings, self.embedder)

    def _store_when_enriched(
        self, second: SecondCore, submitted: tuple[list[Article], Future[Enriched]], report: IngestReport
    ) -> None:
        fresh, future = submitted
        enriched, timings = second.result(future, fresh)
        for name, seconds in timings.items():
            report.timings[name] += seconds
        self.store_enriched(enriched, report)

    @contextmanager
    def writing(self, report: IngestReport, wait_seconds: float = 0.0) -> Iterator[None]:
        """One ingest run as the store's writer: the lock, the shards saved at the end, the time taken.
        Inside it, ``store_enriched`` commits batches enriched elsewhere (the distributed engine)."""
        started = time.perf_counter()
        with self.store.writing(wait_seconds), self._upkeep(), self._linking():
            stored_before = report.stored
            yield
            if report.stored > stored_before and (
                not self.keep_open or time.monotonic() - self._saved_at > self.SAVE_SECONDS
            ):
                self._save_vectors()
        report.seconds += time.perf_counter() - started
        if self.keep_open:
            self._settle_garbage()

    @contextmanager
    def _linking(self) -> Iterator[None]:
        """The writer links each batch's entities itself, unless linking is left to a linker of its own
        (``link_apart``), or one holds the store's linking now (it links what the writer commits)."""
        with ExitStack() as held:
            if not self.settings.link_apart:
                with suppress(StoreBusy):
                    held.enter_context(self.store.linking())
                    self._links_here = True
            try:
                yield
            finally:
                self._links_here = False

    def _upkeep(self) -> AbstractContextManager[object]:
        """Commits never wait for the database's upkeep (SQLite: the WAL copied back into the file,
        5.3 of 30 s of map work in a batch of 2,000 into a 116,000-article store): it runs beside
        the writer for one call, or from the first call to ``close`` when kept open, where BLAS
        also runs on one thread meanwhile (``blas_on_one_thread``)."""
        if not self.keep_open:
            return self.store.background_checkpoints()
        if self._held is None:
            self._held = ExitStack()
            self._held.enter_context(self.store.background_checkpoints())
            self._held.enter_context(blas_on_one_thread())
        return nullcontext()

    def _settle_garbage(self) -> None:
        """Kept open, the writer holds a large, long-lived heap (story states, outlines, member
        vectors): each of Python's full garbage collections walked all of it, a 70-90 ms pause in
        one article of a few hundred at 116,000 stored articles. What survived a call is moved out
        of the collector's way (``gc.freeze``); every ``FULL_COLLECTION_SECONDS`` one full pass over
        everything frees what has become cyclic garbage since, and ``close`` hands it all back."""
        if time.monotonic() - self._collected_at > self.FULL_COLLECTION_SECONDS:
            gc.unfreeze()
            gc.collect()
            self._collected_at = time.monotonic()
        gc.freeze()

    def store_enriched(self, enriched: list[Article], report: IngestReport) -> None:
        """Steps 9-12 for one batch of enriched articles, unseen by the store, in one transaction."""
        began = time.perf_counter()
        index = self._story_index()
        try:
            self._commit(enriched, index)
        except BaseException:
            self._forget()
            raise
        report.timings["map"] += time.perf_counter() - began
        report.stored += len(enriched)
        report.duplicates += sum(1 for article in enriched if article.duplicate_of)

    def _save_vectors(self) -> None:
        if self._generation is not None and self._generation == self.store.generation():
            self.store.vector_index(self.embedder.dim).save()
        self._saved_at = time.monotonic()

    def _commit(self, enriched: list[Article], index: StoryIndex) -> None:
        """Steps 9-12 for one batch, all its writes in one transaction."""
        enriched = mark_near_duplicates(enriched, self.store, self.settings.duplicates)
        index.stats.prefetch({key for article in enriched for key in entity_keys(article)})  # one read for all
        for article in enriched:
            index.stats.add(entity_keys(article))
        memberships = assign_stories(enriched, index, self.settings.grouping)
        changed = set(index.touched)
        with self.store.transaction():
            labels = self.store.save_batch(
                enriched, memberships, index, self.embedder.vector_space, self.settings.duplicates.bands
            )
            refresh_storylines(self.store, index, changed, self.settings.storylines)
            if self._links_here:
                link_waiting(self.store)
        index.committed(labels)
        self._generation = self.store.generation()

    def _story_index(self) -> StoryIndex:
        generation = self.store.generation()
        if self._index is None or generation != self._generation:
            if self._index is not None:
                self.store.vector_index(self.embedder.dim).forget()
            self._index = self.store.open_story_index(self.embedder.dim, self.embedder.vector_space, self.settings)
            self._generation = generation
        return self._index

    def _forget(self) -> None:
        self._index = None
        self._generation = None
        self.store.vector_index(self.embedder.dim).forget()


def blas_on_one_thread() -> AbstractContextManager[object]:
    """A long-running writer's matrix products on one thread. They are small (an article or a few
    against a week's vectors), and OpenBLAS's second thread, idle between them, spins on the other
    core: the checkpoints' thread there waited for it 0.4-0.6 s a pass (13-21 ms of work), so its
    copying overlapped most articles' map work, and the process spent 40-50% more CPU (docs/benchmarks.md).
    The limit is the process's while the writer is open (a web server's own products are as small); a
    batch's products (hundreds of articles at once) keep the library's threads, and an embedder that
    wants more sets them for its own."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


def ingest(
    items: Iterable[ReadItem],
    store: Store,
    settings: Settings,
    embedder: Embedder,
    on_rejection: Callable[[Rejection], None] = lambda _r: None,
    on_progress: Callable[[int], None] = lambda _n: None,
    wait_seconds: float = 0.0,
) -> IngestReport:
    """One run of a short-lived ``Ingestor``."""
    with Ingestor(store, settings, embedder) as ingestor:
        return ingestor.ingest(items, on_rejection, on_progress, wait_seconds)


def read_batches(
    items: Iterable[ReadItem],
    settings: Settings,
    report: IngestReport,
    on_rejection: Callable[[Rejection], None],
    on_progress: Callable[[int], None],
) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        on_progress(1)
        report.read += 1
        if isinstance(item, Rejection):
            report.rejected.append(item)
            on_rejection(item)
            continue
        batch.append(within_size(item, settings.max_article_chars, report.cut))
        if len(batch) >= settings.batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def within_size(article: Article, limit: int, cuts: list[Notice]) -> Article:
    """The article, its text cut to ``limit`` characters (at a paragraph or sentence end) if longer
    (and a notice of it added to ``cuts``)."""
    if len(article.text) <= limit:
        return article
    cut = article.text[:limit]
    end = max(cut.rfind("\n"), cut.rfind(". "))
    text = cut[: end + 1] if end > limit // 2 else cut
    where = article.path or article.url or article.id
    cuts.append(Notice(where, f"text cut from {len(article.text):,} to {len(text):,} characters"))
    return article.evolve(text=text, metadata={**article.metadata, "cut_from_chars": len(article.text)})


def unseen(batch: list[Article], store: Store, report: IngestReport, seen: set[str] | None = None) -> list[Article]:
    """Drop articles already stored, and repeats inside the batch (same id, URL or content); with
    ``seen``, the marks of a batch not yet stored, repeats of those too (a batch enriched ahead is
    checked before the one before it is stored). The fresh articles' marks are added to ``seen``."""
    fresh: list[Article] = []
    seen = set() if seen is None else seen
    stored = store.stored_among(batch)  # one look-up for the batch
    for article in batch:
        marks = {f"id:{article.id}", f"text:{content_hash(article.text)}"} | (
            {f"url:{article.url}"} if article.url else set()
        )
        if marks & seen or article.id in stored:
            report.already_stored += 1
            continue
        seen |= marks
        fresh.append(article)
    return fresh
