"""Many-row writes on PostgreSQL through a temporary table (store/pg_bulk.py): the same rows as one
statement per row would leave, which SQLite (one statement per row) shows."""

from __future__ import annotations

import random
import sqlite3
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from storyline.store import pg_connection
from storyline.store.pg_bulk import bulk_statement, rounds
from storyline.store.pg_connection import PgConnection

UPSERT = "INSERT INTO counts VALUES (?,?,?) ON CONFLICT(key, day) DO UPDATE SET n=counts.n+excluded.n"
NEW_ITEMS = "INSERT INTO items (identity, n, note) VALUES (?, 0, '50% ?') ON CONFLICT(identity) DO NOTHING"
ADD = "UPDATE items SET n=n+?, note=note||? WHERE identity=?"
DROP = "DELETE FROM counts WHERE key=? AND n<=?"


def test_bulk_statement_finds_each_upsert_s_key_among_its_parameters() -> None:
    upsert = bulk_statement(UPSERT)
    assert upsert is not None and upsert.needs_columns()  # no column list: the table's columns say
    keyed = upsert.with_columns(("key", "day", "n"))
    assert keyed is not None and keyed.key == (1, 2)
    assert upsert.with_columns(("day", "n")) is None  # columns that do not match the values
    named = bulk_statement("INSERT INTO t (a, b, c) VALUES (?, 1, ?) ON CONFLICT(c) DO UPDATE SET a=excluded.a")
    assert named is not None and named.key == (2,) and named.parameters == 2
    assert (
        bulk_statement("INSERT INTO t (a, b) VALUES (?, 1) ON CONFLICT(b) DO UPDATE SET a=1") is None
    )  # a constant key
    nothing = bulk_statement(NEW_ITEMS)
    assert nothing is not None and nothing.key is None and nothing.parameters == 1  # '50% ?' is no parameter
    update = bulk_statement(ADD)
    assert update is not None and update.key == (3,) and update.parameters == 3
    plain = bulk_statement("INSERT INTO t (a, b, c) VALUES (?, 0, f(?, 1))")  # no conflict: no key
    assert plain is not None and plain.key is None and plain.values == ("?1", "0", "f(_bulk_rows._p2, 1)")
    ends = bulk_statement("INSERT INTO t VALUES (?, ?) ON CONFLICT(a) DO UPDATE SET b=max(t.b, excluded.b)")
    assert ends is not None and ends.with_columns(("a", "b")) is not None
    delete = bulk_statement(DROP)
    assert delete is not None and delete.key is None


def test_bulk_statement_leaves_other_shapes_row_by_row() -> None:
    for sql in (
        "INSERT INTO t VALUES (?,?) ON CONFLICT(a) DO UPDATE SET b=excluded.b RETURNING a",
        "UPDATE t SET a=? WHERE b IN (SELECT c FROM u WHERE d=?)",
        "UPDATE t SET a=? WHERE b>?",
        "DELETE FROM t WHERE a IN (?, ?)",
        "SELECT * FROM t WHERE a=?",
    ):
        assert bulk_statement(sql) is None, sql


def test_rounds_put_rows_of_one_key_in_turn() -> None:
    rows: list[list[object]] = [["a", 1, 5], ["b", 1, 6], ["a", 1, 7], ["a", 2, 8], ["a", 1, 9]]
    assert rounds(rows, (1, 2)) == [0, 0, 1, 0, 2]
    assert rounds(rows, (1,)) == [0, 0, 1, 2, 3]
    assert rounds(rows, None) == [0, 0, 0, 0, 0]


SCHEMA = {
    "sqlite": [
        "CREATE TABLE counts (key TEXT, day TEXT, n INTEGER, PRIMARY KEY (key, day))",
        "CREATE TABLE items (id INTEGER PRIMARY KEY, identity TEXT UNIQUE, n INTEGER, note TEXT)",
    ],
    "postgresql": [
        "CREATE TABLE counts (key TEXT, day TEXT, n BIGINT, PRIMARY KEY (key, day))",
        "CREATE TABLE items (id BIGSERIAL PRIMARY KEY, identity TEXT UNIQUE, n BIGINT, note TEXT)",
    ],
}


def _make_tables(connection: Any, backend: str) -> None:
    for sql in SCHEMA[backend]:
        connection.execute(sql)


