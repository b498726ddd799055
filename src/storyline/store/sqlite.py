"""The SQLite store: one file, WAL mode, one writer, FTS5 search, vector shards beside the file.

Every write of an ingest batch happens in one transaction, so an interrupted ingest leaves
the store as it was after the last whole batch.
"""

from __future__ import annotations

import contextlib
import os
import random
import sqlite3
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storyline.settings import IndexSettings
from storyline.stages.chinese import has_han, unspaced
from storyline.store.base import SQLITE
from storyline.store.errors import LINKER_BUSY, NO_STORE_HINT, StoreError
from storyline.store.lock import writer_lock
from storyline.store.migrations import MIGRATIONS, migrate, run_script
from storyline.store.schema import SCHEMA_TEXT, SCHEMA_VERSION, render_schema
from storyline.store.sql_store import SEARCH_COLUMNS, SqlStore, search_terms
from storyline.store.transaction import Transaction
from storyline.store.vector_index import VectorIndex

OPEN_SECONDS = 30.0  # how long opening waits for another process that holds the file (SQLite's own timeout)
CACHE_KIB = 32 * 1024  # SQLite's page cache per connection (grows as used)
CHECKPOINT_PAGES = 4000  # WAL pages between checkpoints: pages written by several batches are copied back once
WAL_KEPT_BYTES = 4096 * CHECKPOINT_PAGES  # the WAL file's size when it starts over, checkpointed automatically
# A writer's WAL past this is started over (a writer that never pauses otherwise keeps it growing: a
# 200,000-article build left 4.2 GB beside a 3.2 GB store): about every 250 articles ingested one at a
# time, every 12,000 in batches. The file is kept at its size meanwhile (SQLite writes over it from the
# start): cutting 240 MB off it at each start took that write 110-190 ms.
WAL_RESTART_BYTES = 256 << 20
# Seconds between the thread's passive checkpoints (a pass with nothing new to copy costs nothing).
CHECKPOINT_SECONDS = 0.25
# Seconds between its passes once the WAL is past the bound: one of them then falls between two of the
# writer's transactions (its grouping, outside them, takes 10-20 ms an article) and copies everything
# back, so that the next write starts the WAL over without copying anything itself.
URGENT_CHECKPOINT_SECONDS = 0.005
LOWEST_PRIORITY = 19  # the checkpoints' thread's nice value


