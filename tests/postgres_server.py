"""A private PostgreSQL server (with pgvector) for the tests, from the pgserver package.

One server per test session, in a temporary folder, stopped at the end; each store gets a database
of its own. Where the package cannot start a server the PostgreSQL tests skip with the reason,
except under CI (CI=true), where that is a failure: CI must test both backends.
"""

from __future__ import annotations

import atexit
import itertools
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest


class PostgresForTests:
    def __init__(self, folder: Path) -> None:
        # the server wants a runtime folder; one made here is removed when the process ends, after
        # pgserver's own exit handlers, which still write there (registered later, they run first)
        if "XDG_RUNTIME_DIR" not in os.environ:
            os.environ["XDG_RUNTIME_DIR"] = runtime = tempfile.mkdtemp(prefix="storyline-runtime-")
            atexit.register(shutil.rmtree, runtime, ignore_errors=True)
        import pgserver

        self.server: Any = pgserver.get_server(folder, cleanup_mode="stop")
        self._numbers = itertools.count(1)

    def new_database(self) -> str:
        """The URL of a new, empty database."""
        name = f"storyline_test_{os.getpid()}_{next(self._numbers)}"
        self._admin(f"CREATE DATABASE {name}")
        return str(self.server.get_uri(name))

    def drop_database(self, url: str) -> None:
        """Drop the database and the vector shards a writer cached of its store on this machine."""
        from storyline.store.pg_connection import close_pool
        from storyline.store.postgres import drop_store

        close_pool(url)
        drop_store(url)
        name = urlsplit(url).path.lstrip("/")  # the host may be a socket folder: "...@/name?host=/tmp/..."
        self._admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        from storyline.store.pg_connection import close_pools

        close_pools()
        self.server.cleanup()

    def _admin(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(self.server.get_uri("postgres"), autocommit=True) as connection:
            connection.execute(statement)  # type: ignore[arg-type]


def start_or_skip(folder: Path) -> PostgresForTests:
    try:
        return PostgresForTests(folder)
    except Exception as error:  # noqa: BLE001 - any reason the server cannot start is reported
        message = f"no PostgreSQL for the tests (pgserver: {type(error).__name__}: {error})"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
