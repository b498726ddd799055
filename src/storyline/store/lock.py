"""One writer per store: an exclusive lock on a file beside the store.

The kernel drops the lock when its holder dies (even by SIGKILL), so a crashed ingest never
leaves the store locked. Readers take no lock: SQLite's WAL gives each a consistent snapshot.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from storyline.store.errors import StoreBusy

POLL_SECONDS = 0.2


@contextmanager
def writer_lock(
    db_path: Path, wait_seconds: float = 0.0, suffix: str = ".lock", busy: str = "another ingest is writing to it"
) -> Iterator[None]:
    """Hold the store's writer lock (or another one of the store's, a file ending in ``suffix``); wait up
    to ``wait_seconds`` for it, then raise StoreBusy saying ``busy``."""
    lock_path = Path(f"{db_path}{suffix}")
    descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreBusy(f"{db_path}: store is busy: {busy}") from None
                time.sleep(POLL_SECONDS)
        try:
            yield
        finally:
            fcntl.flock(descriptor, fcntl.LOCK_UN)
    finally:
        os.close(descriptor)
