"""What the parts of ``Store`` share: the connection, the SQL that differs between databases,
and chunked id queries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

CHUNK = 500  # ids per query: well under SQLite's limit on bound parameters
NO_LIMIT = 2**62  # LIMIT for "all rows" that both databases accept
# A list narrowed to at most this many rows reads them all and sorts them; more, and it walks a date
# index newest first, keeping the rows that qualify, which stops after one page.
SORT_LIMIT = 2_000


def member_of(outer: str, table: str, key: str, member: str, walk: bool) -> str:
    """SQL: ``outer`` is one of the ``member`` values of the ``table`` rows whose ``key`` is the one
    parameter. ``walk``: written as EXISTS, so that the database walks the outer rows in index order
    and tests each (cheap when many match); else as IN, every member read first (cheap when few do)."""
    if walk:
        return f"EXISTS (SELECT 1 FROM {table} x WHERE x.{key}=? AND x.{member}={outer})"
    return f"{outer} IN (SELECT {member} FROM {table} WHERE {key}=?)"


def row_dict(row: Any) -> dict[str, Any]:
    """A result row as a dict of its columns: one pass over its names and values together, where
    ``dict(row)`` asks the row for each name in turn (in Python, for a PostgreSQL row: a large story's
    page turned 12,000 values into dicts that way)."""
    return dict(zip(row.keys(), row, strict=True))


class Cursor(Protocol):
    rowcount: int

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """A DB-API connection with ``?`` placeholders whose rows read by position and by name:
    ``sqlite3.Connection`` (with ``sqlite3.Row``) or ``pg_connection.PgConnection``."""

    @property
    def in_transaction(self) -> bool: ...

    def execute(self, sql: str, parameters: Sequence[Any] = ...) -> Any: ...

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]]) -> Any: ...


@dataclass(frozen=True)
class Dialect:
    """The SQL fragments that differ between SQLite and PostgreSQL (everything else is shared)."""

    name: str
    begin_write: tuple[str, ...]  # statements that open a write transaction
    begin_read: str  # the statement that opens a read snapshot
    is_not: str  # NULL-safe "differs from"
    aggregate_text: str  # the text-joining aggregate
    nocase: str  # "{column}" compared with one parameter, ignoring case
    ordered_join: str  # a join whose left side stays the outer loop
    array_lists: bool = False  # a list of values is one array parameter (one plan for any length)

    def joined(self, expression: str) -> str:
        return f"{self.aggregate_text}({expression}, ', ')"

    def one_of(self, column: str, values: Sequence[Any], kind: str) -> tuple[str, list[Any]]:
        """SQL testing that ``column`` (of SQL type ``kind`` in PostgreSQL) is one of ``values``, and its
        parameters: one placeholder per value (SQLite), or one array of the column's type (PostgreSQL,
        which parsed and planned a list of 1,351 placeholders anew for each length: a searched front page's
        stories 9.2 -> 3.6 ms; an array of another integer type than the column's gets a slower plan)."""
        if not values:
            return "1=0", []
        if self.array_lists:
            return f"{column} = ANY(?::{kind}[])", [list(values)]
        return f"{column} IN ({','.join('?' * len(values))})", list(values)

    def nocase_equals(self, column: str) -> str:
        return self.nocase.format(column=column)


SQLITE = Dialect(
    name="sqlite",
    # Rows of one batch point at each other (a membership at its new story): foreign keys checked at commit.
    begin_write=("BEGIN IMMEDIATE", "PRAGMA defer_foreign_keys=ON"),
    begin_read="BEGIN",  # WAL: the snapshot starts at the first read
    is_not="IS NOT",
    aggregate_text="group_concat",
    nocase="{column}=? COLLATE NOCASE",
    ordered_join="CROSS JOIN",
)
POSTGRESQL = Dialect(
    name="postgresql",
    begin_write=("BEGIN",),  # the schema declares its foreign keys DEFERRABLE INITIALLY DEFERRED
    begin_read="BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
    is_not="IS DISTINCT FROM",
    aggregate_text="string_agg",
    nocase="lower({column})=lower(?)",
    ordered_join="JOIN",
    array_lists=True,
)


class StoreBase:
    _db: Any  # a Connection (Any: sqlite3's and the adapter's signatures differ in detail)
    _sql: Dialect = SQLITE

    def _rows_for_ids(self, sql: str, ids: Sequence[Any]) -> Iterator[Any]:
        """Run ``sql`` (with a ``{marks}`` placeholder) over ids in chunks SQLite accepts."""
        for statement, chunk in _chunked(sql, ids):
            yield from self._db.execute(statement, chunk)

    def _execute_for_ids(self, sql: str, ids: Sequence[Any]) -> None:
        """Run a statement that returns no rows (with a ``{marks}`` placeholder) over ids in chunks."""
        for statement, chunk in _chunked(sql, ids):
            self._db.execute(statement, chunk)

    def _rows_for_pairs(self, sql: str, columns: tuple[str, str], pairs: Sequence[tuple[Any, Any]]) -> Iterator[Any]:
        """Run ``sql`` (with a ``{pairs}`` placeholder) for exactly these (first, second) column pairs,
        in chunks: each pair one index look-up, however many rows share its first column."""
        first, second = columns
        per_chunk = CHUNK // 2
        for start in range(0, len(pairs), per_chunk):
            chunk = list(pairs[start : start + per_chunk])
            condition = " OR ".join([f"({first}=? AND {second}=?)"] * len(chunk))
            yield from self._db.execute(sql.format(pairs=condition), [value for pair in chunk for value in pair])

    def _meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def story_count(self) -> int:
        """The stories in the store, as the writer counts them (``COUNT(*)`` walks a whole index on
        PostgreSQL: 11 ms of a 26 ms front page at 117,000 stories)."""
        return int(self._meta("stories") or 0)

    def _add_to_meta(self, key: str, number: int) -> None:
        """Add to a count kept in ``meta`` (one statement, however many rows were counted)."""
        if number:
            self._db.execute(
                "UPDATE meta SET value=CAST(CAST(value AS INTEGER) + ? AS TEXT) WHERE key=?", (number, key)
            )

    def _set_meta(self, key: str, value: object) -> None:
        self._db.execute(
            "INSERT INTO meta VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value", (key, str(value))
        )

    def _vector_of(self, stored: Any) -> np.ndarray:
        """An article vector as the database returns it (float32 bytes in SQLite)."""
        return np.frombuffer(stored, dtype=np.float32)

    def _vector_value(self, vector: np.ndarray) -> Any:
        """An article vector as the database stores it."""
        return vector.astype(np.float32).tobytes()


def to_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _chunked(sql: str, ids: Sequence[Any]) -> Iterator[tuple[str, list[Any]]]:
    """``sql`` with its ``{marks}`` placeholder filled for each chunk of ids SQLite accepts, and the chunk."""
    for start in range(0, len(ids), CHUNK):
        chunk = list(ids[start : start + CHUNK])
        yield sql.format(marks=",".join("?" * len(chunk))), chunk
