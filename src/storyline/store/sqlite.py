"""The SQLite store: one file, WAL mode, one writer, FTS5 search, vectors kept for resuming.

Every write of an ingest batch happens in one transaction, so an interrupted ingest leaves
the store as it was after the last whole batch.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from storyline.grouping.evidence import EntityStats
from storyline.grouping.stories import StoryIndex, StoryState
from storyline.ingest.identity import content_hash
from storyline.models import Article, Membership, Storyline
from storyline.stages.duplicates import band_hashes
from storyline.store.browse_queries import BrowseQueries
from storyline.store.entity_queries import EntityQueries
from storyline.store.errors import StoreError
from storyline.store.lock import writer_lock
from storyline.store.transaction import Transaction

_SCHEMA_TEXT = resources.files("storyline.store").joinpath("schema.sql").read_text(encoding="utf-8")
SCHEMA_VERSION = int(re.search(r"schema_version:\s*(\d+)", _SCHEMA_TEXT).group(1))  # type: ignore[union-attr]


# Statements that bring a store of an older schema up to the next version, by old version.
_MIGRATIONS = {
    1: """
        ALTER TABLE article_entities RENAME TO article_entities_v1;
        CREATE TABLE article_entities (
            article_id  TEXT NOT NULL REFERENCES articles(id),
            key         TEXT NOT NULL,
            surface     TEXT NOT NULL,
            lemma       TEXT NOT NULL,
            kind        TEXT NOT NULL,
            mentions    INTEGER NOT NULL,
            given       TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (article_id, key, given)
        );
        INSERT INTO article_entities (article_id, key, surface, lemma, kind, mentions)
            SELECT article_id, key, surface, lemma, kind, mentions FROM article_entities_v1;
        DROP TABLE article_entities_v1;
        DROP INDEX IF EXISTS article_entities_key;
    """,
    # Version 3 only adds an index (entity names per mention key, for the web pages); the schema
    # file, run after every migration, creates it.
    2: "",
}

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
)

_SEARCH_COLUMNS = (
    "a.id, a.headline, a.language, a.published, a.source, a.url, a.path, m.story_id, s.title AS story_title"
)
_MIN_STEM = 5
_INFLECTION_CHARS = 2


class Store(EntityQueries, BrowseQueries):
    """All reads and writes of storyline's data go through here."""

    def __init__(self, path: str | Path, any_thread: bool = False) -> None:
        """Open (creating or upgrading) the store. ``any_thread``: the connection may be handed
        between threads, as a web server does with one request's work; it is never shared by two at once."""
        self.path = Path(path)
        try:
            self._db = sqlite3.connect(
                str(self.path), timeout=30.0, isolation_level=None, check_same_thread=not any_thread
            )
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
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
        tables = {row[0] for row in self._db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "meta" in tables:
            row = self._db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            version = int(row[0]) if row else 0
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: store has schema {version}, newer than this storyline ({SCHEMA_VERSION}); upgrade storyline"
                )
            if version < SCHEMA_VERSION:
                self._migrate(version)
            return
        if tables:
            raise StoreError(f"{self.path}: not a storyline store (it has other tables)")
        self._db.executescript(
            "BEGIN;" + _SCHEMA_TEXT + f"\nINSERT INTO meta VALUES ('schema_version', '{SCHEMA_VERSION}');COMMIT;"
        )

    def _migrate(self, version: int) -> None:
        """Upgrade an older store in one transaction: all the way, or not at all."""
        if any(step not in _MIGRATIONS for step in range(version, SCHEMA_VERSION)):
            raise StoreError(f"{self.path}: store has schema {version} and no migration to {SCHEMA_VERSION} exists")
        script = "".join(_MIGRATIONS[step] for step in range(version, SCHEMA_VERSION))
        self._db.execute("PRAGMA foreign_keys=OFF")
        try:
            self._db.executescript(
                "BEGIN;"
                + script
                + _SCHEMA_TEXT
                + f"\nUPDATE meta SET value='{SCHEMA_VERSION}' WHERE key='schema_version';COMMIT;"
            )
        except sqlite3.DatabaseError as error:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise StoreError(f"{self.path}: cannot upgrade store from schema {version} ({error})") from error
        finally:
            self._db.execute("PRAGMA foreign_keys=ON")

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

    def load_story_index(self, dim: int, vector_space: str) -> StoryIndex:
        """Everything grouping needs to continue where the last run stopped, for an embedder whose
        vectors are comparable with the stored ones (StoreError otherwise)."""
        self._refuse_other_vectors(vector_space)
        index = StoryIndex(dim=dim, stats=self.entity_stats())
        counts: dict[int, dict[str, int]] = {}
        for row in self._db.execute(
            "SELECT m.story_id, e.key, COUNT(DISTINCT e.article_id) AS n FROM memberships m"
            " JOIN article_entities e ON e.article_id=m.article_id GROUP BY m.story_id, e.key"
        ):
            counts.setdefault(row["story_id"], {})[row["key"]] = row["n"]
        languages: dict[int, dict[str, int]] = {}
        for row in self._db.execute(
            "SELECT m.story_id, a.language, COUNT(*) AS n FROM memberships m JOIN articles a ON a.id=m.article_id"
            " WHERE a.language IS NOT NULL GROUP BY m.story_id, a.language"
        ):
            languages.setdefault(row["story_id"], {})[row["language"]] = row["n"]
        for row in self._db.execute("SELECT * FROM stories ORDER BY id"):
            vector = np.frombuffer(row["vector_sum"], dtype=np.float32).copy()
            if vector.shape[0] != dim:
                raise StoreError(
                    f"{self.path}: stored vectors have {vector.shape[0]} dimensions, the embedder gives {dim}; use the embedder the store was built with"
                )
            index.add_story(
                StoryState(
                    id=row["id"],
                    vector_sum=vector,
                    size=row["size"],
                    entity_counts=counts.get(row["id"], {}),
                    first=_date(row["first_seen"]),
                    last=_date(row["last_seen"]),
                    languages=languages.get(row["id"], {}),
                )
            )
        for row in self._db.execute(
            "SELECT m.article_id, m.story_id, v.vector FROM memberships m JOIN articles a ON a.id=m.article_id"
            " LEFT JOIN article_vectors v ON v.article_id=m.article_id ORDER BY a.seq"
        ):
            member_vector = np.frombuffer(row["vector"], dtype=np.float32) if row["vector"] else None
            index.add_member(row["article_id"], row["story_id"], member_vector)
        return index

    def _refuse_other_vectors(self, vector_space: str) -> None:
        row = self._db.execute("SELECT model FROM article_vectors WHERE model <> ? LIMIT 1", (vector_space,)).fetchone()
        if row:
            raise StoreError(
                f"{self.path}: the stored articles were embedded with {row['model']}, this ingest embeds with"
                f" {vector_space}; their vectors do not compare: ingest with the embedder the store was built with,"
                " or into a new --db"
            )

    def entity_stats(self) -> EntityStats:
        documents = self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        frequency = {
            row[0]: row[1]
            for row in self._db.execute("SELECT key, COUNT(DISTINCT article_id) FROM article_entities GROUP BY key")
        }
        return EntityStats(documents=documents, frequency=frequency)

    def save_batch(
        self, articles: Sequence[Article], memberships: Sequence[Membership], index: StoryIndex, model: str, bands: int
    ) -> None:
        """Articles, their vectors, entities, signatures and story places, in one transaction."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        touched = {membership.story_id for membership in memberships}
        with self._transaction():
            for article in articles:
                self._insert_article(article, model, bands, now)
            for membership in memberships:
                self._insert_membership(membership)
            for story_id in touched:
                self._upsert_story(index.stories[story_id])

    def _insert_article(self, article: Article, model: str, bands: int, now: str) -> None:
        self._db.execute(
            "INSERT INTO articles (id, url, content_hash, path, title, headline, text, source, published, published_from,"
            " language, language_confidence, boilerplate_removed, duplicate_of, metadata, ingested_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                article.id,
                article.url,
                content_hash(article.text),
                article.path,
                article.title,
                article.headline,
                article.text,
                article.source,
                article.published.isoformat() if article.published else None,
                article.published_from,
                article.language,
                article.language_confidence,
                article.boilerplate_removed,
                article.duplicate_of,
                json.dumps(article.metadata, ensure_ascii=False, default=str),
                now,
            ),
        )
        if article.embedding is not None:
            self._db.execute(
                "INSERT INTO article_vectors VALUES (?,?,?)",
                (article.id, model, article.embedding.astype(np.float32).tobytes()),
            )
        self._db.executemany(
            "INSERT INTO article_entities (article_id, key, surface, lemma, kind, mentions, given) VALUES (?,?,?,?,?,?,?)",
            [(article.id, m.key, m.surface, m.lemma or m.surface, m.kind, m.count, m.given) for m in article.entities],
        )
        self._db.executemany(
            "INSERT INTO statements VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    article.id,
                    s.position,
                    s.text,
                    s.expression,
                    s.precision,
                    s.date.isoformat() if s.date else None,
                    s.month,
                    s.day,
                    int(s.relative),
                    json.dumps(list(s.sources), ensure_ascii=False),
                    json.dumps(list(s.entity_keys)),
                )
                for s in article.statements
            ],
        )
        if article.signature is not None:
            self._db.execute("INSERT INTO signatures VALUES (?,?)", (article.id, article.signature.tobytes()))
            hashes = band_hashes(article.signature, bands)
            self._db.executemany("INSERT INTO signature_bands VALUES (?,?)", [(band, article.id) for band in hashes])

    def _insert_membership(self, membership: Membership) -> None:
        evidence = membership.evidence
        self._db.execute(
            "INSERT OR REPLACE INTO memberships VALUES (?,?,?,?,?,?,?)",
            (
                membership.article_id,
                membership.story_id,
                evidence.similarity if evidence else None,
                evidence.entity_overlap if evidence else None,
                json.dumps(list(evidence.shared_entities)) if evidence else None,
                evidence.gap_days if evidence else None,
                evidence.score if evidence else None,
            ),
        )

    def _upsert_story(self, state: StoryState) -> None:
        title = self._story_title(state)
        self._db.execute(
            "INSERT INTO stories (id, title, first_seen, last_seen, size, vector_sum) VALUES (?,?,?,?,?,?)"
            " ON CONFLICT(id) DO UPDATE SET title=excluded.title, first_seen=excluded.first_seen,"
            " last_seen=excluded.last_seen, size=excluded.size, vector_sum=excluded.vector_sum",
            (
                state.id,
                title,
                state.first.isoformat() if state.first else None,
                state.last.isoformat() if state.last else None,
                state.size,
                state.vector_sum.astype(np.float32).tobytes(),
            ),
        )

    def _story_title(self, state: StoryState) -> str:
        """The headline of the member closest to the story's centroid, preferring real titles."""
        rows = self._db.execute(
            "SELECT a.headline, a.title, v.vector FROM memberships m JOIN articles a ON a.id=m.article_id"
            " LEFT JOIN article_vectors v ON v.article_id=a.id WHERE m.story_id=? ORDER BY a.seq",
            (state.id,),
        ).fetchall()
        centroid = state.centroid

        def rank(row: sqlite3.Row) -> tuple[int, float]:
            closeness = float(np.frombuffer(row["vector"], dtype=np.float32) @ centroid) if row["vector"] else 0.0
            return (1 if row["title"] else 0, closeness)

        return str(max(rows, key=rank)["headline"]) if rows else ""

    def replace_storylines(self, storylines: Sequence[Storyline]) -> None:
        with self._transaction():
            self._db.execute("DELETE FROM storyline_links")
            self._db.execute("DELETE FROM storylines")
            for storyline in storylines:
                self._db.execute(
                    "INSERT INTO storylines VALUES (?,?)",
                    (storyline.id, json.dumps(list(storyline.entities), ensure_ascii=False)),
                )
                self._db.executemany(
                    "INSERT INTO storyline_links VALUES (?,?,?,?,?,?)",
                    [
                        (
                            storyline.id,
                            link.earlier,
                            link.later,
                            json.dumps(list(link.shared_entities)),
                            link.similarity,
                            link.gap_days,
                        )
                        for link in storyline.links
                    ],
                )

    @contextlib.contextmanager
    def writing(self, wait_seconds: float = 0.0) -> Iterator[None]:
        """Be the store's only writer for the duration (StoreBusy if another one is)."""
        with writer_lock(self.path, wait_seconds):
            yield

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

    def _transaction(self) -> Transaction:
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

    def storyline_rows(self) -> list[dict[str, Any]]:
        storylines = []
        for row in self._db.execute("SELECT id, entities FROM storylines ORDER BY id"):
            links = [
                dict(link)
                for link in self._db.execute(
                    "SELECT earlier, later, shared_entities, similarity, gap_days FROM storyline_links WHERE storyline_id=?",
                    (row["id"],),
                )
            ]
            story_ids = sorted({link["earlier"] for link in links} | {link["later"] for link in links})
            storylines.append(
                {"id": row["id"], "entities": json.loads(row["entities"]), "links": links, "story_ids": story_ids}
            )
        return storylines

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


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
