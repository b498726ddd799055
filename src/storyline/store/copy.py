"""Copy a whole store into an empty one, whatever the two backends (a laptop's SQLite file into the
newsroom's PostgreSQL, or back): every row, every id, in one transaction of the target.

Every table is copied as it is, so stories, storylines and entities keep their ids and nothing is
recomputed. What the target derives by itself is left to it: its full-text index, PostgreSQL's
order column of entity mentions (in the source's order), and its own store identity. Surnames whose
bare mentions were waiting to be relinked start again from their first mention.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from storyline.store.schema import SCHEMA_TEXT
from storyline.store.sql_store import SqlStore

TABLES = tuple(re.findall(r"CREATE TABLE IF NOT EXISTS (\w+)", SCHEMA_TEXT))
DERIVED_COLUMNS = {"words", "rowid"}  # PostgreSQL's generated columns: the target makes its own
KEPT_META = {"schema_version", "store_id"}  # the target's own
ROWS_PER_CHUNK = 2000
IN_ORDER = {"article_entities": "rowid", "articles": "seq"}  # the order the target must see them in


class CopyError(ValueError):
    """The copy cannot start (the target is not empty); the message says why in one line."""


def copy_store(source: SqlStore, target: SqlStore, on_rows: Callable[[int], None] = lambda _n: None) -> dict[str, int]:
    """Copy every row of ``source`` into the empty ``target``; returns the rows copied per table."""
    if target.counts()["articles"]:
        raise CopyError(f"{target.location}: not empty; copy into a new store")
    copied: dict[str, int] = {}
    with source.snapshot(), target.transaction():
        for table in TABLES:
            columns = _shared_columns(source, target, table)
            copied[table] = 0
            for chunk in _chunks(source, table, columns):
                target.write_rows(table, columns, chunk)
                copied[table] += len(chunk)
                on_rows(len(chunk))
        target.after_copy()
    return copied


def _shared_columns(source: SqlStore, target: SqlStore, table: str) -> list[str]:
    theirs = set(target.column_names(table))
    return [column for column in source.column_names(table) if column in theirs and column not in DERIVED_COLUMNS]


def _chunks(source: SqlStore, table: str, columns: list[str]) -> Iterator[list[tuple[Any, ...]]]:
    order = f" ORDER BY {IN_ORDER[table]}" if table in IN_ORDER else ""
    where = f" WHERE key NOT IN ({', '.join(repr(key) for key in sorted(KEPT_META))})" if table == "meta" else ""
    vector = columns.index("vector") if table == "article_vectors" else None
    after = columns.index("after_seq") if table == "relink_queue" else None
    chunk: list[tuple[Any, ...]] = []
    for row in source._db.execute(f"SELECT {', '.join(columns)} FROM {table}{where}{order}"):
        values = list(row)
        if vector is not None:
            values[vector] = source._vector_of(values[vector])
        if after is not None:
            values[after] = 0  # mention numbers are the source's: start the surname over
        chunk.append(tuple(values))
        if len(chunk) >= ROWS_PER_CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
