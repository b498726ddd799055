"""The store's portable part: every named query both databases answer the same way.

``SqlStore`` holds what SQLite and PostgreSQL share (Dagster's layout: an abstract store with every
portable query, thin subclasses for what truly differs). Its connection is a DB-API connection
with ``?`` placeholders and rows readable by position and by name: ``sqlite3`` itself, or the
adapter in ``pg_connection.py``. Each subclass supplies the connection, the writer lock, snapshots,
the vector index, full-text search, and the few SQL fragments that differ (``_sql``).
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy as np

from storyline.grouping.evidence import EntityStats
from storyline.grouping.story_index import StoryIndex
from storyline.grouping.window import join_similarity_floor, join_window_days, memory_horizon_days
from storyline.ingest.identity import content_hash
from storyline.models import Article
from storyline.settings import IndexSettings, Settings
from storyline.stages.chinese import WORDS_CUT_APART, has_han, simplified, spaced_words
from storyline.store.base import NO_LIMIT, row_dict
from storyline.store.browse_queries import BrowseQueries
from storyline.store.entity_links import EntityLinks
from storyline.store.entity_queries import EntityQueries
from storyline.store.errors import NO_STORE_HINT, StoreError, StoreOutdated
from storyline.store.feed_state import FeedState
from storyline.store.map_reads import MapReads
from storyline.store.map_writes import MapWrites
from storyline.store.schema import SCHEMA_VERSION
from storyline.store.storyline_queries import StorylineQueries
from storyline.store.transaction import Transaction
from storyline.store.watch_state import WatchState

_ENTITY_DAYS = (
    "SELECT em.entity_id, a.published AS day, COUNT(DISTINCT a.id) AS n FROM entity_mentions em"
    " JOIN articles a ON a.id=em.article_id WHERE a.published IS NOT NULL GROUP BY em.entity_id, a.published"
)
# Each query counts the rows that break one rule of a sound store.
_INVARIANTS = (
    (
        "kept count(s) of stories that differ from the stories",
        "SELECT COUNT(*) FROM meta WHERE key='stories' AND CAST(value AS INTEGER) != (SELECT COUNT(*) FROM stories)",
    ),
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
        "Chinese article(s) without their words for search",
        "SELECT COUNT(*) FROM articles a WHERE a.language IN ("
        + ", ".join(f"'{language}'" for language in sorted(WORDS_CUT_APART))
        + ") AND NOT EXISTS (SELECT 1 FROM article_words w WHERE w.seq=a.seq)",
    ),
    (
        "entity mention(s) of a missing entity or article",
        "SELECT COUNT(*) FROM entity_mentions em WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.id=em.entity_id)"
        " OR NOT EXISTS (SELECT 1 FROM articles a WHERE a.id=em.article_id)",
    ),
    (
        "signature band(s) of a missing signature",
        "SELECT COUNT(*) FROM signature_bands b WHERE NOT EXISTS (SELECT 1 FROM signatures s WHERE s.article_id=b.article_id)",
    ),
    (
        "storyline link(s) to a missing story",
        "SELECT COUNT(*) FROM storyline_links l WHERE NOT EXISTS (SELECT 1 FROM stories s WHERE s.id=l.earlier)"
        " OR NOT EXISTS (SELECT 1 FROM stories s WHERE s.id=l.later)",
    ),
    (
        "storyline link(s) whose stories are not in one storyline",
        "SELECT COUNT(*) FROM storyline_links l JOIN stories a ON a.id=l.earlier JOIN stories b ON b.id=l.later"
        " WHERE a.storyline_id IS NULL OR a.storyline_id {is_not} b.storyline_id",
    ),
    (
        "storyline(s) whose story count is wrong",
        "SELECT COUNT(*) FROM storylines t WHERE t.stories != (SELECT COUNT(*) FROM stories s WHERE s.storyline_id=t.id)",
    ),
    (
        "storyline(s) whose dates are not their stories' first and last",
        "SELECT COUNT(*) FROM storylines t WHERE t.first_seen {is_not} (SELECT MIN(s.first_seen) FROM stories s"
        " WHERE s.storyline_id=t.id) OR t.last_seen {is_not} (SELECT MAX(s.last_seen) FROM stories s WHERE s.storyline_id=t.id)",
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
        " LEFT JOIN story_entities se ON se.story_id=x.story_id AND se.key=x.key WHERE se.articles {is_not} x.n",
    ),
    (
        "entity key article count(s) that differ from the mentions",
        "SELECT COUNT(*) FROM (SELECT key, COUNT(DISTINCT article_id) AS n FROM article_entities GROUP BY key) x"
        " LEFT JOIN entity_frequency f ON f.key=x.key WHERE f.articles {is_not} x.n",
    ),
    (
        "entity mention(s) linked to no entity",
        "SELECT COUNT(*) FROM article_entities e JOIN articles a ON a.id=e.article_id"
        " WHERE a.seq <= (SELECT CAST(value AS INTEGER) FROM meta WHERE key='linked_seq') AND NOT EXISTS"
        " (SELECT 1 FROM entity_mentions em WHERE em.article_id=e.article_id AND em.key=e.key AND em.given=e.given)",
    ),
    (
        "entit(ies) whose article count differs from their mentions",
        "SELECT COUNT(*) FROM entities e WHERE e.articles != (SELECT COUNT(DISTINCT em.article_id) FROM entity_mentions em"
        " WHERE em.entity_id=e.id)",
    ),
    (
        "entity day count(s) that differ from the entities' articles",
        # every (entity, day) of the mentions has its count, and there are no other rows
        f"SELECT (SELECT COUNT(*) FROM ({_ENTITY_DAYS}) x LEFT JOIN entity_days d ON d.entity_id=x.entity_id"
        f" AND d.day=x.day WHERE d.articles {{is_not}} x.n)"
        f" + ABS((SELECT COUNT(*) FROM entity_days) - (SELECT COUNT(*) FROM ({_ENTITY_DAYS}) y))",
    ),
    (
        "article vector(s) whose story is not their article's",
        "SELECT COUNT(*) FROM article_vectors v JOIN memberships m ON m.article_id=v.article_id"
        " WHERE v.story_id {is_not} m.story_id",
    ),
    (
        "article vector(s) whose label is not their article's number",
        "SELECT COUNT(*) FROM article_vectors v JOIN articles a ON a.id=v.article_id WHERE v.label != a.seq",
    ),
)

_MIN_STEM = 5
_INFLECTION_CHARS = 2
SEARCH_COLUMNS = (
    "a.id, a.headline, a.language, a.published, a.source, a.url, a.path, m.story_id, s.title AS story_title"
)


COUNTED_STORY = 100  # stories up to this size have their top entities counted from every mention


class SqlStore(MapReads, MapWrites, EntityLinks, EntityQueries, BrowseQueries, StorylineQueries, FeedState, WatchState):
    """All reads and writes of storyline's data go through here (open one with ``open_store``)."""

    location: str  # what the user named: a file path or a URL (without its password)
    upgrade_notices: tuple[str, ...] = ()  # what an upgrade on opening left for the user to know

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _require_current_schema(self, version: int | None, missing: str, upgrade: str) -> None:
        """For a store opened read-only: there must be one (``missing``: where, for the message), of this
        schema; an older one is StoreOutdated (``upgrade``: the command that upgrades it)."""
        if version is None:
            raise StoreError(f"{self.location}: {missing}; {NO_STORE_HINT}")
        if version < SCHEMA_VERSION:
            raise StoreOutdated(f"{self.location}: store has schema {version}; {upgrade}")

    def _refuse_newer(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.location}: store has schema {version}, newer than this storyline ({SCHEMA_VERSION});"
                " upgrade storyline"
            )

    # ---- what each database does its own way ------------------------------------------------

    def writing(self, wait_seconds: float = 0.0) -> contextlib.AbstractContextManager[None]:
        """Be the store's only writer for the duration (StoreBusy if another one is)."""
        raise NotImplementedError

    def linking(self, wait_seconds: float = 0.0) -> contextlib.AbstractContextManager[None]:
        """Be the store's only entity linker for the duration (StoreBusy if another one is): the writer
        itself, or a process of its own (grouping/linking.py)."""
        raise NotImplementedError

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads inside see one consistent state of the store, whatever a writer commits meanwhile."""
        if self._db.in_transaction:
            yield
            return
        self._db.execute(self._sql.begin_read)
        try:
            yield
        finally:
            if self._db.in_transaction:
                self._db.execute("COMMIT")

    def in_transaction(self) -> bool:
        return bool(self._db.in_transaction)

    def background_checkpoints(self) -> contextlib.AbstractContextManager[None]:
        """For a long-running writer: whatever upkeep the database needs, off the write path."""
        return contextlib.nullcontext()

    def vector_index(self, dim: int, settings: IndexSettings | None = None) -> Any:
        """The nearest-neighbour search over committed article vectors (``NeighbourSearch``)."""
        raise NotImplementedError

    def search(self, query: str, limit: int = 20, snippets: bool = True) -> list[dict[str, Any]]:
        """Full-text matches, best first, each with its story (and a snippet of its text unless
        ``snippets`` is false: a filter needs only the stories)."""
        raise NotImplementedError

    def _integrity_problems(self) -> list[str]:
        """The database's own consistency check (none where the server guards it)."""
        return []

    def transaction(self) -> Transaction:
        """One write transaction; writes inside it that open their own join it."""
        return Transaction(self._db, self._sql.begin_write)

    # ---- whole tables (store/copy.py) ----------------------------------------------------------

    def column_names(self, table: str) -> list[str]:
        cursor = self._db.execute(f"SELECT * FROM {table} LIMIT 0")
        return [column[0] for column in cursor.description]

    def write_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Rows as they are (ids included); a vector column holds numpy arrays."""
        if "vector" in columns:
            at = list(columns).index("vector")
            rows = [(*row[:at], self._vector_value(row[at]), *row[at + 1 :]) for row in rows]
        upsert = " ON CONFLICT(key) DO UPDATE SET value=excluded.value" if table == "meta" else ""
        marks = ",".join("?" * len(columns))
        self._db.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}){upsert}", rows)

    def after_copy(self) -> None:
        """Whatever the database keeps beside the rows, brought up to date after a copy."""

    # ---- ingest -------------------------------------------------------------------------

    def already_stored(self, article: Article) -> bool:
        """Same id, same URL or same content as something stored."""
        return article.id in self.stored_among([article])

    def signature_candidates(self, band_hashes: Sequence[int]) -> Iterator[tuple[str, np.ndarray, list[int]]]:
        """Stored articles with one of these band hashes, each once (in the order first found), with
        the ones of these hashes it has."""
        found: dict[str, tuple[np.ndarray, list[int]]] = {}
        for row in self._rows_for_ids(
            "SELECT b.article_id, s.signature, b.band_hash FROM signature_bands b JOIN signatures s"
            " ON s.article_id=b.article_id WHERE b.band_hash IN ({marks})",
            list(band_hashes),
        ):
            if row[0] in found:
                found[row[0]][1].append(row[2])
            else:
                found[row[0]] = (np.frombuffer(row[1], dtype=np.uint64), [row[2]])
        for article_id, (signature, bands) in found.items():
            yield article_id, signature, bands

    def stored_among(self, articles: Sequence[Article]) -> set[str]:
        """The ids of those of ``articles`` that are stored already: same id, same URL or same content."""
        ids_by: dict[tuple[str, str], list[str]] = {}
        for article in articles:
            ids_by.setdefault(("hash", content_hash(article.text)), []).append(article.id)
            if article.url:
                ids_by.setdefault(("url", article.url), []).append(article.id)
        found = {
            row[0]
            for row in self._rows_for_ids("SELECT id FROM articles WHERE id IN ({marks})", [a.id for a in articles])
        }
        for column, kind in (("url", "url"), ("content_hash", "hash")):
            values = [value for (what, value) in ids_by if what == kind]
            for row in self._rows_for_ids(f"SELECT {column} FROM articles WHERE {column} IN ({{marks}})", values):
                found.update(ids_by[(kind, row[0])])
        return found

    def open_story_index(self, dim: int, vector_space: str, settings: Settings) -> StoryIndex:
        """Grouping's view of this store, for an embedder whose vectors compare with the stored ones
        (StoreError otherwise). Nothing is loaded until a decision needs it."""
        self._refuse_other_vectors(vector_space, dim)
        return StoryIndex(
            dim,
            source=self,
            neighbours=self.vector_index(dim, settings.index),
            window_days=join_window_days(settings.grouping),
            similarity_floor=join_similarity_floor(settings.grouping),
            max_cached_stories=settings.index.max_cached_stories,
            max_cached_members=settings.index.max_cached_members,
            keep_days=memory_horizon_days(settings),
        )

    def _refuse_other_vectors(self, vector_space: str, dim: int) -> None:
        """One stored vector tells the store's space: every ingest is refused another (so none is mixed)."""
        row = self._db.execute("SELECT model, vector FROM article_vectors LIMIT 1").fetchone()
        if row and row["model"] != vector_space:
            raise StoreError(
                f"{self.location}: the stored articles were embedded with {row['model']}, this ingest embeds with"
                f" {vector_space}; their vectors do not compare: ingest with the embedder the store was built with,"
                " or into a new --db"
            )
        stored_dim = len(self._vector_of(row["vector"])) if row else dim
        if stored_dim != dim:
            raise StoreError(
                f"{self.location}: stored vectors have {stored_dim} dimensions, the embedder gives {dim};"
                " use the embedder the store was built with"
            )

    def entity_stats(self, keys: Iterable[str] | None = None) -> EntityStats:
        """Entity weights: of the given keys (fetched now), or of any key as it is asked for."""
        stats = EntityStats(documents=self.document_count(), lookup=self.entity_frequencies)
        if keys is not None:
            stats.prefetch(keys)
        return stats

    # ---- named read queries -----------------------------------------------------------------

    def check(self, integrity: bool = True) -> list[str]:
        """What is wrong with the store (nothing when it is sound): the database's own integrity
        check, then storyline's invariants, all read in one snapshot."""
        problems: list[str] = []
        if integrity:
            problems += self._integrity_problems()
        with self.snapshot():
            for description, sql in _INVARIANTS:
                count = self._db.execute(sql.format(is_not=self._sql.is_not)).fetchone()[0]
                if count:
                    problems.append(f"{count} {description}")
            broken = len(self.storylines_in_pieces())
            if broken:
                problems.append(f"{broken} storyline(s) whose links do not join all their stories")
        return problems

    def counts(self) -> dict[str, int]:
        return {
            "articles": self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0],
            "stories": self._db.execute("SELECT COUNT(*) FROM stories").fetchone()[0],
            "storylines": self._db.execute("SELECT COUNT(*) FROM storylines").fetchone()[0],
            "unlinked": self.unlinked_count(),  # articles whose entities a linker has still to link
        }

    def story_rows(self, story_ids: Iterable[int] | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Stories, newest first (by last date; undated last), with their article rows."""
        where = ""
        params: list[Any] = []
        if story_ids is not None:
            ids = list(story_ids)
            if not ids:
                return []
            condition, params = self._sql.one_of("id", ids, "bigint")
            where = f"WHERE {condition}"
        stories = [
            row_dict(row)
            for row in self._db.execute(
                f"SELECT id, title, first_seen, last_seen, size FROM stories {where}"
                " ORDER BY last_seen DESC NULLS LAST, id DESC LIMIT ?",
                [*params, NO_LIMIT if limit is None else limit],
            )
        ]
        articles = self.stories_articles([story["id"] for story in stories])
        for story in stories:
            story["articles"] = articles[story["id"]]
        return stories

    def story_summaries(self, story_ids: Sequence[int]) -> list[dict[str, Any]]:
        """Stories without their articles: id, title, dates, size."""
        return [
            row_dict(row)
            for row in self._rows_for_ids(
                "SELECT id, title, first_seen, last_seen, size FROM stories WHERE id IN ({marks})", story_ids
            )
        ]

    def stories_articles(self, story_ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
        """Each story's article rows in the order they were stored (one query for a page of stories)."""
        return self._rows_by_story(
            "SELECT m.story_id, a.id, a.path, a.url, a.title, a.headline, a.language, a.published, a.published_from,"
            " a.source, a.duplicate_of, m.similarity, m.entity_overlap, m.shared_entities, m.gap_days, m.score"
            " FROM memberships m JOIN articles a ON a.id=m.article_id WHERE m.story_id IN ({marks})"
            " ORDER BY m.story_id, a.seq",
            story_ids,
        )

    def story_cards(self, story_ids: Sequence[int], latest: int) -> dict[int, dict[str, Any]]:
        """What a list shows of each story, at a cost that does not grow with the story: id, title, dates,
        size, languages (the stored counts), its outlets, and its ``latest`` articles in the order they were
        stored (in ``articles``)."""
        cards: dict[int, dict[str, Any]] = {}
        for row in self._rows_for_ids(
            "SELECT id, title, first_seen, last_seen, size, languages FROM stories WHERE id IN ({marks})", story_ids
        ):
            cards[row["id"]] = {**row_dict(row), "languages": sorted(json.loads(row["languages"])), "sources": []}
        for row in self._rows_for_ids(
            "SELECT DISTINCT m.story_id, a.source FROM memberships m JOIN articles a ON a.id=m.article_id"
            " WHERE m.story_id IN ({marks}) AND a.source IS NOT NULL",
            list(cards),
        ):
            cards[row[0]]["sources"].append(row[1])
        latest_rows = self._rows_by_story(
            "SELECT story_id, id, path, url, title, headline, language, published, published_from, source,"
            " duplicate_of FROM (SELECT m.story_id, a.id, a.path, a.url, a.title, a.headline, a.language,"
            " a.published, a.published_from, a.source, a.duplicate_of,"
            " ROW_NUMBER() OVER (PARTITION BY m.story_id ORDER BY a.seq DESC) AS place"
            " FROM memberships m JOIN articles a ON a.id=m.article_id WHERE m.story_id IN ({marks})) x"
            f" WHERE x.place <= {int(latest)} ORDER BY story_id, place DESC",
            list(cards),
        )
        for story_id, card in cards.items():
            card["sources"].sort()
            card["articles"] = latest_rows[story_id]
        return cards

    def story_top_entities(self, story_ids: Sequence[int], most: int) -> dict[int, list[dict[str, Any]]]:
        """Each story's ``most`` keys named by the most of its articles (key, articles), the most mentioned
        first among equals. A story of more than ``COUNTED_STORY`` articles takes them from the counts the
        writer keeps (``story_entities``; among equals, by key), so that its cost does not grow with it."""
        sizes = dict(self._rows_for_ids("SELECT id, size FROM stories WHERE id IN ({marks})", story_ids))
        small = [story_id for story_id in story_ids if sizes.get(story_id, 0) <= COUNTED_STORY]
        large = [story_id for story_id in story_ids if sizes.get(story_id, 0) > COUNTED_STORY]
        counted = (
            "(SELECT m.story_id, e.key, COUNT(DISTINCT e.article_id) AS articles, SUM(e.mentions) AS mentions"
            " FROM article_entities e JOIN memberships m ON m.article_id=e.article_id"
            " WHERE m.story_id IN ({marks}) GROUP BY m.story_id, e.key) counted"
        )
        found = self._first_keys(counted, "articles DESC, mentions DESC, key", most, small)
        found.update(self._first_keys("story_entities WHERE story_id IN ({marks})", "articles DESC, key", most, large))
        return found

    def _first_keys(
        self, rows: str, order: str, most: int, story_ids: Sequence[int]
    ) -> dict[int, list[dict[str, Any]]]:
        """The first ``most`` (key, articles) per story of ``rows`` (a table or subquery with story_id, key
        and articles, filtered by ``{marks}``) in ``order``."""
        return self._rows_by_story(
            "SELECT story_id, key, articles FROM (SELECT story_id, key, articles,"
            f" ROW_NUMBER() OVER (PARTITION BY story_id ORDER BY {order}) AS place FROM {rows}) x"
            f" WHERE x.place <= {int(most)} ORDER BY story_id, place",
            story_ids,
        )

    def _rows_by_story(self, sql: str, story_ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
        """``sql``'s rows (its first column ``story_id``) per story, in the query's order."""
        found: dict[int, list[dict[str, Any]]] = {story_id: [] for story_id in story_ids}
        for row in self._rows_for_ids(sql, list(found)):
            item = row_dict(row)
            found[item.pop("story_id")].append(item)
        return found

    def entity_forms(self, keys: Sequence[str]) -> dict[str, list[tuple[str, str, int]]]:
        """For each key, its (lemma, surface, mentions) forms over the whole store, most used first."""
        forms: dict[str, list[tuple[str, str, int]]] = {key: [] for key in keys}
        sql = "SELECT key, lemma, surface, SUM(mentions) AS n FROM article_entities WHERE key IN ({marks}) GROUP BY key, lemma, surface"
        for row in sorted(self._rows_for_ids(sql, keys), key=lambda r: -r["n"]):
            forms[row["key"]].append((row["lemma"], row["surface"], row["n"]))
        return forms

    def article_vectors(self, article_ids: Sequence[str]) -> dict[str, np.ndarray]:
        return {
            row[0]: self._vector_of(row[1])
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
        return {row["id"]: row_dict(row) for row in self._rows_for_ids(sql, article_ids)}

    def articles_with_entities(self, groups: Sequence[Sequence[str]], limit: int = 20) -> list[dict[str, Any]]:
        """Articles that name, for each group of entity keys, one of its keys (a word of a query and the
        keys the same entity has in other scripts: "trmp" and 特朗普), most mentions first."""
        groups = [list(dict.fromkeys(group)) for group in groups if group]
        if not groups:
            return []
        keys = [key for group in groups for key in group]
        which = " ".join(
            f"WHEN e.key IN ({','.join('?' * len(group))}) THEN {number}" for number, group in enumerate(groups)
        )
        return [
            row_dict(row)
            for row in self._db.execute(
                f"SELECT {SEARCH_COLUMNS}, x.snippet FROM ("
                f" SELECT e.article_id, {self._sql.joined('e.surface')} AS snippet, SUM(e.mentions) AS mentions"
                f" FROM article_entities e WHERE e.key IN ({','.join('?' * len(keys))}) GROUP BY e.article_id"
                f" HAVING COUNT(DISTINCT CASE {which} END)=?) x JOIN articles a ON a.id=x.article_id"
                " LEFT JOIN memberships m ON m.article_id=a.id LEFT JOIN stories s ON s.id=m.story_id"
                " ORDER BY x.mentions DESC, a.seq LIMIT ?",
                [*keys, *keys, len(groups), limit],
            )
        ]

    def export_rows(self) -> Iterator[dict[str, Any]]:
        for row in self._db.execute(
            "SELECT a.id, m.story_id, a.url, a.path, a.title, a.headline, a.language, a.published, a.source,"
            " a.duplicate_of, a.text FROM articles a LEFT JOIN memberships m ON m.article_id=a.id ORDER BY a.seq"
        ):
            yield row_dict(row)


def search_terms(text: str) -> list[tuple[str, bool]]:
    """User words as search terms: (word or stem, whether it is a prefix). Long words are cut to
    a stem so that inflected forms are found (Будапешт -> Будапешти); Chinese is cut into its words
    (``chinese.words``), which take no endings."""
    if has_han(text):  # in simplified characters, as the stored words' parts are too
        return [(word, False) for word in re.findall(r"\w+", spaced_words(simplified(text)))]
    terms = []
    for word in re.findall(r"\w+", text):
        stem = word[: max(_MIN_STEM, len(word) - _INFLECTION_CHARS)] if len(word) > _MIN_STEM else word
        terms.append((stem, stem != word))
    return terms
