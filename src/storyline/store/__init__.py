"""Storage behind one small class with named queries: SQLite by default, PostgreSQL by URL.

``open_store(location)`` picks the backend from what the user named (MLflow's registry shape): a
``postgresql://`` (or ``postgres://``) URL opens a PostgreSQL store, anything else is a SQLite file.
The PostgreSQL driver is imported only when a URL asks for it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from storyline.settings import IndexSettings
from storyline.store.errors import StoreBusy, StoreError, StoreOutdated
from storyline.store.schema import SCHEMA_VERSION
from storyline.store.sql_store import SqlStore as Store

__all__ = [
    "SCHEMA_VERSION",
    "Store",
    "StoreBusy",
    "StoreError",
    "StoreOutdated",
    "display_location",
    "is_postgres",
    "open_existing_store",
    "open_store",
    "remove_store",
]

_URL_SCHEMES = ("postgresql://", "postgres://")


def is_postgres(location: str | Path) -> bool:
    return str(location).startswith(_URL_SCHEMES)


def open_store(location: str | Path, any_thread: bool = False, read_only: bool = False) -> Store:
    """Open (creating or upgrading) the store at ``location``. ``any_thread``: the store may be
    handed between threads (a web request's work), never used by two at once. ``read_only``: never
    create, upgrade or write anything (StoreError when there is no store there); works on read-only
    media."""
    if is_postgres(location):
        from storyline.store.postgres import PostgresStore

        return PostgresStore(str(location), any_thread=any_thread, read_only=read_only)
    from storyline.store.sqlite import SQLiteStore

    return SQLiteStore(location, any_thread=any_thread, read_only=read_only)


def open_existing_store(location: str | Path, writable: bool = False) -> Store:
    """The store at ``location``, which must exist (StoreError if not): opened read-only, or upgraded
    first when it is of an older schema (the one thing this writes); ``writable``: opened for writing."""
    try:
        store = open_store(location, read_only=True)
    except StoreOutdated:
        return open_store(location)
    if not writable:
        return store
    store.close()
    return open_store(location)


def remove_store(location: str | Path, settings: IndexSettings | None = None) -> None:
    """Delete a store: a SQLite file and everything beside it (WAL, lock, vector shards), or the
    storyline tables of a PostgreSQL database (nothing else in that database is touched) and the
    shards this machine cached of them (in ``settings.postgres_folder``)."""
    if is_postgres(location):
        from storyline.store.postgres import drop_store

        drop_store(str(location), settings)
        return
    path = str(location)
    for suffix in ("", "-wal", "-shm", ".lock", ".link.lock"):
        Path(path + suffix).unlink(missing_ok=True)
    shutil.rmtree(path + ".index", ignore_errors=True)


def display_location(location: str | Path) -> str:
    """The location as it may be printed: a URL's password replaced by ***."""
    return re.sub(r"^(postgres(?:ql)?://[^:/@]+:)[^@]*@", r"\1***@", str(location))
