"""Watches and their alerts (`storyline watch`, ``alerts.py``): a part of ``Store``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storyline.store.base import StoreBase, row_dict

_WATCH_COLUMNS = "name, entity_id, query, webhook, to_file, grow_by, after_seq, created_at"
_ALERT_COLUMNS = "id, watch, story_id, kind, outlets, payload, created_at, sent_at, attempts, last_error"


class WatchState(StoreBase):
    """Mixed into ``Store``."""

    def watch_rows(self) -> list[dict[str, Any]]:
        return [row_dict(row) for row in self._db.execute(f"SELECT {_WATCH_COLUMNS} FROM watches ORDER BY name")]

    def add_watch(self, watch: dict[str, Any]) -> bool:
        """A new watch; False when one of that name exists."""
        if self._db.execute("SELECT 1 FROM watches WHERE name=?", (watch["name"],)).fetchone():
            return False
        self._db.execute(
            f"INSERT INTO watches ({_WATCH_COLUMNS}) VALUES (?,?,?,?,?,?,?,?)",
            tuple(watch[column.strip()] for column in _WATCH_COLUMNS.split(",")),
        )
        return True

    def remove_watch(self, name: str) -> bool:
        removed = self._db.execute("DELETE FROM watches WHERE name=?", (name,)).rowcount
        return bool(removed)

    def last_seq(self) -> int:
        row = self._db.execute("SELECT MAX(seq) FROM articles").fetchone()
        return int(row[0] or 0)

    def articles_after(self, seq: int) -> list[tuple[int, str, int]]:
        """(seq, article id, story) of the articles stored after ``seq``, in order."""
        return [
            (int(row[0]), row[1], int(row[2]))
            for row in self._db.execute(
                "SELECT a.seq, a.id, m.story_id FROM articles a JOIN memberships m ON m.article_id=a.id"
                " WHERE a.seq > ? ORDER BY a.seq",
                (seq,),
            )
        ]

    def articles_naming(self, entity_id: int, article_ids: Sequence[str]) -> set[str]:
        """Which of these articles name the entity."""
        return {
            row[0]
            for row in self._rows_for_ids(
                f"SELECT article_id FROM entity_mentions WHERE entity_id={int(entity_id)} AND article_id IN ({{marks}})",
                article_ids,
            )
        }

    def story_outlets(self, story_ids: Sequence[int]) -> dict[int, int]:
        """Distinct outlets per story (an article without one counts as its own)."""
        return {
            int(row[0]): int(row[1])
            for row in self._rows_for_ids(
                "SELECT m.story_id, COUNT(DISTINCT COALESCE(lower(a.source), 'article:' || a.id)) FROM memberships m"
                " JOIN articles a ON a.id=m.article_id WHERE m.story_id IN ({marks}) GROUP BY m.story_id",
                story_ids,
            )
        }

    def last_alerted_outlets(self, watch: str, story_ids: Sequence[int]) -> dict[int, int]:
        """Per story: the outlets it had at the watch's last alert about it."""
        found: dict[int, int] = {}
        for story_id in story_ids:
            row = self._db.execute(
                "SELECT MAX(outlets) FROM watch_alerts WHERE watch=? AND story_id=?", (watch, story_id)
            ).fetchone()
            if row and row[0] is not None:
                found[story_id] = int(row[0])
        return found

    def raise_alerts(self, watch: str, after_seq: int, alerts: Sequence[dict[str, Any]], at: str) -> None:
        """Record the watch's new alerts (to be sent) and how far it has looked, in one step."""
        self._db.executemany(
            "INSERT INTO watch_alerts (watch, story_id, kind, outlets, payload, created_at) VALUES (?,?,?,?,?,?)"
            " ON CONFLICT(watch, story_id, kind, outlets) DO NOTHING",
            [(watch, a["story_id"], a["kind"], a["outlets"], a["payload"], at) for a in alerts],
        )
        self._db.execute("UPDATE watches SET after_seq=? WHERE name=?", (after_seq, watch))

    def pending_alerts(self) -> list[dict[str, Any]]:
        """Alerts not yet delivered, oldest first, with where they go."""
        return [
            row_dict(row)
            for row in self._db.execute(
                "SELECT w.webhook, w.to_file, "
                + ", ".join(f"x.{c.strip()}" for c in _ALERT_COLUMNS.split(","))
                + " FROM watch_alerts x JOIN watches w ON w.name=x.watch WHERE x.sent_at IS NULL ORDER BY x.id"
            )
        ]

    def alert_sent(self, alert_id: int, at: str) -> None:
        self._db.execute("UPDATE watch_alerts SET sent_at=?, attempts=attempts+1 WHERE id=?", (at, alert_id))

    def alert_failed(self, alert_id: int, reason: str) -> None:
        self._db.execute("UPDATE watch_alerts SET attempts=attempts+1, last_error=? WHERE id=?", (reason, alert_id))

    def alert_rows(self, watch: str | None = None) -> list[dict[str, Any]]:
        sql = f"SELECT {_ALERT_COLUMNS} FROM watch_alerts" + (" WHERE watch=?" if watch else "") + " ORDER BY id"
        return [row_dict(row) for row in self._db.execute(sql, (watch,) if watch else ())]
