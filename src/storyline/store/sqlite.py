"""The SQLite store: one file, WAL mode, one writer, FTS5 search, vectors kept for resuming.

Every write of an ingest batch happens in one transaction, so an interrupted ingest leaves
the store as it was after the last whole batch.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from storyline.grouping.evidence import EntityStats
from storyline.grouping.story_index import StoryIndex
from storyline.grouping.window import join_window_days
from storyline.ingest.identity import content_hash
from storyline.models import Article
from storyline.settings import IndexSettings, Settings
from storyline.store.browse_queries import BrowseQueries
from storyline.store.entity_links import EntityLinks
from storyline.store.entity_queries import EntityQueries
from storyline.store.errors import StoreError
from storyline.store.lock import writer_lock
from storyline.store.map_reads import MapReads
from storyline.store.map_writes import MapWrites
from storyline.store.migrations import MIGRATIONS, migrate, run_script
from storyline.store.storyline_queries import StorylineQueries
from storyline.store.transaction import Transaction
from storyline.store.vector_index import VectorIndex

_SCHEMA_TEXT = resources.files("storyline.store").joinpath("schema.sql").read_text(encoding="utf-8")
SCHEMA_VERSION = int(re.search(r"schema_version:\s*(\d+)", _SCHEMA_TEXT).group(1))  # type: ignore[union-attr]

# Each query counts the rows that break one rule of a sound store.
_INVARIANTS = (
    (
        "article(s) in no story",
        "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM memberships m WHERE m.article_id=a.id)",
    ),
    (
        "membership(s) of a missing story",
        "SELECT COUNT(*) FROM memberships m WHERE NOT EXISTS (SELECT 1 FROM stories s WHERE s.id=m.story_id)",
    ),
    (
        "story(ies) whose size is not their number of articles",
        "SELECT COUNT(*) FROM stories s WHERE s.size != (SELECT COUNT(*) FROM memberships m WHERE m.story_id=s.id)",
    ),
    (
        "article(s) without an embedding",
        "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_vectors v WHERE v.article_id=a.id)",
    ),
    (
        "entity mention(s) of a missing entity or article",
        "SELECT COUNT(*) FROM entity_mentions em WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.id=em.entity_id)"
        " OR NOT EXISTS (SELECT 1 FROM articles a WHERE a.id=em.article_id)",
    ),
    (
        "storyline link(s) to a missing story",
        "SELECT COUNT(*) FROM storyline_links l WHERE NOT EXISTS (SELECT 1 FROM stories s WHERE s.id=l.earlier)"
        " OR NOT EXISTS (SELECT 1 FROM stories s WHERE s.id=l.later)",
    ),
    (
        "storyline link(s) whose stories are not in one storyline",
        "SELECT COUNT(*) FROM storyline_links l JOIN stories a ON a.id=l.earlier JOIN stories b ON b.id=l.later"
        " WHERE a.storyline_id IS NULL OR a.storyline_id IS NOT b.storyline_id",
    ),
    (
        "storyline(s) whose story count is wrong",
        "SELECT COUNT(*) FROM storylines t WHERE t.stories != (SELECT COUNT(*) FROM stories s WHERE s.storyline_id=t.id)",
    ),
    (
        "story(ies) in a storyline that does not exist",
        "SELECT COUNT(*) FROM stories s WHERE s.storyline_id IS NOT NULL"
        " AND NOT EXISTS (SELECT 1 FROM storylines t WHERE t.id=s.storyline_id)",
    ),
    (
        "story entity count(s) that differ from the stories' articles",
        "SELECT COUNT(*) FROM (SELECT m.story_id, e.key, COUNT(DISTINCT e.article_id) AS n FROM memberships m"
        " JOIN article_entities e ON e.article_id=m.article_id GROUP BY m.story_id, e.key) x"
        " LEFT JOIN story_entities se ON se.story_id=x.story_id AND se.key=x.key WHERE se.articles IS NOT x.n",
    ),
    (
        "entity mention(s) linked to no entity",
        "SELECT COUNT(*) FROM article_entities e WHERE NOT EXISTS (SELECT 1 FROM entity_mentions em"
        " WHERE em.article_id=e.article_id AND em.key=e.key AND em.given=e.given)",
    ),
    (
        "entit(ies) whose article count differs from their mentions",
        "SELECT COUNT(*) FROM entities e WHERE e.articles != (SELECT COUNT(DISTINCT em.article_id) FROM entity_mentions em"
        " WHERE em.entity_id=e.id)",
    ),
    (
        "article vector(s) whose story is not their article's",
        "SELECT COUNT(*) FROM article_vectors v JOIN memberships m ON m.article_id=v.article_id"
        " WHERE v.story_id IS NOT m.story_id",
    ),
    (
        "article vector(s) whose label is not their article's number",
        "SELECT COUNT(*) FROM article_vectors v JOIN articles a ON a.id=v.article_id WHERE v.label != a.seq",
    ),
)

_SEARCH_COLUMNS = (
    "a.id, a.headline, a.language, a.published, a.source, a.url, a.path, m.story_id, s.title AS story_title"
)
CACHE_KIB = 32 * 1024  # SQLite's page cache per connection (grows as used)
CHECKPOINT_PAGES = 4000  # WAL pages between checkpoints: pages written by several batches are copied back once
_MIN_STEM = 5
_INFLECTION_CHARS = 2


class Store(MapReads, MapWrites, EntityLinks, EntityQueries, BrowseQueries, StorylineQueries):
    """All reads and writes of storyline's data go through here."""

    def __init__(self, path: str | Path, any_thread: bool = False) -> None:
        """Open (creating or upgrading) the store. ``any_thread``: the connection may be handed
        between threads, as a web server does with one request's work; it is never shared by two at once."""
        self.path = Path(path)
        self._vectors: VectorIndex | None = None
        try:
            self._db = sqlite3.connect(
                str(self.path), timeout=30.0, isolation_level=None, check_same_thread=not any_thread
            )
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            self._db.execute(f"PRAGMA wal_autocheckpoint={CHECKPOINT_PAGES}")
            self._db.execute(f"PRAGMA journal_size_limit={4096 * CHECKPOINT_PAGES}")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._prepare_schema()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: cannot open store ({error})") from error

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _prepare_schema(self) -> None:
        """Create or upgrade the schema. Two processes opening a new or old store at once are
        serialised by SQLite's write lock; the second finds the work done."""
        if self._schema_version() == SCHEMA_VERSION:
            return
        self._db.execute("PRAGMA foreign_keys=OFF")
        self._db.execute("BEGIN IMMEDIATE")
        try:
            version = self._schema_version()
            if version is None:
                run_script(self._db, _SCHEMA_TEXT)
                self._db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            elif version < SCHEMA_VERSION:
                self._migrate(version)
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise
        finally:
            self._db.execute("PRAGMA foreign_keys=ON")

    def _schema_version(self) -> int | None:
        """The store's schema version; None for an empty file (StoreError for a foreign or newer one)."""
        tables = {row[0] for row in self._db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "meta" not in tables:
            if tables:
                raise StoreError(f"{self.path}: not a storyline store (it has other tables)")
            return None
        row = self._db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: store has schema {version}, newer than this storyline ({SCHEMA_VERSION}); upgrade storyline"
            )
        return version

    def _migrate(self, version: int) -> None:
        """Upgrade an older store inside the caller's transaction: all the way, or not at all."""
        if any(step not in MIGRATIONS for step in range(version, SCHEMA_VERSION)):
            raise StoreError(f"{self.path}: store has schema {version} and no migration to {SCHEMA_VERSION} exists")
        try:
            migrate(self._db, version, SCHEMA_VERSION, _SCHEMA_TEXT, self.rebuild_entities)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: cannot upgrade store from schema {version} ({error})") from error

    # ---- ingest -------------------------------------------------------------------------

    def already_stored(self, article: Article) -> bool:
        """Same id, same URL or same content as something stored."""
        row = self._db.execute(
            "SELECT 1 FROM articles WHERE id=? OR (url IS NOT NULL AND url=?) OR content_hash=? LIMIT 1",
            (article.id, article.url, content_hash(article.text)),
        ).fetchone()
        return row is not None

    def signature_candidates(self, band_hashes: Sequence[int]) -> Iterator[tuple[str, np.ndarray]]:
        if not band_hashes:
            return
        marks = ",".join("?" * len(band_hashes))
        rows = self._db.execute(
            f"SELECT DISTINCT s.article_id, s.signature FROM signature_bands b JOIN signatures s ON s.article_id=b.article_id WHERE b.band_hash IN ({marks})",
            list(band_hashes),
        )
        for row in rows:
            yield row["article_id"], np.frombuffer(row["signature"], dtype=np.uint64)

    def open_story_index(self, dim: int, vector_space: str, settings: Settings) -> StoryIndex:
        """Grouping's view of this store, for an embedder whose vectors compare with the stored ones
        (StoreError otherwise). Nothing is loaded until a decision needs it."""
        self._refuse_other_vectors(vector_space, dim)
        return StoryIndex(
            dim,
            source=self,
            neighbours=self.vector_index(dim, settings.index),
            window_days=join_window_days(settings.grouping),
            max_cached_stories=settings.index.max_cached_stories,
            max_cached_members=settings.index.max_cached_members,
        )

    def vector_index(self, dim: int, settings: IndexSettings | None = None) -> VectorIndex:
        """The story index's vector shards, in the folder beside the store."""
        if self._vectors is None or self._vectors.dim != dim:
            identity = str(self._meta("store_id"))
            self._vectors = VectorIndex(self.index_folder, dim, identity, self, settings or IndexSettings())
        return self._vectors

    @property
    def index_folder(self) -> Path:
        return Path(f"{self.path}.index")

    def _refuse_other_vectors(self, vector_space: str, dim: int) -> None:
        """One stored vector tells the store's space: every ingest is refused another (so none is mixed)."""
        row = self._db.execute("SELECT model, vector FROM article_vectors LIMIT 1").fetchone()
        if row and row["model"] != vector_space:
            raise StoreError(
                f"{self.path}: the stored articles were embedded with {row['model']}, this ingest embeds with"
                f" {vector_space}; their vectors do not compare: ingest with the embedder the store was built with,"
                " or into a new --db"
            )
        if row and len(row["vector"]) != 4 * dim:
            raise StoreError(
                f"{self.path}: stored vectors have {len(row['vector']) // 4} dimensions, the embedder gives {dim};"
                " use the embedder the store was built with"
            )

    def entity_stats(self, keys: Iterable[str] | None = None) -> EntityStats:
        """Entity weights: of the given keys (fetched now), or of any key as it is asked for."""
        stats = EntityStats(documents=self.document_count(), lookup=self.entity_frequencies)
        if keys is not None:
            stats.prefetch(keys)
        return stats

    @contextlib.contextmanager
    def writing(self, wait_seconds: float = 0.0) -> Iterator[None]:
        """Be the store's only writer for the duration (StoreBusy if another one is)."""
        with writer_lock(self.path, wait_seconds):
            yield

    @contextlib.contextmanager
    def background_checkpoints(self, every_seconds: float = 2.0) -> Iterator[None]:
        """For a long-running writer (the web server): the WAL is copied back into the store by a
        thread of its own (SQLite works outside Python's lock), so no write waits for a checkpoint."""
        self._db.execute("PRAGMA wal_autocheckpoint=0")
        stop = threading.Event()

        def checkpoint() -> None:
            connection = sqlite3.connect(str(self.path), timeout=30.0)
            try:
                while not stop.wait(every_seconds):
                    connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
                connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
            finally:
                connection.close()

        thread = threading.Thread(target=checkpoint, name="storyline-checkpoints", daemon=True)
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join()
            self._db.execute(f"PRAGMA wal_autocheckpoint={CHECKPOINT_PAGES}")

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads inside see one consistent state of the store, whatever a writer commits meanwhile."""
        if self._db.in_transaction:
            yield
            return
        self._db.execute("BEGIN")
        try:
            yield
        finally:
            if self._db.in_transaction:
                self._db.execute("COMMIT")

    def transaction(self) -> Transaction:
        """One write transaction; writes inside it that open their own join it."""
        return Transaction(self._db)

    # ---- named read queries -----------------------------------------------------------------

    def check(self, integrity: bool = True) -> list[str]:
        """What is wrong with the store (nothing when it is sound): SQLite's own integrity check,
        then storyline's invariants, all read in one snapshot."""
        problems: list[str] = []
        if integrity:
            found = [row[0] for row in self._db.execute("PRAGMA integrity_check")]
            problems += [f"integrity: {line}" for line in found if line != "ok"][:20]
        with self.snapshot():
            for description, sql in _INVARIANTS:
                count = self._db.execute(sql).fetchone()[0]
                if count:
                    problems.append(f"{count} {description}")
        return problems

    def counts(self) -> dict[str, int]:
        return {
            "articles": self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0],
            "stories": self._db.execute("SELECT COUNT(*) FROM stories").fetchone()[0],
            "storylines": self._db.execute("SELECT COUNT(*) FROM storylines").fetchone()[0],
        }

    def story_rows(self, story_ids: Iterable[int] | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Stories, newest first (by last date; undated last), with their article rows."""
        where, params = "", []
        if story_ids is not None:
            ids = list(story_ids)
            where, params = f"WHERE id IN ({','.join('?' * len(ids))})", ids
        stories = [
            dict(row)
            for row in self._db.execute(
                f"SELECT id, title, first_seen, last_seen, size FROM stories {where}"
                " ORDER BY last_seen IS NULL, last_seen DESC, id DESC LIMIT ?",
                [*params, -1 if limit is None else limit],
            )
        ]
        for story in stories:
            story["articles"] = self.story_articles(story["id"])
        return stories

    def story_summaries(self, story_ids: Sequence[int]) -> list[dict[str, Any]]:
        """Stories without their articles: id, title, dates, size."""
        return [
            dict(row)
            for row in self._rows_for_ids(
                "SELECT id, title, first_seen, last_seen, size FROM stories WHERE id IN ({marks})", story_ids
            )
        ]

    def story_articles(self, story_id: int) -> list[dict[str, Any]]:
        return [
            dict(row)
            for row in self._db.execute(
                "SELECT a.id, a.path, a.url, a.title, a.headline, a.language, a.published, a.published_from, a.source,"
                " a.duplicate_of, m.similarity, m.entity_overlap, m.shared_entities, m.gap_days, m.score"
                " FROM memberships m JOIN articles a ON a.id=m.article_id WHERE m.story_id=? ORDER BY a.seq",
                (story_id,),
            )
        ]

    def story_entity_rows(self, story_id: int) -> list[dict[str, Any]]:
        """The story's entities: key, kind, number of articles and mentions."""
        return [
            dict(row)
            for row in self._db.execute(
                "SELECT e.key, MAX(e.kind) AS kind, COUNT(DISTINCT e.article_id) AS articles, SUM(e.mentions) AS mentions"
                " FROM article_entities e JOIN memberships m ON m.article_id=e.article_id WHERE m.story_id=?"
                " GROUP BY e.key ORDER BY articles DESC, mentions DESC",
                (story_id,),
            )
        ]

    def entity_forms(self, keys: Sequence[str]) -> dict[str, list[tuple[str, str, int]]]:
        """For each key, its (lemma, surface, mentions) forms over the whole store, most used first."""
        forms: dict[str, list[tuple[str, str, int]]] = {key: [] for key in keys}
        sql = "SELECT key, lemma, surface, SUM(mentions) AS n FROM article_entities WHERE key IN ({marks}) GROUP BY key, lemma, surface"
        for row in sorted(self._rows_for_ids(sql, keys), key=lambda r: -r["n"]):
            forms[row["key"]].append((row["lemma"], row["surface"], row["n"]))
        return forms

    def article_vectors(self, article_ids: Sequence[str]) -> dict[str, np.ndarray]:
        return {
            row[0]: np.frombuffer(row[1], dtype=np.float32)
            for row in self._rows_for_ids(
                "SELECT article_id, vector FROM article_vectors WHERE article_id IN ({marks})", article_ids
            )
        }

    def article_entity_keys(self, article_ids: Sequence[str]) -> dict[str, set[str]]:
        keys: dict[str, set[str]] = {article_id: set() for article_id in article_ids}
        for row in self._rows_for_ids(
            "SELECT article_id, key FROM article_entities WHERE article_id IN ({marks})", article_ids
        ):
            keys[row[0]].add(row[1])
        return keys

    def resolve_article(self, article_id: str, url: str | None, text_hash: str) -> str | None:
        """The stored id of an article, found by id, else URL, else content."""
        row = self._db.execute(
            "SELECT id FROM articles WHERE id=? UNION ALL SELECT id FROM articles WHERE url IS NOT NULL AND url=?"
            " UNION ALL SELECT id FROM articles WHERE content_hash=? LIMIT 1",
            (article_id, url, text_hash),
        ).fetchone()
        return str(row[0]) if row else None

    def article_facts(self, article_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Story, date and language per article id."""
        sql = "SELECT a.id, m.story_id, a.published, a.language FROM articles a LEFT JOIN memberships m ON m.article_id=a.id WHERE a.id IN ({marks})"
        return {row["id"]: dict(row) for row in self._rows_for_ids(sql, article_ids)}

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text matches, best first, each with its story."""
        return [
            dict(row)
            for row in self._db.execute(
                f"SELECT {_SEARCH_COLUMNS}, snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snippet"
                " FROM articles_fts JOIN articles a ON a.seq=articles_fts.rowid"
                " LEFT JOIN memberships m ON m.article_id=a.id LEFT JOIN stories s ON s.id=m.story_id"
                " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
                (fts_query(query), limit),
            )
        ]

    def articles_with_entities(self, keys: Sequence[str], limit: int = 20) -> list[dict[str, Any]]:
        """Articles that name all the given entity keys, most mentions first."""
        marks = ",".join("?" * len(keys))
        return [
            dict(row)
            for row in self._db.execute(
                f"SELECT {_SEARCH_COLUMNS}, group_concat(e.surface, ', ') AS snippet"
                " FROM article_entities e JOIN articles a ON a.id=e.article_id"
                " LEFT JOIN memberships m ON m.article_id=a.id LEFT JOIN stories s ON s.id=m.story_id"
                f" WHERE e.key IN ({marks}) GROUP BY a.id HAVING COUNT(DISTINCT e.key)=? ORDER BY SUM(e.mentions) DESC LIMIT ?",
                [*keys, len(set(keys)), limit],
            )
        ]

    def export_rows(self) -> Iterator[dict[str, Any]]:
        for row in self._db.execute(
            "SELECT a.id, m.story_id, a.url, a.path, a.title, a.headline, a.language, a.published, a.source,"
            " a.duplicate_of, a.text FROM articles a LEFT JOIN memberships m ON m.article_id=a.id ORDER BY a.seq"
        ):
            yield dict(row)


def fts_query(text: str) -> str:
    """User words as an FTS5 query: each word quoted (no syntax errors), all required, and
    long words matched as prefixes so inflected forms are found (Будапешт -> Будапешти)."""
    terms = []
    for word in re.findall(r"\w+", text):
        stem = word[: max(_MIN_STEM, len(word) - _INFLECTION_CHARS)] if len(word) > _MIN_STEM else word
        terms.append(f'"{stem}"*' if stem != word else f'"{word}"')
    return " ".join(terms) or '""'
