"""A psycopg 3 connection that reads like ``sqlite3``'s, from a pool per database URL.

The store's queries are written once, with ``?`` placeholders, and read their rows by position
and by name. ``PgConnection`` translates the placeholders (``%s``), hands numpy scalars to the
driver as plain numbers, turns ``numeric`` results (PostgreSQL's SUM of integers) back into
``int``, and gives rows that behave like ``sqlite3.Row``. Connections come from one
``psycopg_pool.ConnectionPool`` per URL and process, so a web server's requests do not pay for
a new connection each.
"""

from __future__ import annotations

import re
import threading
import weakref
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import psycopg
from psycopg.adapt import Loader
from psycopg.pq import TransactionStatus
from psycopg_pool import ConnectionPool

POOL_SIZE = 8  # connections per process and database: a web server's concurrent requests
CONNECT_SECONDS = 10.0
_POOLS: dict[str, ConnectionPool] = {}
_POOLS_LOCK = threading.Lock()
_WITH_VECTORS: weakref.WeakSet[psycopg.Connection[Any]] = weakref.WeakSet()


# A plain many-row insert (no ON CONFLICT, no RETURNING) goes as one COPY: the rows stream to the
# server in one command instead of one bind and execute each. Not vectors: COPY's text form would
# print every float (slower than binding them).
_PLAIN_INSERT = re.compile(r"INSERT INTO (\w+)(?: \(([\w, ]+)\))? VALUES \((?:\?,?\s*)+\)", re.IGNORECASE)
COPY_FROM_ROWS = 32


class PgConnection:
    """One pooled connection, borrowed until ``close``; autocommit, with explicit BEGIN/COMMIT
    as the store issues them (as with ``sqlite3`` in ``isolation_level=None`` mode)."""

    def __init__(self, url: str) -> None:
        self._pool = pool_for(url)
        self._conn: psycopg.Connection[Any] | None = self._pool.getconn(timeout=CONNECT_SECONDS)

    @property
    def raw(self) -> psycopg.Connection[Any]:
        if self._conn is None:
            raise psycopg.InterfaceError("the store is closed")
        return self._conn

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> psycopg.Cursor[Any]:
        # Results in binary: a vector arrives as its 4-byte floats, not as text to parse (600 vectors: 200 ms
        # in text); every other column the store reads loads the same either way.
        return self.raw.execute(placeholders(sql), [plain_value(value) for value in parameters], binary=True)

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]]) -> None:
        rows = [[plain_value(value) for value in row] for row in parameters]
        if not rows:
            return
        plain = _PLAIN_INSERT.fullmatch(sql.strip())
        with self.raw.cursor() as cursor:
            if plain is None or len(rows) < COPY_FROM_ROWS or any(isinstance(v, np.ndarray) for v in rows[0]):
                cursor.executemany(placeholders(sql), rows)
                return
            table, columns = plain.group(1), plain.group(2)
            target = f"{table} ({columns})" if columns else table
            with cursor.copy(f"COPY {target} FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)

    def register_vectors(self) -> None:
        """Teach this connection pgvector's type (once the extension exists in the database)."""
        if self.raw not in _WITH_VECTORS:
            from pgvector.psycopg import register_vector

            register_vector(self.raw)
            _WITH_VECTORS.add(self.raw)

    def close(self) -> None:
        if self._conn is not None:
            self._pool.putconn(self._conn)  # the pool rolls back an open transaction and resets the session
            self._conn = None


def pool_for(url: str) -> ConnectionPool:
    """This process's pool for ``url`` (opened on first use; psycopg.OperationalError if the
    server cannot be reached)."""
    with _POOLS_LOCK:
        pool = _POOLS.get(url)
        if pool is None:
            psycopg.connect(url, connect_timeout=int(CONNECT_SECONDS)).close()  # fails at once, with the reason
            pool = ConnectionPool(
                url,
                min_size=1,
                max_size=POOL_SIZE,
                kwargs={"autocommit": True},
                configure=_configure,
                reset=_reset,
                check=ConnectionPool.check_connection,
                open=False,
                name="storyline",
            )
            pool.open(wait=True, timeout=CONNECT_SECONDS)
            _POOLS[url] = pool
        return pool


def close_pool(url: str) -> None:
    """Close this process's pool for ``url``, if it has one."""
    with _POOLS_LOCK:
        pool = _POOLS.pop(url, None)
    if pool is not None:
        pool.close()


def close_pools() -> None:
    """Close every pool of this process (tests, and the end of a server's life)."""
    with _POOLS_LOCK:
        for pool in _POOLS.values():
            pool.close()
        _POOLS.clear()


def _configure(connection: psycopg.Connection[Any]) -> None:
    connection.row_factory = _row_factory
    connection.adapters.register_loader("numeric", _NumericLoader)
    if connection.execute("SELECT 1 FROM pg_type WHERE typname='vector'").fetchone():
        from pgvector.psycopg import register_vector

        register_vector(connection)
        _WITH_VECTORS.add(connection)


def _reset(connection: psycopg.Connection[Any]) -> None:
    connection.execute("SELECT pg_advisory_unlock_all()")  # a writer lock never outlives its borrower


class _NumericLoader(Loader):
    """SUM() of integers is ``numeric`` in PostgreSQL: an int when whole, else a float (as SQLite gives)."""

    def load(self, data: Any) -> int | float:
        text = bytes(data).decode("ascii")
        return float(text) if any(mark in text for mark in ".eEN") else int(text)


@lru_cache(maxsize=2048)
def placeholders(sql: str) -> str:
    """``?`` outside quotes becomes ``%s``; a literal ``%`` becomes ``%%``."""
    out: list[str] = []
    quote: str | None = None
    for char in sql:
        if quote:
            if char == quote:
                quote = None
        elif char in "'\"":
            quote = char
        elif char == "?":
            out.append("%s")
            continue
        out.append("%%" if char == "%" else char)
    return "".join(out)


def plain_value(value: Any) -> Any:
    """What psycopg takes: numpy scalars as Python numbers, booleans as the integers the schema stores."""
    if isinstance(value, bool | np.bool_):
        return int(value)
    if isinstance(value, np.generic):
        return value.item()
    return value


@lru_cache(maxsize=1024)
def _row_class(names: tuple[str, ...]) -> type[tuple[Any, ...]]:
    positions = {name: number for number, name in enumerate(names)}

    class Row(tuple[Any, ...]):
        """A result row read by position or by column name, like ``sqlite3.Row``."""

        __slots__ = ()

        def __getitem__(self, key: Any) -> Any:
            if isinstance(key, str):
                return tuple.__getitem__(self, positions[key])
            return tuple.__getitem__(self, key)

        def keys(self) -> list[str]:
            return list(names)

    return Row


def _row_factory(cursor: psycopg.Cursor[Any]) -> Any:
    if cursor.description is None:
        return tuple
    return _row_class(tuple(column.name for column in cursor.description))
