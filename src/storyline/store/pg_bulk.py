"""Many-row upserts, updates and deletes on PostgreSQL as a few statements, not one per row.

The store writes with ``executemany``: one ``INSERT ... ON CONFLICT``, ``UPDATE ... WHERE col=?`` or
``DELETE ... WHERE ...`` and a row of parameters for each change. psycopg sends such a call as one
bind and execute per row (pipelined), and both the client (adapting every parameter) and the server
(starting an executor for every row) pay per row. Here the rows go to the server as one ``COPY`` into a
temporary table, and the statement is rewritten to read them from it: ``INSERT ... SELECT``,
``UPDATE ... FROM``, ``DELETE ... USING``.

The result is the one the rows would give one after another. Rows that touch different target rows do
not see each other; rows that touch the same one (the same conflict key of an upsert, the same ``WHERE``
values of an update) go in *rounds*: a round holds each key once, in the order the rows came, and the
rounds run in turn (PostgreSQL forbids an ``ON CONFLICT DO UPDATE`` to touch one row twice in a
statement, and an ``UPDATE ... FROM`` would apply only one of two matches). Inserts keep the rows' order
(``ORDER BY``), so new ids come out as they would row by row.

A statement of another shape, or whose parameter types the server cannot tell, goes row by row as before
(``bulk_statement`` answers None).

The temporary tables empty themselves at each commit (``ON COMMIT DELETE ROWS``: no catalog change per
use, as a ``TRUNCATE`` or a new table would make); within a transaction each use's rows carry a number of
their own. So a transaction that sent one statement's rows many times over would scan the earlier uses'
rows again; the writer's transactions send each statement once or twice a batch.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

_INSERT = re.compile(
    r"INSERT INTO (?P<table>\w+)\s*(?:\((?P<columns>[\w\s,]+)\))?\s*VALUES\s*\((?P<values>.*?)\)\s*"
    r"(?P<conflict>ON CONFLICT\s*(?:\((?P<target>[\w\s,]+)\))?\s*DO (?P<action>UPDATE|NOTHING).*)?",
    re.IGNORECASE | re.DOTALL,
)
_UPDATE = re.compile(
    r"UPDATE (?P<table>\w+) SET (?P<set>.*) WHERE (?P<where>\w+=\?(?: AND \w+=\?)*)", re.IGNORECASE | re.DOTALL
)
_DELETE = re.compile(r"DELETE FROM (?P<table>\w+) WHERE (?P<where>.*)", re.IGNORECASE | re.DOTALL)
_NOT_HERE = re.compile(r"\b(RETURNING|SELECT|IN)\b", re.IGNORECASE)
SOURCE = "_bulk_rows"  # the temporary table's alias in a rewritten statement


@dataclass(frozen=True)
class BulkStatement:
    """A many-row statement and its rewriting. ``rewritten`` reads parameter N as ``_bulk_rows._pN`` and
    takes two placeholders of its own at the end: the use and the round. ``key``: the parameter positions
    whose values name the target row (rows with equal values go in separate rounds); None where rows
    may meet in one statement (deletes, ``DO NOTHING``). ``conflict_columns``: an upsert's conflict
    target, to be turned into ``key`` once the table's columns are known (``with_columns``)."""

    sql: str
    table: str
    parameters: int
    rewritten: str
    key: tuple[int, ...] | None
    columns: tuple[str, ...] = ()
    values: tuple[str, ...] = ()
    conflict_columns: tuple[str, ...] = ()

    @property
    def rows_table(self) -> str:
        return "_bulk_" + hashlib.sha1(self.sql.encode()).hexdigest()[:16]

    def needs_columns(self) -> bool:
        """An upsert without a column list whose conflict key must be found among the table's columns."""
        return bool(self.conflict_columns) and not self.columns

    def with_columns(self, columns: tuple[str, ...]) -> BulkStatement | None:
        """The statement with its conflict key as parameter positions (None if a conflict column is not
        given by a parameter of its own, or the values do not match the columns)."""
        named = self.columns or columns
        if len(named) != len(self.values):
            return None
        positions: list[int] = []
        for column in self.conflict_columns:
            if column not in named:
                return None
            value = self.values[named.index(column)]
            if not value.startswith("?"):
                return None
            positions.append(int(value[1:]))
        return BulkStatement(
            self.sql, self.table, self.parameters, self.rewritten, tuple(positions), named, self.values, ()
        )


