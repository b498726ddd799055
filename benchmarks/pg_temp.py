"""A private PostgreSQL (with pgvector) for benchmarks, from the pgserver package (a test dependency).

Usage as a module: ``with temporary_postgres(folder) as url: ...`` gives the URL of a new database
on a server in ``folder`` (kept between runs when the folder is kept), stopped at the end.
As a script: ``python benchmarks/pg_temp.py FOLDER`` starts one, prints a database URL and waits
(Ctrl-C stops it), for commands run by hand against it.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit


def ensure_database(server_url: str, name: str) -> str:
    """The URL of database ``name`` on the server of ``server_url``, created if it is not there."""
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname=%s", (name,)).fetchone():
            admin.execute(f"CREATE DATABASE {name}")  # type: ignore[arg-type]
    return urlunsplit(urlsplit(server_url)._replace(path="/" + name))


@contextlib.contextmanager
def temporary_postgres(
    folder: Path, database: str | None = None, server_settings: dict[str, str] | None = None
) -> Iterator[str]:
    """``server_settings``: configuration parameters (``wal_buffers``...) written with ``ALTER SYSTEM``
    before the server the caller gets is started (the server is started once to write them, then again)."""
    if "XDG_RUNTIME_DIR" not in os.environ:  # the server wants one; one made here goes at the process's end,
        os.environ["XDG_RUNTIME_DIR"] = runtime = tempfile.mkdtemp(prefix="storyline-runtime-")
        atexit.register(shutil.rmtree, runtime, ignore_errors=True)  # after pgserver's own exit handlers
    import pgserver

    folder.mkdir(parents=True, exist_ok=True)
    server = pgserver.get_server(folder, cleanup_mode="stop")
    if server_settings:
        import psycopg

        with psycopg.connect(str(server.get_uri("postgres")), autocommit=True) as admin:
            for name, value in server_settings.items():
                admin.execute(f"ALTER SYSTEM SET {name} = '{value}'")  # type: ignore[arg-type]
        server.cleanup()
        server = pgserver.get_server(folder, cleanup_mode="stop")
    try:
        yield ensure_database(str(server.get_uri("postgres")), database or f"bench_{uuid.uuid4().hex[:8]}")
    finally:
        from storyline.store.pg_connection import close_pools

        close_pools()
        server.cleanup()


def main() -> None:
    with temporary_postgres(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "storyline") as url:
        print(url, flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                time.sleep(3600)


if __name__ == "__main__":
    main()
