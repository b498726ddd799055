"""The PostgreSQL store: the same tables and queries as SQLite's, shared by many processes.

What differs from the SQLite store: vectors are pgvector values (the writer finds candidates in
the same weekly shards as SQLite's, their files cached on its own machine, or, if so set, through
pgvector's HNSW index on the server), keyword search is PostgreSQL's full-text search over a generated
``tsvector`` (the "simple" configuration: no language's stemming, so every script is treated
alike, with the same prefix matching as SQLite's), the one writer is chosen by an advisory lock,
and readers read in REPEATABLE READ snapshots (never blocked, never blocking).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import psycopg

from storyline.grouping.entities import MentionRow
from storyline.settings import IndexSettings
from storyline.stages.chinese import has_han, unspaced
from storyline.stages.disk_cache import cache_folder
from storyline.store.base import POSTGRESQL, iso, row_dict
from storyline.store.entity_links import COLUMNS, QUEUED_MENTIONS
from storyline.store.errors import LINKER_BUSY, StoreBusy, StoreError
from storyline.store.map_reads import BEGIN_BEFORE, BEGIN_INSIDE, LONG_STORY_DAYS, LONGER, UNDATED
from storyline.store.migrations import FIRST_POSTGRESQL_VERSION, MIGRATIONS, migrate
from storyline.store.pg_connection import PgConnection, plain_value
from storyline.store.schema import SCHEMA_TEXT, SCHEMA_VERSION, render_schema, statements
from storyline.store.sql_store import SEARCH_COLUMNS, SqlStore, search_terms
from storyline.store.vector_index import VectorIndex

WRITER_LOCK = 0x5354_4F52_5957  # an advisory lock key of storyline's own ("STORYW")
SCHEMA_LOCK = WRITER_LOCK + 1
LINKER_LOCK = WRITER_LOCK + 2
POLL_SECONDS = 0.2
TABLES = tuple(re.findall(r"CREATE TABLE IF NOT EXISTS (\w+)", SCHEMA_TEXT))
PGVECTOR_MISSING = (
    "the pgvector extension is not available on this PostgreSQL server: install it (e.g. the package"
    " postgresql-16-pgvector, or https://github.com/pgvector/pgvector#installation), then run"
    " CREATE EXTENSION vector; in this database as a superuser"
)


PROBES_PER_STATEMENT = 1000
_ARRAY_TYPES = {int: "bigint", str: "text"}  # of a pair's values, for ``unnest``


def _bound(part: str, names: Sequence[str]) -> str:
    """A part of ``stories_with_key`` with its placeholders replaced by these columns, in order."""
    pieces = part.split("?")
    assert len(pieces) == len(names) + 1, part
    return "".join(piece + name for piece, name in zip(pieces, [*names, ""], strict=True))


# The bare mentions of many (story, key) pairs at once (``{pairs}``: their condition).
_STORY_MENTIONS_IN = (
    COLUMNS + " FROM memberships m JOIN article_entities e ON e.article_id=m.article_id"
    " JOIN articles a ON a.id=e.article_id WHERE e.given='' AND ({pairs})"
)

# Each probe (key, earliest, low, high), numbered, with its stories in the order ``stories_with_key`` gives.
_KEY_STORIES_OF_PROBES = (
    "SELECT probe.n, found.story_id FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY"
    " AS probe(key, earliest, low, high, n) CROSS JOIN LATERAL ("
    " SELECT story_id, part, day FROM ("
    + " UNION ALL ".join(
        f"SELECT * FROM ({_bound(part, names)} LIMIT ?) AS p{number}"
        for number, (part, names) in enumerate(
            [
                (BEGIN_INSIDE, ("probe.key", "probe.low", "probe.high")),
                (BEGIN_BEFORE, ("probe.key", "probe.earliest", "probe.low", "probe.low")),
                (LONGER.format(join=POSTGRESQL.ordered_join), ("probe.key", "probe.earliest", "probe.low")),
                (UNDATED, ("probe.key",)),
            ]
        )
    )
    + ") AS parts ORDER BY part, day DESC, story_id DESC LIMIT ?) AS found"
    " ORDER BY probe.n, found.part, found.day DESC, found.story_id DESC"
)


class PostgresStore(SqlStore):
    """A store in a PostgreSQL database (``postgresql://USER@HOST:PORT/DBNAME``)."""

    _sql = POSTGRESQL

    def __init__(self, url: str, any_thread: bool = False, read_only: bool = False) -> None:
        from storyline.store import display_location

        self.url = url
        self.location = display_location(url)
        self._vectors: PgVectorIndex | VectorIndex | None = None
        try:
            self._db = PgConnection(url)
        except (psycopg.Error, OSError) as error:
            raise StoreError(f"{self.location}: cannot connect ({_first_line(error)})") from error
        try:
            self._check_readable() if read_only else self._prepare_schema()
        except BaseException:
            self._db.close()
            raise

    def close(self) -> None:
        self._db.close()

    def _latest_stories(self, storyline_ids: Sequence[int], limit: int, offset: int) -> dict[int, list[int]]:
        """Each storyline's latest stories in one round trip (each still one walk of the date index)."""
        found: dict[int, list[int]] = {storyline_id: [] for storyline_id in storyline_ids}
        if found:
            for storyline_id, story_id in self._db.execute(
                "SELECT line.id, s.id FROM unnest(?::int[]) AS line(id) CROSS JOIN LATERAL ("
                " SELECT id FROM stories WHERE storyline_id=line.id"
                " ORDER BY first_seen DESC NULLS LAST, id DESC LIMIT ? OFFSET ?) s",
                (list(found), limit, offset),
            ):
                found[storyline_id].append(story_id)
        return found

    def key_entities(self, keys: Sequence[str]) -> dict[str, tuple[int, str]]:
        """As SQLite's, with each key's winner found by walking its index entries (a window over all
        the keys' rows: 6.8 ms for a front page's 307 keys at 200,000 articles; this way 3.1 ms)."""
        if not keys:
            return {}
        return {
            row[0]: (row[1], row[2])
            for row in self._db.execute(
                "SELECT wanted.key, k.entity_id, e.name FROM unnest(?::text[]) AS wanted(key) CROSS JOIN LATERAL ("
                " SELECT entity_id FROM key_entities WHERE key=wanted.key ORDER BY rows DESC, entity_id LIMIT 1) k"
                " JOIN entities e ON e.id=k.entity_id",
                (list(keys),),
            )
        }

    def stories_with_key(self, key: str, low: dt.date | None, high: dt.date | None, limit: int) -> list[int]:
        """As SQLite's, the four parts in one statement (each a round trip to the server)."""
        if low is None or high is None:
            return super().stories_with_key(key, low, high, limit)
        return self.stories_with_keys([(key, low, high)], limit)[(key, low, high)]

    def bare_mentions(self, places: Sequence[tuple[int, str]]) -> list[MentionRow]:
        """As SQLite's, in one statement per chunk of places."""
        return [MentionRow(*row) for row in self._rows_for_pairs(_STORY_MENTIONS_IN, ("m.story_id", "e.key"), places)]

    def stories_with_keys(
        self, probes: Sequence[tuple[str, dt.date, dt.date]], limit: int
    ) -> dict[tuple[str, dt.date, dt.date], list[int]]:
        """``stories_with_key`` for a batch's probes in one statement per 1,000 (each probe still
        walks the key's index for its own range: a lateral join over the probes)."""
        unique = list(dict.fromkeys(probes))
        found: dict[tuple[str, dt.date, dt.date], list[int]] = {probe: [] for probe in unique}
        for start in range(0, len(unique), PROBES_PER_STATEMENT):
            chunk = unique[start : start + PROBES_PER_STATEMENT]
            columns = (
                [key for key, _low, _high in chunk],
                [iso(low - dt.timedelta(days=LONG_STORY_DAYS)) for _key, low, _high in chunk],
                [iso(low) for _key, low, _high in chunk],
                [iso(high) for _key, _low, high in chunk],
            )
            for number, story_id in self._db.execute(_KEY_STORIES_OF_PROBES, [*columns, *[limit] * 5]):
                found[chunk[number - 1]].append(story_id)
        return found

    _QUEUED_KEYS_PER_READ = 64

    def _queued_rows(self, queue: Sequence[tuple[str, int]], limit: int) -> dict[str, list[Any]]:
        """The queued keys' next bare mentions in one statement (each key walks its own index entries)."""
        found: dict[str, list[Any]] = {key: [] for key, _after in queue}
        for row in self._db.execute(
            "SELECT queued.key AS queued_key, mention.* FROM unnest(?::text[], ?::bigint[]) AS queued(key, after)"
            " CROSS JOIN LATERAL (" + QUEUED_MENTIONS + " WHERE e.key=queued.key AND e.rowid>queued.after"
            " AND e.given='' ORDER BY e.rowid LIMIT ?) AS mention ORDER BY queued.key, mention.rowid",
            ([key for key, _after in queue], [after for _key, after in queue], limit),
        ):
            found[row[0]].append(row[1:])
        return found

    def _rows_for_pairs(self, sql: str, columns: tuple[str, str], pairs: Sequence[tuple[Any, Any]]) -> Iterator[Any]:
        """As SQLite's, with the pairs as two array parameters of one statement (an OR of 450 pairs took
        the server about 7 ms to plan: 48 such chunks of entity-story counts for the dev pairs, 0.36 s)."""
        if not pairs:
            return
        first, second = columns
        arrays = [[plain_value(pair[side]) for pair in pairs] for side in (0, 1)]
        types = [_ARRAY_TYPES[type(values[0])] for values in arrays]
        condition = f"({first}, {second}) IN (SELECT * FROM unnest(?::{types[0]}[], ?::{types[1]}[]))"
        yield from self._db.execute(sql.format(pairs=condition), arrays)

    def _rows_for_ids(self, sql: str, ids: Sequence[Any]) -> Iterator[Any]:
        """Run ``sql`` over all the ids at once, as one array parameter: a server parses and plans a
        list of 900 placeholders in about twice the time of the same look-up by array (4.3 ms against
        1.9 ms for 900 keys at 200,000 articles), and the chunks of SQLite's limit were several round trips."""
        by_array = sql.replace(" IN ({marks})", " = ANY(?)")
        if "{marks}" in by_array:  # a list that is not an IN (...) test
            yield from super()._rows_for_ids(sql, ids)
        elif ids:
            values = [plain_value(value) for value in ids]
            yield from self._db.execute(by_array, [values] * sql.count("{marks}"))

    # ---- schema -----------------------------------------------------------------------------------

    def _check_readable(self) -> None:
        """A store read without writing must be there, of this schema (nothing is created or upgraded)."""
        self._require_current_schema(
            self._schema_version(),
            missing="no store in this database",
            upgrade=f"upgrade it to {SCHEMA_VERSION} (storyline check --db URL)",
        )
        try:
            self._db.register_vectors()
        except psycopg.ProgrammingError as error:
            raise StoreError(f"{self.location}: {PGVECTOR_MISSING}") from error

    def _prepare_schema(self) -> None:
        """Create the schema in an empty database, in one transaction; two processes doing it at once
        are serialised by an advisory lock, and the second finds the work done."""
        if self._schema_version() != SCHEMA_VERSION:
            self._db.execute("BEGIN")
            try:
                self._db.execute("SELECT pg_advisory_xact_lock(?)", (SCHEMA_LOCK,))
                version = self._schema_version()
                if version is None:
                    self._create_schema()
                elif version < SCHEMA_VERSION:
                    self._migrate(version)
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
        try:
            self._db.register_vectors()
        except psycopg.ProgrammingError as error:
            raise StoreError(f"{self.location}: {PGVECTOR_MISSING}") from error

    def _migrate(self, version: int) -> None:
        """Upgrade an older store inside the caller's transaction: all the way, or not at all."""
        steps = range(version, SCHEMA_VERSION)
        if version < FIRST_POSTGRESQL_VERSION or any(step not in MIGRATIONS for step in steps):
            raise StoreError(f"{self.location}: store has schema {version} and no migration to {SCHEMA_VERSION} exists")
        try:
            schema = render_schema("postgresql")
            notices = migrate(
                self._db,
                version,
                SCHEMA_VERSION,
                schema,
                self.rebuild_entities,
                dialect="postgresql",
                split_storylines=self.split_storylines_in_pieces,
                rename_entities=self.rename_entities,
                rekey_mentions=self.rekey_mentions,
                index_words=self.index_words,
            )
            self.upgrade_notices = tuple(notices)
        except psycopg.Error as error:
            raise StoreError(
                f"{self.location}: cannot upgrade store from schema {version} ({_first_line(error)})"
            ) from error

    def _create_schema(self) -> None:
        try:
            self._db.execute("SAVEPOINT extension")
            self._db.execute("CREATE EXTENSION IF NOT EXISTS vector")
        except psycopg.Error as error:
            self._db.execute("ROLLBACK TO SAVEPOINT extension")
            if self._db.execute("SELECT 1 FROM pg_extension WHERE extname='vector'").fetchone() is None:
                raise StoreError(f"{self.location}: {PGVECTOR_MISSING} ({_first_line(error)})") from error
        self._db.register_vectors()
        for statement in statements(render_schema("postgresql")):
            self._db.execute(statement)
        self._db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))

    def _schema_version(self) -> int | None:
        """The store's schema version; None for a database without storyline's tables."""
        if not self._db.in_transaction:  # one round trip for a store that is there (each web request opens one)
            try:
                row = self._db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            except psycopg.errors.UndefinedTable:
                pass  # outside a transaction, a failed statement leaves nothing to undo
            else:
                return self._stored_version(row)
        found = {
            row[0]
            for row in self._db.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema=current_schema()"
            )
        }
        if "meta" not in found:
            clashing = sorted(found & set(TABLES))
            if clashing:
                raise StoreError(
                    f"{self.location}: not a storyline store (it has tables named {', '.join(clashing)}"
                    " but no storyline meta table)"
                )
            return None
        return self._stored_version(self._db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone())

    def _stored_version(self, row: Any) -> int:
        version = int(row[0]) if row else 0
        self._refuse_newer(version)
        return version

    # ---- what PostgreSQL does its own way -----------------------------------------------------

    def _vector_of(self, stored: Any) -> np.ndarray:
        return np.asarray(stored.to_numpy() if hasattr(stored, "to_numpy") else stored, dtype=np.float32)

    def _vector_value(self, vector: np.ndarray) -> Any:
        return np.asarray(vector, dtype=np.float32)

    def write_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """COPY, for everything but the few meta rows (which the new store already has)."""
        if table == "meta":
            super().write_rows(table, columns, rows)
            return
        at = list(columns).index("vector") if "vector" in columns else None
        with self._db.raw.cursor() as cursor, cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                values = list(row)
                if at is not None:
                    values[at] = "[" + ",".join(map(str, np.asarray(values[at], np.float32).tolist())) + "]"
                copy.write_row(values)

    def after_copy(self) -> None:
        """Identity sequences continue after the ids copied in, and the planner gets statistics of the
        copied rows at once (before autovacuum's analyze, a copied store's front page took 0.5 s
        instead of 27 ms at 200,000 articles)."""
        for table, column in (("articles", "seq"), ("entities", "id")):
            self._db.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), COALESCE(MAX({column}), 0) + 1, false)"
                f" FROM {table}"
            )
        self._db.execute("ANALYZE")

    def vector_index(self, dim: int, settings: IndexSettings | None = None) -> PgVectorIndex | VectorIndex:
        """The writer's candidate look-up (``IndexSettings.postgres_search``): the weekly shards, as in a
        SQLite store, with their files on this machine (a cache of the rows: a writer on another machine
        reads what it lacks from the rows), or pgvector's HNSW index."""
        settings = settings or IndexSettings()
        if self._vectors is None or self._vectors.dim != dim:
            if settings.postgres_search == "hnsw":
                self._vectors = PgVectorIndex(self._db, dim, settings)
            else:
                store_id = str(self._meta("store_id"))
                folder = shard_folder(settings, store_id)
                problem = _unwritable(folder)
                if problem:
                    raise StoreError(
                        f"{self.location}: cannot keep the vector shards in {folder} ({problem}): set"
                        " STORYLINE_PG_SHARDS to a writable folder, or STORYLINE_PG_SEARCH=hnsw to search on the server"
                    )
                self._vectors = VectorIndex(folder, dim, store_id, self, settings)
        return self._vectors

    def writing(self, wait_seconds: float = 0.0) -> contextlib.AbstractContextManager[None]:
        """Be the store's only writer (a session advisory lock: released when this process's
        connection ends, however it ends)."""
        return self._advisory_lock(WRITER_LOCK, "another ingest is writing to it", wait_seconds)

    def linking(self, wait_seconds: float = 0.0) -> contextlib.AbstractContextManager[None]:
        return self._advisory_lock(LINKER_LOCK, LINKER_BUSY, wait_seconds)

    @contextlib.contextmanager
    def _advisory_lock(self, key: int, busy: str, wait_seconds: float) -> Iterator[None]:
        deadline = time.monotonic() + wait_seconds
        while not self._db.execute("SELECT pg_try_advisory_lock(?)", (key,)).fetchone()[0]:
            if time.monotonic() >= deadline:
                raise StoreBusy(f"{self.location}: store is busy: {busy}")
            time.sleep(POLL_SECONDS)
        try:
            yield
        finally:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            self._db.execute("SELECT pg_advisory_unlock(?)", (key,))

    def search(self, query: str, limit: int = 20, snippets: bool = True) -> list[dict[str, Any]]:
        """Full-text matches, best first, each with its story (and a snippet unless not wanted). A query
        in Chinese is matched against the words of the Chinese articles (``article_words``)."""
        terms = search_terms(query)
        if not terms:
            return []
        tsquery = " & ".join(f"'{term}':*" if prefix else f"'{term}'" for term, prefix in terms)
        words = has_han(query)
        table = "article_words" if words else "articles"
        snippet = (
            f"ts_headline('simple', {'w' if words else 'a'}.text, q,"
            " 'StartSel=[, StopSel=], MaxWords=12, MinWords=4, MaxFragments=1')"
            if snippets
            else "''"
        )
        # The matches are ranked first and only the best are joined to their stories and given a
        # snippet: joining every match before the sort cost twice as much (3,578 matches at 200,000
        # articles: 53 ms -> 33 ms, most of what is left reading each match's words to rank it).
        rows = self._db.execute(
            f"SELECT {SEARCH_COLUMNS}, {snippet} AS snippet FROM ("
            f" SELECT t.seq, ts_rank(t.words, q) AS rank FROM {table} t CROSS JOIN to_tsquery('simple', ?) q"
            " WHERE t.words @@ q ORDER BY rank DESC, t.seq LIMIT ?) best"
            " JOIN articles a ON a.seq=best.seq CROSS JOIN to_tsquery('simple', ?) q"
            + (" JOIN article_words w ON w.seq=best.seq" if words else "")
            + " LEFT JOIN memberships m ON m.article_id=a.id LEFT JOIN stories s ON s.id=m.story_id"
            " ORDER BY best.rank DESC, a.seq",
            (tsquery, limit, tsquery),
        )
        return [{**row_dict(row), "snippet": unspaced(row["snippet"])} if words else row_dict(row) for row in rows]


