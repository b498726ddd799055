import dataclasses
from pathlib import Path

import pytest

from storyline.settings import (
    GROUPING_FOR_EMBEDDER,
    DuplicateSettings,
    GroupingSettings,
    IndexSettings,
    Settings,
    StorylineSettings,
    load_settings,
)

DOCS = Path(__file__).resolve().parents[1] / "docs" / "settings.md"


def test_settings_from_environment() -> None:
    settings = load_settings(
        environ={"STORYLINE_DB": "/tmp/x.db", "STORYLINE_EMBEDDER": "use-m3", "STORYLINE_LANGUAGES": "bg, ru"}
    )
    assert settings.db == "/tmp/x.db"
    assert settings.languages == ("bg", "ru")
    assert settings.embedder == "use-m3" and settings.grouping == GROUPING_FOR_EMBEDDER["use-m3"]


def test_settings_batch_size_from_environment_or_a_one_line_reason() -> None:
    assert load_settings(environ={"STORYLINE_BATCH_SIZE": "64"}).batch_size == 64
    for bad in ("0", "-3", "many", "1.5"):
        with pytest.raises(ValueError, match=f"STORYLINE_BATCH_SIZE must be a whole number of 1 or more, not '{bad}'"):
            load_settings(environ={"STORYLINE_BATCH_SIZE": bad})


def test_settings_enrich_ahead_from_environment_or_a_one_line_reason() -> None:
    assert load_settings(environ={}).enrich_ahead is True
    assert load_settings(environ={"STORYLINE_ENRICH_AHEAD": "0"}).enrich_ahead is False
    with pytest.raises(ValueError, match="STORYLINE_ENRICH_AHEAD must be 0 or 1, not 'no'"):
        load_settings(environ={"STORYLINE_ENRICH_AHEAD": "no"})


def test_settings_postgres_candidate_look_up_from_environment_or_a_one_line_reason() -> None:
    assert load_settings(environ={}).index.postgres_search == "shards"
    index = load_settings(environ={"STORYLINE_PG_SEARCH": "hnsw", "STORYLINE_PG_SHARDS": "/srv/shards"}).index
    assert (index.postgres_search, index.postgres_folder) == ("hnsw", "/srv/shards")
    with pytest.raises(ValueError, match="STORYLINE_PG_SEARCH must be one of shards, hnsw, not 'graph'"):
        load_settings(environ={"STORYLINE_PG_SEARCH": "graph"})


def test_settings_explicit_path_wins_over_environment() -> None:
    assert load_settings("a.db", environ={"STORYLINE_DB": "b.db"}).db == "a.db"


def test_settings_keep_a_database_url_whole() -> None:
    url = "postgresql://reader@db.example:5432/news"
    assert load_settings(url).db == url
    assert Settings(db=Path("x/y.db")).db == "x/y.db"


def test_settings_every_setting_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for settings_class in (Settings, GroupingSettings, StorylineSettings, DuplicateSettings, IndexSettings):
        for field in dataclasses.fields(settings_class):
            assert f"`{field.name}`" in text, f"{settings_class.__name__}.{field.name} is not in docs/settings.md"
