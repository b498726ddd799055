"""The PostgreSQL connection reads like sqlite3's: rows by name and by position, integers as the schema's
BIGINT, vectors as float32 arrays; lists of values as one array parameter where the dialect says so."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest

from storyline.store import open_store
from storyline.store.base import POSTGRESQL, SQLITE

ROW_SQL = "SELECT 1 AS a, 'x' AS b, 2.5 AS c"


def test_postgres_rows_read_by_name_position_and_slice_as_sqlite_rows_do(postgres) -> None:  # type: ignore[no-untyped-def]
    lite = sqlite3.connect(":memory:")
    lite.row_factory = sqlite3.Row
    expected = lite.execute(ROW_SQL).fetchone()
    with open_store(postgres.new_database()) as store:
        row = store._db.execute(ROW_SQL).fetchone()
    for key in ("a", "b", "c", 0, 1, 2, -1, -3):
        assert row[key] == expected[key], key
    assert row[1:] == tuple(expected[1:]) and row[:-1] == tuple(expected[:-1])
    assert tuple(row) == tuple(expected) and row.keys() == expected.keys() and dict(row) == dict(expected)
    with pytest.raises(KeyError):
        row["missing"]
    with pytest.raises(IndexError):
        row[3]


def test_postgres_sends_integers_as_the_schema_s_bigint_and_reads_vectors_as_float32_arrays(postgres) -> None:  # type: ignore[no-untyped-def]
    with open_store(postgres.new_database()) as store:
        assert store._db.execute("SELECT pg_typeof(?)::text", (7,)).fetchone()[0] == "bigint"
        assert store._db.execute("SELECT pg_typeof(?)::text", ([1, 2, 3],)).fetchone()[0] == "bigint[]"
        vector = np.asarray([0.25, -1.5, 3.0e-8], dtype=np.float32)
        read = store._db.execute("SELECT ?::vector", (vector,)).fetchone()[0]
    assert isinstance(read, np.ndarray) and read.dtype == np.float32 and np.array_equal(read, vector)


def test_postgres_sends_lists_in_binary_and_every_value_comes_back_as_it_was(postgres) -> None:  # type: ignore[no-untyped-def]
    """Lists go as binary arrays (the text form quotes each element in Python): quotes, backslashes,
    commas, braces, NULLs and empty lists arrive as they were."""
    from psycopg.adapt import PyFormat
    from psycopg.types.array import ListBinaryDumper

    awkward = ['a"b', "c\\d", "e,f", "{g}", None, "", "NULL", "Лавров"]
    with open_store(postgres.new_database()) as store:
        connection = store._db.raw
        assert connection.adapters.get_dumper(list, PyFormat.AUTO) is ListBinaryDumper
        assert store._db.execute("SELECT ?::text[]", (awkward,)).fetchone()[0] == awkward
        assert store._db.execute("SELECT cardinality(?::text[])", ([],)).fetchone()[0] == 0
        found = store._db.execute("SELECT x FROM unnest(?::text[]) AS x WHERE x = ANY(?)", (awkward, ["e,f", "c\\d"]))
        assert sorted(row[0] for row in found) == ["c\\d", "e,f"]


def test_a_list_of_values_is_placeholders_in_sqlite_and_one_typed_array_in_postgres() -> None:
    assert SQLITE.one_of("s.id", [3, 5], "bigint") == ("s.id IN (?,?)", [3, 5])
    assert POSTGRESQL.one_of("s.id", (3, 5), "bigint") == ("s.id = ANY(?::bigint[])", [[3, 5]])
    assert SQLITE.one_of("s.id", [], "bigint") == POSTGRESQL.one_of("s.id", [], "bigint") == ("1=0", [])
