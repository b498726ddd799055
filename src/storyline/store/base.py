"""What the parts of ``Store`` share: the connection and chunked id queries."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

CHUNK = 500  # ids per query: well under SQLite's limit on bound parameters


class StoreBase:
    _db: sqlite3.Connection

    def _rows_for_ids(self, sql: str, ids: Sequence[Any]) -> Iterator[sqlite3.Row]:
        """Run ``sql`` (with a ``{marks}`` placeholder) over ids in chunks SQLite accepts."""
        for start in range(0, len(ids), CHUNK):
            chunk = list(ids[start : start + CHUNK])
            yield from self._db.execute(sql.format(marks=",".join("?" * len(chunk))), chunk)

    def _meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def _set_meta(self, key: str, value: object) -> None:
        self._db.execute(
            "INSERT INTO meta VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value", (key, str(value))
        )


def to_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