def _changes(seed: int) -> list[tuple[str, list[tuple[Any, ...]]]]:
    """Batches of many rows that touch the same keys again and again, in a random order."""
    chance = random.Random(seed)
    names = [f"name-{number}" for number in range(40)]
    batches: list[tuple[str, list[tuple[Any, ...]]]] = []
    for _ in range(3):
        batches.append((NEW_ITEMS, [(chance.choice(names),) for _ in range(60)]))
        batches.append(
            (
                UPSERT,
                [
                    (chance.choice(names[:12]), f"2026-11-{chance.randint(1, 3):02d}", chance.randint(-3, 5))
                    for _ in range(200)
                ],
            )
        )
        batches.append((ADD, [(chance.randint(1, 9), chance.choice("xyz%"), chance.choice(names)) for _ in range(120)]))
        batches.append((DROP, [(chance.choice(names[:12]), chance.randint(-2, 2)) for _ in range(40)]))
    return batches


def _tables(connection: Any, ids: bool = True) -> list[list[tuple[Any, ...]]]:
    """The two tables' rows; ``ids=False``: the items by identity, without the ids a sequence gives
    (PostgreSQL's skips the numbers of rows that conflicted, SQLite's does not)."""
    items = "SELECT * FROM items ORDER BY id" if ids else "SELECT identity, n, note FROM items ORDER BY identity"
    return [
        [tuple(row) for row in connection.execute("SELECT * FROM counts ORDER BY key, day").fetchall()],
        [tuple(row) for row in connection.execute(items).fetchall()],
    ]


def _write(connection: Any, changes: list[tuple[str, list[tuple[Any, ...]]]]) -> None:
    connection.execute("BEGIN")
    for sql, rows in changes:
        connection.executemany(sql, rows)
    connection.execute("COMMIT")


def test_postgres_many_rows_in_one_statement_leave_what_one_statement_a_row_leaves(postgres, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    lite = sqlite3.connect(":memory:", isolation_level=None)
    bulk, by_row = PgConnection(postgres.new_database()), PgConnection(postgres.new_database())
    try:
        _make_tables(lite, "sqlite")
        _make_tables(bulk, "postgresql")
        _make_tables(by_row, "postgresql")
        changes = _changes(16)
        _write(lite, changes)
        _write(bulk, changes)
        taken = pg_connection._BULK[bulk.raw].statements  # noqa: SLF001 (the rows did go through the tables)
        assert all(taken[sql] is not None for sql in (UPSERT, NEW_ITEMS, ADD, DROP))
        monkeypatch.setattr(PgConnection, "_bulk", lambda _self, _cursor, _sql: None)
        _write(by_row, changes)
        assert _tables(bulk) == _tables(by_row)  # ids included
        assert _tables(bulk, ids=False) == _tables(lite, ids=False)
    finally:
        bulk.close()
        by_row.close()


def test_postgres_many_rows_after_a_rolled_back_batch_and_outside_a_transaction(postgres) -> None:  # type: ignore[no-untyped-def]
    lite = sqlite3.connect(":memory:", isolation_level=None)
    pg = PgConnection(postgres.new_database())
    try:
        _make_tables(pg, "postgresql")
        _make_tables(lite, "sqlite")
        changes = _changes(17)
        pg.execute("BEGIN")  # the first use creates the rows' tables in this transaction, which is undone
        for sql, rows in changes:
            pg.executemany(sql, rows)
        pg.execute("ROLLBACK")
        assert _tables(pg) == [[], []]
        for connection in (lite, pg):
            _write(connection, changes[:4])
            for sql, rows in changes[4:]:  # autocommit: row by row
                connection.executemany(sql, rows)
        assert _tables(pg, ids=False) == _tables(lite, ids=False)
    finally:
        pg.close()


def test_postgres_many_rows_row_by_row_where_the_role_may_not_create_temporary_tables(postgres) -> None:  # type: ignore[no-untyped-def]
    url = postgres.new_database()
    parts = urlsplit(url)
    database = parts.path.strip("/")
    role = f"no_temp_{database}"
    owner = PgConnection(url)
    try:
        owner.execute(f"REVOKE TEMPORARY ON DATABASE {database} FROM PUBLIC")
        owner.execute(f"CREATE ROLE {role} LOGIN")
        owner.execute(f"GRANT ALL ON SCHEMA public TO {role}")
    finally:
        owner.close()
    limited = PgConnection(urlunsplit(parts._replace(netloc=f"{role}@{parts.hostname or ''}")))
    lite = sqlite3.connect(":memory:", isolation_level=None)
    try:
        _make_tables(limited, "postgresql")
        _make_tables(lite, "sqlite")
        changes = _changes(18)
        _write(limited, changes)
        _write(lite, changes)
        assert _tables(limited, ids=False) == _tables(lite, ids=False)
        assert pg_connection._BULK[limited.raw].statements[UPSERT] is None  # noqa: SLF001
    finally:
        limited.close()
