"""What `storyline follow` keeps about each feed, so that a restart (even after kill -9) asks politely
and takes nothing twice: a part of ``Store``. Times are ISO 8601 UTC strings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storyline.store.base import StoreBase, row_dict

_FEED_COLUMNS = (
    "url, etag, last_modified, last_polled, last_success, last_error, last_error_at, failures, items_seen, wait_until,"
    " quiet, next_poll, asks_seconds"
)


class FeedState(StoreBase):
    """Mixed into ``Store``."""

    def feed(self, url: str) -> dict[str, Any] | None:
        row = self._db.execute(f"SELECT {_FEED_COLUMNS} FROM feeds WHERE url=?", (url,)).fetchone()
        return row_dict(row) if row else None

    def feed_rows(self) -> list[dict[str, Any]]:
        """Every feed followed, by URL."""
        return [row_dict(row) for row in self._db.execute(f"SELECT {_FEED_COLUMNS} FROM feeds ORDER BY url")]

    def feed_polled(
        self,
        url: str,
        at: str,
        etag: str | None,
        last_modified: str | None,
        new_items: Sequence[tuple[str, str | None]],
        next_poll: str | None = None,
        asks_seconds: float | None = None,
    ) -> None:
        """A poll that got an answer: its validators, the new items taken (item, article id), when to
        ask again, and the wait the feed asks for."""
        self._ensure_feed(url)
        self._db.executemany(
            "INSERT INTO feed_items VALUES (?,?,?,?) ON CONFLICT(feed_url, item) DO NOTHING",
            [(url, item, article_id, at) for item, article_id in new_items],
        )
        self._db.execute(
            "UPDATE feeds SET etag=?, last_modified=?, last_polled=?, last_success=?, failures=0, wait_until=NULL,"
            " items_seen=items_seen+?, quiet=CASE WHEN ? > 0 THEN 0 ELSE quiet+1 END, next_poll=?, asks_seconds=?"
            " WHERE url=?",
            (etag, last_modified, at, at, len(new_items), len(new_items), next_poll, asks_seconds, url),
        )

    def feed_failed(self, url: str, at: str, reason: str, wait_until: str | None) -> None:
        """A poll that failed: why, and until when the host asked to be left alone (if it did)."""
        self._ensure_feed(url)
        self._db.execute(
            "UPDATE feeds SET last_polled=?, last_error=?, last_error_at=?, failures=failures+1, wait_until=?"
            " WHERE url=?",
            (at, reason, at, wait_until, url),
        )

    def seen_feed_items(self, url: str, items: Sequence[str]) -> set[str]:
        """Which of these items of the feed were taken before."""
        found: set[str] = set()
        for start in range(0, len(items), 500):
            chunk = list(items[start : start + 500])
            marks = ",".join("?" * len(chunk))
            found.update(
                row[0]
                for row in self._db.execute(
                    f"SELECT item FROM feed_items WHERE feed_url=? AND item IN ({marks})", (url, *chunk)
                )
            )
        return found

    def _ensure_feed(self, url: str) -> None:
        self._db.execute("INSERT INTO feeds (url) VALUES (?) ON CONFLICT(url) DO NOTHING", (url,))