class PgVectorIndex:
    """Nearest committed article vectors through pgvector's HNSW index (the ``NeighbourSearch`` of
    the story index). The rows are the index: nothing is loaded, saved or caught up in memory.

    A search is limited to the time shards of the article's window. pgvector 0.8 keeps scanning the
    graph until enough rows pass that filter (iterative scans); with an older pgvector a filtered
    graph scan can come back short, and the search is then made exactly over the window's shards
    (their rows found through the shard index), so no candidate is ever missed for that reason."""

    def __init__(self, db: PgConnection, dim: int, settings: IndexSettings) -> None:
        self.dim = dim
        self._db = db
        self._column = f"vector::vector({int(dim)})"
        name = f"article_vectors_hnsw_{int(dim)}"
        if db.execute("SELECT 1 FROM pg_indexes WHERE indexname=?", (name,)).fetchone() is None:
            db.execute(
                f"CREATE INDEX IF NOT EXISTS {name} ON article_vectors USING hnsw (({self._column}) vector_ip_ops)"
                f" WITH (m={int(settings.connectivity)}, ef_construction={int(settings.expansion_add)})"
            )
        db.execute(f"SET hnsw.ef_search = {min(1000, int(settings.expansion_search))}")
        row = db.execute("SELECT extversion FROM pg_extension WHERE extname='vector'").fetchone()
        if row is not None and _version(row[0]) >= (0, 8):
            db.execute("SET hnsw.iterative_scan = relaxed_order")

    def search(
        self, vector: np.ndarray, shards: Iterable[int] | None, limit: int, floor: float | None = None
    ) -> list[tuple[int, float]]:
        """(label, cosine) of the ``limit`` nearest vectors in the given shards (all when None), best
        first; with a ``floor``, only those at or above it."""
        numbers = None if shards is None else list(shards)
        hits = self._nearest(vector, numbers, limit, exact=False)
        if len(hits) < limit and numbers is not None:
            hits = self._nearest(vector, numbers, limit, exact=True)
        return sorted((hit for hit in hits if floor is None or hit[1] >= floor), key=lambda hit: -hit[1])

    def search_many(
        self, vectors: np.ndarray, shards: Iterable[int] | None, limit: int, floor: float | None = None
    ) -> list[list[tuple[int, float]]]:
        numbers = None if shards is None else list(shards)
        return [self.search(vector, numbers, limit, floor) for vector in vectors]

    def _nearest(
        self, vector: np.ndarray, shards: list[int] | None, limit: int, exact: bool
    ) -> list[tuple[int, float]]:
        where, params = ("WHERE shard = ANY(?)", [shards]) if shards is not None else ("", [])
        value = np.asarray(vector, dtype=np.float32)
        # "+ 0" is not the indexed expression: the planner reads the shards' rows and sorts them.
        order = f"({self._column} <#> ?) + 0" if exact else f"{self._column} <#> ?"
        rows = self._db.execute(
            f"SELECT label, {self._column} <#> ? AS distance FROM article_vectors {where} ORDER BY {order} LIMIT ?",
            [value, *params, value, limit],
        ).fetchall()
        return [(int(row[0]), -float(row[1])) for row in rows]

    def add(self, items: Sequence[tuple[int, int, np.ndarray]]) -> None:
        """Committed vectors are already in the table (and its index)."""

    def save(self) -> None:
        """Nothing to write: PostgreSQL keeps the index."""

    def forget(self) -> None:
        """Nothing held in memory."""

    def loaded_vectors(self) -> int:
        return 0


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:2])


def _unwritable(folder: Path) -> str | None:
    """Why a writer could not keep files in ``folder`` (made if missing), or None."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return error.strerror or type(error).__name__
    return None if os.access(folder, os.W_OK) else "not writable"


def shard_folder(settings: IndexSettings, store_id: str) -> Path:
    """Where a PostgreSQL store's vector shards are cached on this machine: one folder per store."""
    return Path(settings.postgres_folder or cache_folder() / "vectors") / store_id


def drop_store(url: str, settings: IndexSettings | None = None) -> None:
    """Drop storyline's tables from the database at ``url`` (everything else in it stays), and this
    machine's cached shards of them."""
    connection = PgConnection(url)
    try:
        connection.execute("BEGIN")
        has_meta = connection.execute("SELECT to_regclass('meta') IS NOT NULL").fetchone() == (True,)
        store_id = connection.execute("SELECT value FROM meta WHERE key='store_id'").fetchone() if has_meta else None
        connection.execute(f"DROP TABLE IF EXISTS {', '.join(TABLES)} CASCADE")
        connection.execute("COMMIT")
    finally:
        connection.close()
    if store_id is not None:
        shutil.rmtree(shard_folder(settings or IndexSettings(), str(store_id[0])), ignore_errors=True)


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
