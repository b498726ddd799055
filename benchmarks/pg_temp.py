"""A private PostgreSQL (with pgvector) for benchmarks, from the pgserver package (a test dependency).

Usage as a module: ``with temporary_postgres(folder) as url: ...`` gives the URL of a new database
on a server in ``folder`` (kept between runs when the folder is kept), stopped at the end.
As a script: ``python benchmarks/pg_temp.py FOLDER`` starts one, prints a database URL and waits
(Ctrl-C stops it), for commands run by hand against it.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def temporary_postgres(folder: Path, database: str | None = None) -> Iterator[str]:
    os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="storyline-runtime-"))
    import pgserver
    import psycopg

    folder.mkdir(parents=True, exist_ok=True)
    server = pgserver.get_server(folder, cleanup_mode="stop")
    name = database or f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server.get_uri("postgres"), autocommit=True) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname=%s", (name,)).fetchone():
            admin.execute(f"CREATE DATABASE {name}")  # type: ignore[arg-type]
    try:
        yield str(server.get_uri(name))
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
