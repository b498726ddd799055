"""Read connections kept from one request to the next.

A SQLite connection keeps the pages it has read in its own cache; a connection opened per request
starts cold and reads again from the file what the last request had (a large story's page took 92
instead of 77 ms on a 200,000-article store). So a server keeps a few read-only connections idle and
lends one to each request. Each request still reads in its own snapshot (``Store.snapshot``), so it sees
every commit made before it began. PostgreSQL stores are not kept here: their connections already come
from a pool (``pg_connection``).
"""

from __future__ import annotations

import os
import threading

from storyline.store import Store, is_postgres, open_store

IDLE_READERS = 4  # connections kept between requests (each holds up to sqlite.CACHE_KIB of pages)


class Readers:
    """Read-only stores of one location, lent to one request at a time."""

    def __init__(self, location: str, idle: int = IDLE_READERS) -> None:
        self._location = location
        self._most_idle = 0 if is_postgres(location) else idle
        self._idle: list[Store] = []
        self._file: tuple[int, int] | None = None  # the file the idle stores read (device, inode)
        self._lock = threading.Lock()

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for store in idle:
            store.close()

    def take(self) -> Store:
        """A read-only store for one request, to be given back: an idle one, or a new one (StoreError when
        there is no store)."""
        if self._most_idle:
            current = _file_identity(self._location)
            with self._lock:
                stale = self._idle if current != self._file else []
                if stale:
                    self._idle = []  # the store was removed or replaced: its old file is no longer the store
                self._file = current
                store = self._idle.pop() if self._idle else None
            for old in stale:
                old.close()
            if store is not None:
                return store
        return open_store(self._location, any_thread=True, read_only=True)

    def give_back(self, store: Store) -> None:
        """Kept idle for the next request, or closed."""
        if store.in_transaction():  # a request that left its snapshot open is not lent again
            store.close()
            return
        with self._lock:
            if len(self._idle) < self._most_idle and _file_identity(self._location) == self._file:
                self._idle.append(store)
                return
        store.close()


def _file_identity(location: str) -> tuple[int, int] | None:
    try:
        found = os.stat(location)
    except OSError:
        return None
    return found.st_dev, found.st_ino