class SQLiteStore(SqlStore):
    """A store in one SQLite file."""

    _sql = SQLITE

    def __init__(self, path: str | Path, any_thread: bool = False, read_only: bool = False) -> None:
        """Open (creating or upgrading) the store. ``any_thread``: the connection may be handed
        between threads, as a web server does with one request's work; it is never shared by two at once.
        ``read_only``: open an existing store without writing anything (StoreError when there is none)."""
        self.path = Path(path)
        self.location = str(path)
        self._vectors: VectorIndex | None = None
        self._checkpointing = 0  # background_checkpoints entered and not yet left
        self._restart_bytes = WAL_RESTART_BYTES
        self._wal_bytes = 0  # what the WAL held at the thread's last checkpoint
        if read_only and not self.path.is_file():
            raise StoreError(f"{self.path}: no store here; {NO_STORE_HINT}")
        try:
            self._db = sqlite3.connect(
                _read_only_uri(self.path) if read_only else str(self.path),
                timeout=OPEN_SECONDS,
                isolation_level=None,
                check_same_thread=not any_thread,
                uri=read_only,
            )
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: cannot open store ({error})") from error
        try:
            self._prepare(read_only)
        except sqlite3.DatabaseError as error:
            self._db.close()
            raise StoreError(f"{self.path}: cannot open store ({error})") from error
        except BaseException:
            # a store that is not opened holds no connection: one left open (a read-only look at a store
            # of an older schema, before its upgrade) kept the upgrade's WAL from being copied back and
            # removed when the store closed
            self._db.close()
            raise

    def _prepare(self, read_only: bool) -> None:
        self._db.row_factory = sqlite3.Row
        if read_only:
            self._check_readable()
            return
        self._switch_to_wal()
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        self._db.execute(f"PRAGMA wal_autocheckpoint={CHECKPOINT_PAGES}")
        self._db.execute(f"PRAGMA journal_size_limit={WAL_KEPT_BYTES}")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._prepare_schema()

    def close(self) -> None:
        self._db.close()

    def _switch_to_wal(self) -> None:
        """Put the file in WAL mode. Two processes opening a new store at once both ask for it, and
        SQLite answers one of them "database is locked" at once, without waiting (it needs the file
        alone, and waiting could deadlock): that one asks again until ``OPEN_SECONDS`` have passed."""
        deadline = time.monotonic() + OPEN_SECONDS
        while True:
            try:
                self._db.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(random.uniform(0.01, 0.1))

    def _check_readable(self) -> None:
        """A read-only store must be a store of this schema: it cannot be created or upgraded here."""
        self._db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        self._require_current_schema(
            self._schema_version(),
            missing="no store here (an empty file)",
            upgrade=f"upgrade it to {SCHEMA_VERSION} with write access (storyline check --db {self.path})",
        )

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
                run_script(self._db, render_schema("sqlite"))
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
        self._refuse_newer(version)
        return version

    def _migrate(self, version: int) -> None:
        """Upgrade an older store inside the caller's transaction: all the way, or not at all."""
        if any(step not in MIGRATIONS for step in range(version, SCHEMA_VERSION)):
            raise StoreError(f"{self.path}: store has schema {version} and no migration to {SCHEMA_VERSION} exists")
        try:
            notices = migrate(
                self._db,
                version,
                SCHEMA_VERSION,
                render_schema("sqlite", SCHEMA_TEXT),
                self.rebuild_entities,
                split_storylines=self.split_storylines_in_pieces,
                rename_entities=self.rename_entities,
                rekey_mentions=self.rekey_mentions,
                index_words=self.index_words,
            )
            self.upgrade_notices = tuple(notices)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: cannot upgrade store from schema {version} ({error})") from error

    # ---- what SQLite does its own way ----------------------------------------------------------

    def vector_index(self, dim: int, settings: IndexSettings | None = None) -> VectorIndex:
        """The story index's vector shards, in the folder beside the store."""
        if self._vectors is None or self._vectors.dim != dim:
            identity = str(self._meta("store_id"))
            self._vectors = VectorIndex(self.index_folder, dim, identity, self, settings or IndexSettings())
        return self._vectors

    @property
    def index_folder(self) -> Path:
        return Path(f"{self.path}.index")

    @contextlib.contextmanager
    def writing(self, wait_seconds: float = 0.0) -> Iterator[None]:
        """Be the store's only writer for the duration (StoreBusy if another one is)."""
        with writer_lock(self.path, wait_seconds):
            yield

    @contextlib.contextmanager
    def linking(self, wait_seconds: float = 0.0) -> Iterator[None]:
        with writer_lock(self.path, wait_seconds, ".link.lock", LINKER_BUSY):
            yield

    @contextlib.contextmanager
    def background_checkpoints(
        self, every_seconds: float = CHECKPOINT_SECONDS, restart_bytes: int = WAL_RESTART_BYTES
    ) -> Iterator[None]:
        """For a writer: the WAL is copied back into the store by a thread of its own (SQLite works
        outside Python's lock), so no commit waits for a checkpoint. Nested uses share the outer one.

        A passive checkpoint never waits, but SQLite starts the WAL over only when a write begins with
        every frame copied back, which a writer that never pauses for long does not allow: the file
        would grow without end. Once the WAL holds more than ``restart_bytes`` the thread's passes come
        every few milliseconds, until one falls between two transactions; should none in twice that
        (a writer with no gaps at all), the writer's next transaction copies the rest itself first
        (``transaction``). Either way the next write starts the WAL over."""
        if self._checkpointing:
            self._checkpointing += 1
            try:
                yield
            finally:
                self._checkpointing -= 1
            return
        self._db.execute("PRAGMA wal_autocheckpoint=0")
        self._db.execute(f"PRAGMA journal_size_limit={2 * restart_bytes}")
        frame_bytes = 24 + self._db.execute("PRAGMA page_size").fetchone()[0]
        stop = threading.Event()

        def checkpoint() -> None:
            connection = sqlite3.connect(str(self.path), timeout=30.0)
            _yield_to_the_writer()
            try:
                while not stop.wait(every_seconds if self._wal_bytes <= restart_bytes else URGENT_CHECKPOINT_SECONDS):
                    _busy, frames, _copied = connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                    self._wal_bytes = frames * frame_bytes
                connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
            finally:
                connection.close()

        thread = threading.Thread(target=checkpoint, name="storyline-checkpoints", daemon=True)
        thread.start()
        self._checkpointing = 1
        self._restart_bytes = restart_bytes
        try:
            yield
        finally:
            self._checkpointing = 0
            stop.set()
            thread.join()
            self._db.execute(f"PRAGMA wal_autocheckpoint={CHECKPOINT_PAGES}")
            self._db.execute(f"PRAGMA journal_size_limit={WAL_KEPT_BYTES}")

    def transaction(self) -> Transaction:
        """One write transaction; with background checkpoints, one that starts the WAL over when it has
        grown past twice their ``restart_bytes`` (the thread found no gap between transactions): the
        thread has copied nearly all of it back, the few pages left are copied here, and SQLite then
        writes from the WAL's start (no lock is waited for)."""
        if self._checkpointing and not self._db.in_transaction and self._wal_bytes > 2 * self._restart_bytes:
            self._db.execute("PRAGMA wal_checkpoint(PASSIVE)")
            self._wal_bytes = 0  # until the thread's next look: the WAL starts over with this write
        return super().transaction()

    def _integrity_problems(self) -> list[str]:
        found = [row[0] for row in self._db.execute("PRAGMA integrity_check")]
        return [f"integrity: {line}" for line in found if line != "ok"][:20]

    def search(self, query: str, limit: int = 20, snippets: bool = True) -> list[dict[str, Any]]:
        """Full-text matches, best first, each with its story (and a snippet unless not wanted). A query
        in Chinese is matched against the words of the Chinese articles (``article_words``)."""
        table, column = ("article_words_fts", 0) if has_han(query) else ("articles_fts", 1)
        snippet = f"snippet({table}, {column}, '[', ']', ' … ', 12)" if snippets else "''"
        return [
            {**dict(row), "snippet": unspaced(row["snippet"])} if table != "articles_fts" else dict(row)
            for row in self._db.execute(
                f"SELECT {SEARCH_COLUMNS}, {snippet} AS snippet"
                f" FROM {table} JOIN articles a ON a.seq={table}.rowid"
                " LEFT JOIN memberships m ON m.article_id=a.id LEFT JOIN stories s ON s.id=m.story_id"
                f" WHERE {table} MATCH ? ORDER BY rank LIMIT ?",
                (fts_query(query), limit),
            )
        ]


def fts_query(text: str) -> str:
    """User words as an FTS5 query: each word quoted (no syntax errors), all required."""
    return " ".join(f'"{term}"*' if prefix else f'"{term}"' for term, prefix in search_terms(text)) or '""'


def _yield_to_the_writer() -> None:
    """Run the calling thread (the checkpoints') at the lowest priority, where the system allows one
    thread its own (Linux): copying pages back competed with the writer for two cores, a third of the
    map work's p99 in a long-running writer (docs/benchmarks.md). Best effort: nothing else changes."""
    if not sys.platform.startswith("linux"):
        return  # elsewhere the call's id would name a process
    with contextlib.suppress(OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), LOWEST_PRIORITY)


def _read_only_uri(path: Path) -> str:
    """A URI that opens the file without writing: read-only, and immutable where nothing can write it
    (read-only media, another user's file), since SQLite would otherwise need to write its WAL index."""
    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    return f"{path.resolve().as_uri()}?mode=ro" + ("" if writable else "&immutable=1")
