"""A psycopg 3 connection that reads like ``sqlite3``'s, from a pool per database URL.

The store's queries are written once, with ``?`` placeholders, and read their rows by position
and by name. ``PgConnection`` translates the placeholders (``%s``), hands numpy scalars to the
driver as plain numbers, turns ``numeric`` results (PostgreSQL's SUM of integers) back into
``int``, and gives rows that behave like ``sqlite3.Row``. Connections come from one
``psycopg_pool.ConnectionPool`` per URL and process, so a web server's requests do not pay for
a new connection each.
"""

from __future__ import annotations

import itertools
import re
import threading
import weakref
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
import psycopg
from psycopg.adapt import Loader
from psycopg.pq import Format, TransactionStatus
from psycopg.types.array import ListBinaryDumper
from psycopg.types.numeric import Int8BinaryDumper, Int8Dumper
from psycopg_pool import ConnectionPool

from storyline.store.pg_bulk import BulkStatement, bulk_statement, number_marks, rounds

POOL_SIZE = 8  # connections per process and database: a web server's concurrent requests
CONNECT_SECONDS = 10.0
_POOLS: dict[str, ConnectionPool] = {}
_POOLS_LOCK = threading.Lock()
_WITH_VECTORS: weakref.WeakSet[psycopg.Connection[Any]] = weakref.WeakSet()
_BULK: weakref.WeakKeyDictionary[psycopg.Connection[Any], _BulkCache] = weakref.WeakKeyDictionary()


