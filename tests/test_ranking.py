"""What matters now: the ranking itself, and `storyline top` over a store."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline import queries
from storyline.cli import main
from storyline.ranking import Activity, rank_stories
from storyline.store import open_store

NOW = dt.datetime(2025, 10, 21, 12, 0, tzinfo=dt.UTC)


def _at(hours_ago: float) -> str:
    return (NOW - dt.timedelta(hours=hours_ago)).isoformat(timespec="seconds")


def test_ranking_weighs_outlets_languages_and_growth_and_says_why() -> None:
    activity = [
        # story 1: four outlets in three languages, two articles in the last three hours
        *[
            Activity(1, outlet, f"a{n}", language, _at(hours))
            for n, (outlet, language, hours) in enumerate(
                [("CNN", "en", 10), ("Reuters", "en", 8), ("БТА", "bg", 2), ("УНІАН", "uk", 1)]
            )
        ],
        # story 2: one outlet writing five times, all of it recent
        *[Activity(2, "Blog", f"b{n}", "en", _at(0.5)) for n in range(5)],
        # story 3: two outlets, one language, long ago in the window
        Activity(3, "CNN", "c1", "en", _at(20)),
        Activity(3, "cnn", "c2", "en", _at(19)),  # one outlet, however it is written
    ]
    first, second, third = rank_stories(activity, NOW)
    assert [first.story_id, second.story_id, third.story_id] == [1, 2, 3]
    assert first.why == "4 outlets in 3 languages, 2 in the last 3 hours"
    assert third.outlets == 1 and third.why == "1 outlet in 1 language"


def test_ranking_an_article_without_an_outlet_counts_as_its_own() -> None:
    (story,) = rank_stories([Activity(7, None, "x", "de", _at(1)), Activity(7, None, "y", "de", _at(1))], NOW)
    assert story.outlets == 2


def test_top_command_ranks_the_stories_stored_lately(
    seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STORYLINE_EMBEDDER", "hashing")
    monkeypatch.setenv("STORYLINE_DB", str(tmp_path / "top.db"))
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(seeds_dir)]).exit_code == 0
    result = runner.invoke(main, ["top", "--json", "--since", "1h"])
    assert result.exit_code == 0, result.output
    ranked = json.loads(result.output)
    assert ranked and ranked[0]["rank"] == 1 and "outlet" in ranked[0]["why"]
    assert sum(story["articles_in_window"] for story in ranked) == 5
    assert ranked == sorted(ranked, key=lambda story: -story["score"])
    text = runner.invoke(main, ["top"])
    assert text.exit_code == 0 and f"story {ranked[0]['story_id']:>4}" in text.output
    assert runner.invoke(main, ["top", "--since", "soon"]).exit_code == 2


def test_front_page_lists_the_newest_when_nothing_arrived_in_the_last_day(
    seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STORYLINE_EMBEDDER", "hashing")
    store_path = tmp_path / "front.db"
    assert CliRunner().invoke(main, ["ingest", str(seeds_dir), "--db", str(store_path)]).exit_code == 0
    now = dt.datetime.now(dt.UTC)
    with open_store(store_path) as store:
        today = queries.front_page(store, queries.StoryFilters(), now)
        later = queries.front_page(store, queries.StoryFilters(), now + dt.timedelta(days=2))
        asked = queries.front_page(store, queries.StoryFilters(), now, order="newest")
        newest = queries.browse_stories(store, queries.StoryFilters())
    assert today["order"] == "important" and today["ranked_none"] is False
    assert sorted(story["id"] for story in today["stories"]) == sorted(story["id"] for story in newest["stories"])
    assert later["order"] == "newest" and later["ranked_none"] is True
    assert asked["order"] == "newest" and asked["ranked_none"] is False
    for front in (later, asked):
        assert [story["id"] for story in front["stories"]] == [story["id"] for story in newest["stories"]]


def test_ranking_ties_go_to_the_newest_then_the_lowest_id() -> None:
    activity = [
        Activity(9, "A", "a", "en", _at(5)),
        Activity(4, "B", "b", "en", _at(5)),
        Activity(6, "C", "c", "en", _at(4)),
    ]
    assert [story.story_id for story in rank_stories(activity, NOW)] == [6, 4, 9]


def test_top_weighs_only_the_latest_articles_of_a_crowded_window(
    seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A window of more articles than ``RANKED_ARTICLES`` (a bulk import: 200,000 in a day took the front
    page 3 s) is ranked by its latest ones."""
    monkeypatch.setenv("STORYLINE_EMBEDDER", "hashing")
    store_path = tmp_path / "crowded.db"
    assert CliRunner().invoke(main, ["ingest", str(seeds_dir), "--db", str(store_path)]).exit_code == 0
    monkeypatch.setattr(queries, "RANKED_ARTICLES", 2)
    with open_store(store_path) as store:
        ranked = queries.top_stories(store, 24, dt.datetime.now(dt.UTC))
    assert sum(story["articles_in_window"] for story in ranked) == 2
