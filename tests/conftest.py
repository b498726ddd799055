"""Shared fixtures: the seed corpus, test settings, and a store location on each backend
(helpers live in helpers.py).

``store_location`` (and ``settings``, built on it) runs a test once on SQLite and once on
PostgreSQL: the store's behaviour is one contract, tested once, on both.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

from postgres_server import PostgresForTests, start_or_skip
from storyline.settings import Settings

BACKENDS = ("sqlite", "postgresql")


@pytest.fixture
def seeds_dir() -> Path:
    return Path(str(resources.files("storyline").joinpath("samples")))


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresForTests]:
    """One PostgreSQL server for the session, in a folder of its own: not under pytest's base temporary
    folder, which a second pytest session started meanwhile prunes (it keeps the last three), taking the
    running server's files with it."""
    with tempfile.TemporaryDirectory(prefix="storyline-pg-") as folder:
        server = start_or_skip(Path(folder))
        yield server
        server.stop()


def _location(request: pytest.FixtureRequest, folder: Path, name: str) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(folder / name)
        return
    server: PostgresForTests = request.getfixturevalue("postgres")
    url = server.new_database()
    yield url
    server.drop_database(url)


@pytest.fixture(params=BACKENDS)
def store_location(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new, empty store: a SQLite file, or a PostgreSQL database."""
    yield from _location(request, tmp_path, "test.db")


@pytest.fixture(scope="module", params=BACKENDS)
def module_store_location(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The same, shared by the tests of one module."""
    yield from _location(request, tmp_path_factory.mktemp("store"), "module.db")


@pytest.fixture
def settings(store_location: str) -> Settings:
    return Settings(db=store_location, embedder="hashing", languages=("bg", "ru", "uk", "en", "de"))