# A plain many-row insert (no ON CONFLICT, no RETURNING) goes as one COPY: the rows stream to the
# server in one command instead of one bind and execute each. Not vectors: COPY's text form would
# print every float (slower than binding them).
_PLAIN_INSERT = re.compile(r"INSERT INTO (\w+)(?: \(([\w, ]+)\))? VALUES \((?:\?,?\s*)+\)", re.IGNORECASE)
COPY_FROM_ROWS = 32
ROWS_AT_ONCE = 1024  # rows a cursor loads at a time when iterated


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
        rows = [plain_row(row) for row in parameters]
        if not rows:
            return
        many = len(rows) >= COPY_FROM_ROWS and not any(isinstance(v, np.ndarray) for v in rows[0])
        plain = _PLAIN_INSERT.fullmatch(sql.strip()) if many else None
        with self.raw.cursor() as cursor:
            if plain is not None:
                table, columns = plain.group(1), plain.group(2)
                target = f"{table} ({columns})" if columns else table
                with cursor.copy(f"COPY {target} FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                return
            bulk = self._bulk(cursor, sql) if many and self.in_transaction else None
            if bulk is None:
                cursor.executemany(placeholders(sql), rows)
                return
            _run_bulk(cursor, bulk, rows, next(_BULK[self.raw].uses))

    def _bulk(self, cursor: psycopg.Cursor[Any], sql: str) -> _Bulk | None:
        """The rewriting of a many-row statement for this connection, its rows' table ready (None: row by
        row). The parameters' types are asked of the server once per connection and statement."""
        cache = _BULK.setdefault(self.raw, _BulkCache())
        if sql not in cache.statements:
            cache.statements[sql] = _prepare_bulk(cursor, sql)  # creates the table
            return cache.statements[sql]
        bulk = cache.statements[sql]
        if bulk is not None:  # again each time: a rolled-back transaction takes a table it created along
            cursor.execute(bulk.create)
        return bulk

    def register_vectors(self) -> None:
        """Teach this connection pgvector's type (once the extension exists in the database)."""
        if self.raw not in _WITH_VECTORS:
            _teach_vectors(self.raw)

    def close(self) -> None:
        if self._conn is not None:
            self._pool.putconn(self._conn)  # the pool rolls back an open transaction and resets the session
            self._conn = None


@dataclass(frozen=True)
class _Bulk:
    statement: BulkStatement
    create: str  # the rows' temporary table, if it is not there
    run: str  # the rewritten statement, placeholders for the use and the round


@dataclass
class _BulkCache:
    statements: dict[str, _Bulk | None] = field(default_factory=dict)
    uses: Iterator[int] = field(default_factory=itertools.count)


def _prepare_bulk(cursor: psycopg.Cursor[Any], sql: str) -> _Bulk | None:
    """A many-row statement's rewriting with its parameters' types as the server infers them (from
    ``PREPARE``) and its rows' table created, in a savepoint: a statement the server cannot prepare
    untyped, or a role that may not create temporary tables, stays row by row."""
    statement = bulk_statement(sql)
    if statement is None:
        return None
    cursor.execute("SAVEPOINT storyline_bulk")
    try:
        if statement.needs_columns():
            cursor.execute(f"SELECT * FROM {statement.table} LIMIT 0")
            statement = statement.with_columns(tuple(column.name for column in cursor.description or ()))
        bulk = None if statement is None else _with_types(cursor, statement, sql)
        if bulk is not None:
            cursor.execute(bulk.create)
    except psycopg.Error:
        cursor.execute("ROLLBACK TO SAVEPOINT storyline_bulk")
        bulk = None
    cursor.execute("RELEASE SAVEPOINT storyline_bulk")
    return bulk


def _with_types(cursor: psycopg.Cursor[Any], statement: BulkStatement, sql: str) -> _Bulk | None:
    cursor.execute(f"PREPARE storyline_bulk_probe AS {_dollars(sql)}")
    cursor.execute(
        "SELECT format_type(t, NULL) FROM pg_prepared_statements, unnest(parameter_types::oid[])"
        " WITH ORDINALITY AS u(t, n) WHERE name='storyline_bulk_probe' ORDER BY n"
    )
    types = [row[0] for row in cursor.fetchall()]
    cursor.execute("DEALLOCATE storyline_bulk_probe")
    if len(types) != statement.parameters or "unknown" in types:
        return None
    table = statement.rows_table
    columns = ", ".join(f"_p{number} {kind}" for number, kind in enumerate(types, 1))
    return _Bulk(
        statement,
        f"CREATE TEMP TABLE IF NOT EXISTS {table} (_use bigint, _round int, _seq int, {columns}) ON COMMIT DELETE ROWS",
        placeholders(statement.rewritten.replace("{rows}", table)),
    )


def _run_bulk(cursor: psycopg.Cursor[Any], bulk: _Bulk, rows: list[Sequence[Any]], use: int) -> None:
    """The rows into the statement's temporary table (one COPY), then the statement once per round."""
    round_of = rounds(rows, bulk.statement.key)
    with cursor.copy(f"COPY {bulk.statement.rows_table} FROM STDIN") as copy:
        for seq, (row, number) in enumerate(zip(rows, round_of, strict=True)):
            copy.write_row((use, number, seq, *row))
    for number in range(max(round_of) + 1):
        cursor.execute(bulk.run, (use, number))


def _dollars(sql: str) -> str:
    """``?`` outside quotes as ``$1``, ``$2``...: the form ``PREPARE`` takes."""
    return number_marks(sql, lambda number: f"${number}")[0]


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


class _Cursor(psycopg.Cursor[Any]):
    """A cursor iterated a chunk of rows at a time: psycopg's own iteration loads each row with a call
    of its own (3,563 rows: 3.5 -> 2.2 ms), and reading all at once would hold every row of a long
    result in memory."""

    def __iter__(self) -> Iterator[Any]:  # type: ignore[override]  # (psycopg's cursor is its own iterator)
        while rows := self.fetchmany(ROWS_AT_ONCE):
            yield from rows


def _configure(connection: psycopg.Connection[Any]) -> None:
    connection.cursor_factory = _Cursor
    connection.row_factory = _row_factory
    connection.adapters.register_loader("numeric", _NumericLoader)
    # Every integer column is BIGINT (store/schema.py); psycopg would send a small number as a smallint,
    # and a list of ids as a smallint[] or int[], which the planner must compare across types.
    connection.adapters.register_dumper(int, Int8Dumper)
    connection.adapters.register_dumper(int, Int8BinaryDumper)
    # Lists (ids and keys sent as one array) in binary: the text form quotes each element with a regular
    # expression in Python (169,000 elements in a writer's three batches: 280 -> 166 ms under cProfile).
    connection.adapters.register_dumper(list, ListBinaryDumper)
    if connection.execute("SELECT 1 FROM pg_type WHERE typname='vector'").fetchone():
        _teach_vectors(connection)


def _teach_vectors(connection: psycopg.Connection[Any]) -> None:
    """pgvector's adapters, with vectors read in binary straight into float32 arrays."""
    from pgvector.psycopg import register_vector

    register_vector(connection)
    oid = connection.adapters.types["vector"].oid
    connection.adapters.register_loader(oid, _VectorLoader)
    _WITH_VECTORS.add(connection)


class _VectorLoader(Loader):
    """pgvector's binary form (dimensions, a reserved word, big-endian floats) as a float32 array: one
    copy, where pgvector's own loader builds a ``Vector`` that the store then turned into an array (843
    vectors of a large story's page: 4.7 -> 0.9 ms)."""

    format = Format.BINARY

    def load(self, data: Any) -> np.ndarray:
        dimensions = int.from_bytes(data[:2], "big")
        return np.frombuffer(data, dtype=">f4", count=dimensions, offset=4).astype(np.float32)


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
    return number_marks(sql.replace("%", "%%"), lambda _number: "%s")[0]


_AS_IS = frozenset({str, int, float, bytes, type(None)})  # most values: passed on after one set look-up


def plain_row(row: Sequence[Any]) -> Sequence[Any]:
    """A row as psycopg takes it: as it is where every value is of a plain type (one look-up of their
    types, in C: most rows), else each value through ``plain_value``."""
    return row if _AS_IS.issuperset(map(type, row)) else [plain_value(value) for value in row]


def plain_value(value: Any) -> Any:
    """What psycopg takes: numpy scalars as Python numbers, booleans as the integers the schema stores."""
    if type(value) in _AS_IS:
        return value
    if isinstance(value, bool | np.bool_):
        return int(value)
    if isinstance(value, np.generic):
        return value.item()
    return value


@lru_cache(maxsize=1024)
def _row_class(names: tuple[str, ...]) -> type[tuple[Any, ...]]:
    # Each name and each position (negative ones too) to its position: one look-up for any key (a page
    # reads 30,000 values by name from a large story's rows).
    positions: dict[Any, int] = {name: number for number, name in enumerate(names)}
    positions.update((number, number % len(names)) for number in range(-len(names), len(names)))
    item = tuple.__getitem__

    class Row(tuple[Any, ...]):
        """A result row read by position or by column name, like ``sqlite3.Row``."""

        __slots__ = ()

        def __getitem__(self, key: Any) -> Any:
            try:
                return item(self, positions[key])
            except (KeyError, TypeError):  # a slice (unhashable), a position past the end, a name not there
                if isinstance(key, str):
                    raise KeyError(key) from None
                return item(self, key)

        def keys(self) -> list[str]:
            return list(names)

    return Row


def _row_factory(cursor: psycopg.Cursor[Any]) -> Any:
    if cursor.description is None:
        return tuple
    return _row_class(tuple(column.name for column in cursor.description))
