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


def _json(seeded: tuple[CliRunner, Path], *args: str) -> object:
    runner, db = seeded
    result = runner.invoke(main, [*args, "--json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_seeds_budapest_timeline_has_the_three_events_with_sources(seeded: tuple[CliRunner, Path]) -> None:
    (budapest,) = [s for s in _stories(seeded) if len(s["articles"]) == 3]
    entries = _json(seeded, "timeline", "--story", str(budapest["id"]))
    assert isinstance(entries, list)
    by_date = {(e["date"], e["precision"]): e for e in entries}
    anchorage, call, rubio_lavrov = (by_date.get((d, "day")) for d in ("2025-08-15", "2025-10-16", "2025-10-20"))
    assert anchorage and "УНІАН" in anchorage["sources"] and "Anchorage" in anchorage["entities"]
    assert call and len(call["articles"]) == 2 and {"CNN", "Financial Times"} <= set(call["sources"])
    assert rubio_lavrov and {"Marco Rubio", "Sergey Lavrov"} <= set(rubio_lavrov["entities"])
    assert "CNN" in rubio_lavrov["sources"]
    for key in ("date", "precision", "text", "language", "entities", "articles", "sources", "speakers", "planned"):
        assert key in call
    assert [e["date"] for e in entries] == sorted(e["date"] for e in entries)
    assert call["speakers"] == ["Donald Trump"], "a person speaks, not reports; shown by the entity's name"
    assert not any("Тръмп" in source for source in call["sources"])
    dates_of: dict[str, set[tuple[str, str]]] = {}
    for entry in entries:
        for statement in entry["statements"]:
            dates_of.setdefault(" ".join(statement["text"].casefold().split()), set()).add(
                (entry["date"], entry["precision"])
            )
    assert all(len(dates) == 1 for dates in dates_of.values()), "one sentence, one date"


def test_seeds_timelines_date_what_happened_as_their_gold_set_does(seeded: tuple[CliRunner, Path]) -> None:
    """Every statement the seeds' timelines show, against benchmarks/timeline_gold.json: events at the
    date and precision a reader gives them, plans as planned (benchmarks/timeline_quality.py)."""
    from storyline.evaluation.timeline_gold import load_gold, score, shown_statements

    stories = _stories(seeded)
    timelines = {s["id"]: _json(seeded, "timeline", "--story", str(s["id"])) for s in stories}
    gold = load_gold(Path(__file__).resolve().parents[1] / "benchmarks" / "timeline_gold.json")
    result = score(gold, shown_statements(stories, timelines))  # type: ignore[arg-type]
    assert result["wrong"] == [] and result["event_recall"] == 1.0, result


def test_seeds_entities_are_one_across_scripts(seeded: tuple[CliRunner, Path]) -> None:
    entities = _json(seeded, "entities", "--limit", "200")
    assert isinstance(entities, list)
    by_name = {e["name"]: e for e in entities}
    for name, languages in {
        "Sergey Lavrov": {"bg", "ru", "en"},
        "Donald Trump": {"bg", "ru", "uk", "en"},
        "Marco Rubio": {"bg", "uk", "en"},
        "Budapest": {"bg", "uk", "en"},
    }.items():
        assert name in by_name, sorted(by_name)
        assert {v["language"] for v in by_name[name]["variants"]} >= languages
    assert by_name["Donald Trump"]["type"] == "person" and by_name["Budapest"]["type"] == "place"
    for key in ("id", "name", "type", "variants", "articles"):
        assert key in entities[0]


def test_seeds_entity_lookup_by_any_spelling(seeded: tuple[CliRunner, Path]) -> None:
    for spelling in ("Лавров", "Lavrov", "Сергея Лаврова"):
        entity = _json(seeded, "entity", spelling)
        assert isinstance(entity, dict) and entity["name"] == "Sergey Lavrov", spelling
    budapest = _json(seeded, "entity", "Будапешт")
    assert isinstance(budapest, dict) and budapest["name"] == "Budapest" and len(budapest["stories"]) == 1


def test_seeds_entity_listing_names_each_spelling_once(seeded: tuple[CliRunner, Path]) -> None:
    runner, db = seeded
    result = runner.invoke(main, ["entities", "--limit", "200", "--db", str(db)])
    assert result.exit_code == 0 and "United States" in result.output
    for line in result.output.splitlines():
        spellings = line.rsplit("(", 1)[-1].rstrip(")").split(", ")
        assert len(spellings) == len(set(spellings)), line