def bulk_statement(sql: str) -> BulkStatement | None:
    """The rewriting of one many-row statement, or None for a shape this does not take."""
    text = " ".join(sql.split())
    insert = _INSERT.fullmatch(text)
    if insert is not None:
        return _insert(text, insert)
    update = _UPDATE.fullmatch(text)
    if update is not None and not _NOT_HERE.search(update.group("set")):
        return _update(text, update)
    delete = _DELETE.fullmatch(text)
    if delete is not None and not _NOT_HERE.search(delete.group("where")):
        where, count = _numbered(delete.group("where"), 0)
        rewritten = f"DELETE FROM {delete.group('table')} USING {{rows}} {SOURCE} WHERE ({where})"
        return BulkStatement(text, delete.group("table"), count, rewritten + _USE, None)
    return None


_USE = f" AND {SOURCE}._use=? AND {SOURCE}._round=?"


def _insert(text: str, match: re.Match[str]) -> BulkStatement | None:
    values = _split(match.group("values"))
    conflict = match.group("conflict") or ""
    if values is None or _NOT_HERE.search(match.group("values")) or _NOT_HERE.search(conflict):
        return None
    numbered: list[str] = []
    count = 0
    for value in values:
        rewritten, count = _numbered(value, count)
        numbered.append(rewritten)
    if count == 0:
        return None
    columns = tuple(name.strip() for name in (match.group("columns") or "").split(",") if name.strip())
    target = f"{match.group('table')} ({', '.join(columns)})" if columns else match.group("table")
    select = ", ".join(numbered)
    rewritten = (
        f"INSERT INTO {target} SELECT {select} FROM {{rows}} {SOURCE} WHERE {_USE.removeprefix(' AND ')}"
        f" ORDER BY {SOURCE}._seq {conflict}".rstrip()
    )
    # positions: "?N" where a value is one parameter alone, the expression otherwise
    marked = tuple(f"?{_only_parameter(value)}" if _only_parameter(value) else value for value in numbered)
    updates = bool(conflict) and match.group("action").upper() == "UPDATE"
    target_columns = tuple(name.strip() for name in (match.group("target") or "").split(",") if name.strip())
    if updates and not target_columns:
        return None
    statement = BulkStatement(
        text, match.group("table"), count, rewritten, None, columns, marked, target_columns if updates else ()
    )
    if not updates or statement.needs_columns():
        return statement
    return statement.with_columns(columns)


def _update(text: str, match: re.Match[str]) -> BulkStatement:
    assignments, count = _numbered(match.group("set"), 0)
    where, total = _numbered(match.group("where"), count)
    rewritten = f"UPDATE {match.group('table')} SET {assignments} FROM {{rows}} {SOURCE} WHERE {where}" + _USE
    return BulkStatement(text, match.group("table"), total, rewritten, tuple(range(count + 1, total + 1)))


def _only_parameter(value: str) -> int:
    """N where a rewritten value is parameter N alone, else 0."""
    prefix = f"{SOURCE}._p"
    return int(value.removeprefix(prefix)) if value.startswith(prefix) and value[len(prefix) :].isdigit() else 0


def _numbered(text: str, start: int) -> tuple[str, int]:
    """``text`` with each ``?`` outside quotes as the next parameter of the rows' table; the last number."""
    return number_marks(text, lambda number: f"{SOURCE}._p{number}", start)


def number_marks(text: str, mark: Callable[[int], str], start: int = 0) -> tuple[str, int]:
    """``text`` with its N-th ``?`` outside quotes written as ``mark(start + N)``; the last number given."""
    out: list[str] = []
    quote: str | None = None
    number = start
    for char in text:
        if quote:
            quote = None if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "?":
            number += 1
            out.append(mark(number))
            continue
        out.append(char)
    return "".join(out), number


def _split(values: str) -> list[str] | None:
    """The comma-separated values of a VALUES list (quotes and parentheses respected); None if unbalanced."""
    parts: list[str] = []
    depth = 0
    quote: str | None = None
    current: list[str] = []
    for char in values:
        if quote:
            quote = None if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return None
        elif char == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
            continue
        current.append(char)
    parts.append("".join(current).strip())
    return parts if depth == 0 and quote is None else None


def rounds(rows: Sequence[Sequence[object]], key: tuple[int, ...] | None) -> list[int]:
    """Each row's round: how many rows before it have its key (0 for all where there is no key)."""
    if key is None:
        return [0] * len(rows)
    positions = [position - 1 for position in key]
    seen: dict[object, int] = {}
    out: list[int] = []
    for row in rows:
        value = row[positions[0]] if len(positions) == 1 else tuple([row[at] for at in positions])
        number = seen.get(value, 0)
        out.append(number)
        seen[value] = number + 1
    return out
