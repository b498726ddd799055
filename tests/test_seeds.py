"""The first acceptance test: the five seed articles, real models, exactly three stories."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import main

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[CliRunner, Path]:
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    runner = CliRunner()
    result = runner.invoke(main, ["demo", "--db", str(db)])
    assert result.exit_code == 0, result.output
    return runner, db


def _stories(seeded: tuple[CliRunner, Path]) -> list[dict]:  # type: ignore[type-arg]
    runner, db = seeded
    return json.loads(runner.invoke(main, ["stories", "--json", "--db", str(db)]).output)


def _seed_number(article: dict) -> str:  # type: ignore[type-arg]
    return Path(article["path"]).name[:3]


def test_seeds_make_exactly_three_stories(seeded: tuple[CliRunner, Path]) -> None:
    groups = {frozenset(_seed_number(a) for a in story["articles"]) for story in _stories(seeded)}
    assert groups == {frozenset({"000", "003", "004"}), frozenset({"001"}), frozenset({"002"})}


def test_seeds_languages_and_dates(seeded: tuple[CliRunner, Path]) -> None:
    articles = {_seed_number(a): a for story in _stories(seeded) for a in story["articles"]}
    assert {n: a["language"] for n, a in articles.items()} == {
        "000": "bg",
        "001": "ru",
        "002": "bg",
        "003": "uk",
        "004": "en",
    }
    assert {n: a["published"] for n, a in articles.items()} == {
        "000": "2025-10-21",
        "001": "2025-08-22",
        "002": "2022-02-01",
        "003": None,
        "004": None,
    }


def test_seeds_boilerplate_is_gone(seeded: tuple[CliRunner, Path]) -> None:
    runner, db = seeded
    rows = [json.loads(line) for line in runner.invoke(main, ["export", "--db", str(db)]).output.splitlines()]
    (text,) = [r["text"] for r in rows if Path(r["path"]).name.startswith("002")]
    for boilerplate in ("Свързани новини", "Коментари", "Водещи новини", "19 ноември 2024", "- 3748"):
        assert boilerplate not in text


def test_seeds_summer_talks_and_budapest_share_a_storyline(seeded: tuple[CliRunner, Path]) -> None:
    runner, db = seeded
    storylines = json.loads(runner.invoke(main, ["storylines", "--json", "--db", str(db)]).output)
    by_story = {s["id"]: {_seed_number(a) for a in s["articles"]} for s in _stories(seeded)}
    members = [set().union(*(by_story[s["id"]] for s in line["stories"])) for line in storylines]
    assert any({"000", "001", "003", "004"} <= m for m in members)


def test_seeds_show_explains_each_member(seeded: tuple[CliRunner, Path]) -> None:
    runner, db = seeded
    (budapest,) = [s for s in _stories(seeded) if len(s["articles"]) == 3]
    story = json.loads(runner.invoke(main, ["show", str(budapest["id"]), "--json", "--db", str(db)]).output)
    whys = [a["why"] for articles in story["by_language"].values() for a in articles]
    assert all(why is not None and why["similarity"] > 0 for why in whys)
    assert all("Budapest" in why["shared_entities"] for why in whys)


def test_seeds_search_crosses_scripts(seeded: tuple[CliRunner, Path]) -> None:
    runner, db = seeded
    hits = json.loads(runner.invoke(main, ["search", "Budapest", "--json", "--db", str(db)]).output)
    assert {h["language"] for h in hits} >= {"bg", "uk", "en"}
