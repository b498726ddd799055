"""A store built from the seed articles (fast fake embedder), and an app over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline.ingest.records import record_to_article
from storyline.ingest.sources import read_sources
from storyline.pipeline import ingest
from storyline.settings import Settings
from storyline.stages.embed import HashingEmbedder
from storyline.store import open_store
from storyline.web import ServerOptions, create_app

TOKEN = "test-token-0123456789"
NEWS = [
    {
        "id": "wire-1",
        "url": "https://news.example/vienna-talks",
        "title": "Vienna talks postponed",
        "text": "The talks in Vienna between the ministers were postponed on Tuesday, officials said.",
        "published": "2025-03-04",
        "source": "Example News",
        "language": "en",
    },
]


def build_store(location: str, settings: Settings, seeds: Path) -> None:
    with open_store(location) as store:
        ingest(read_sources([str(seeds)]), store, settings, HashingEmbedder())
        ingest([record_to_article(record, None) for record in NEWS], store, settings, HashingEmbedder())


@pytest.fixture(scope="module")
def seeded_settings(module_store_location: str) -> Settings:
    """The seeds in a store of each backend (the web tests run on both)."""
    from importlib import resources

    settings = Settings(db=module_store_location, embedder="hashing", languages=("bg", "ru", "uk", "en", "de"))
    seeds = Path(str(resources.files("storyline").joinpath("samples")))
    build_store(settings.db, settings, seeds)
    return settings


@pytest.fixture(scope="module")
def client(seeded_settings: Settings) -> Iterator[TestClient]:
    app = create_app(seeded_settings, ServerOptions(), embedder=HashingEmbedder())
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def auth() -> dict[str, str]:
    """The header that carries the writable server's token."""
    return {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def writable(tmp_path: Path, settings: Settings) -> Iterator[TestClient]:
    """An empty store whose server takes ingests with TOKEN, bodies up to 64 KiB."""
    app = create_app(settings, ServerOptions(ingest_token=TOKEN, max_body_bytes=64 * 1024), embedder=HashingEmbedder())
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client
