"""Shared fixtures: the seed corpus and test settings (helpers live in helpers.py)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from storyline.settings import Settings


@pytest.fixture
def seeds_dir() -> Path:
    return Path(str(resources.files("storyline").joinpath("samples")))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db_path=tmp_path / "test.db", embedder="hashing", languages=("bg", "ru", "uk", "en", "de"))
