"""Watches and alerts: raised once per story and growth, delivered to a file or a webhook on loopback,
each exactly once, across processes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from feed_server import Route, feed_server
from storyline.alerts import check_watches
from storyline.cli import main
from storyline.ingest.sources import read_sources
from storyline.pipeline import ingest
from storyline.settings import Settings
from storyline.stages.embed import make_embedder
from storyline.store import open_store

LAVROV = (
    " date 2025-10-22 Lavrov speaks\n"
    "Sergey Lavrov said on Wednesday that talks with Marco Rubio on the Budapest summit would go on ({n}).\n"
)


def _cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("STORYLINE_EMBEDDER", "hashing")
    monkeypatch.setenv("STORYLINE_DB", str(tmp_path / "alerts.db"))
    return CliRunner()


def _add_articles(runner: CliRunner, folder: Path, numbers: range) -> None:
    folder.mkdir(exist_ok=True)
    for n in numbers:
        (folder / f"lavrov-{n}.txt").write_text(LAVROV.format(n=n), encoding="utf-8")
    assert runner.invoke(main, ["ingest", str(folder)]).exit_code == 0


def test_watch_an_entity_alerts_a_new_story_once_and_again_when_it_grows(
    seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = _cli(tmp_path, monkeypatch)
    assert runner.invoke(main, ["ingest", str(seeds_dir)]).exit_code == 0
    alerts = tmp_path / "alerts.jsonl"
    added = runner.invoke(main, ["watch", "add", "lavrov", "--entity", "Лавров", "--to", str(alerts), "--grow", "2"])
    assert added.exit_code == 0 and "Sergey Lavrov" in added.output
    assert runner.invoke(main, ["watch", "check"]).exit_code == 0
    assert not alerts.exists()  # what was stored before the watch does not count

    _add_articles(runner, tmp_path / "new", range(1, 2))
    assert "1 raised, 1 sent" in runner.invoke(main, ["watch", "check"]).output
    assert "0 raised, 0 sent" in runner.invoke(main, ["watch", "check"]).output  # once
    (first,) = [json.loads(line) for line in alerts.read_text().splitlines()]
    assert first["kind"] == "new story" and first["watch"] == "lavrov" and first["alert_id"] == 1

    _add_articles(runner, tmp_path / "more", range(2, 4))  # two more outlets in the same story
    runner.invoke(main, ["watch", "check"])
    lines = [json.loads(line) for line in alerts.read_text().splitlines()]
    assert [line["kind"] for line in lines] == ["new story", "grew"]
    assert lines[1]["story_id"] == first["story_id"] and lines[1]["outlets"] >= first["outlets"] + 2

    listing = json.loads(runner.invoke(main, ["watch", "list", "--json"]).output)
    assert listing[0]["name"] == "lavrov" and listing[0]["alerts"] == 2 and listing[0]["pending"] == 0
    assert runner.invoke(main, ["watch", "add", "lavrov", "--query", "x", "--to", str(alerts)]).exit_code == 1
    assert runner.invoke(main, ["watch", "add", "nobody", "--entity", "Nobody Atall", "--to", "x"]).exit_code == 1
    assert runner.invoke(main, ["watch", "remove", "lavrov"]).exit_code == 0
    assert runner.invoke(main, ["watch", "list"]).output.startswith("no watches")


def test_watch_an_entity_waits_for_articles_whose_entities_are_still_to_be_linked(
    seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An article stored with its entities left to a linker of its own (`ingest --link-apart`) names the
    entity once linked: the watch raises its alert then, not never."""
    runner = _cli(tmp_path, monkeypatch)
    assert runner.invoke(main, ["ingest", str(seeds_dir)]).exit_code == 0
    alerts = tmp_path / "alerts.jsonl"
    assert runner.invoke(main, ["watch", "add", "lavrov", "--entity", "Лавров", "--to", str(alerts)]).exit_code == 0
    (tmp_path / "lavrov-1.txt").write_text(LAVROV.format(n=1), encoding="utf-8")
    settings = Settings(db=str(tmp_path / "alerts.db"), link_apart=True).with_embedder("hashing")
    with open_store(settings.db) as store:
        ingest(read_sources([str(tmp_path / "lavrov-1.txt")]), store, settings, make_embedder("hashing"))
    assert "0 raised" in runner.invoke(main, ["watch", "check"]).output
    assert runner.invoke(main, ["link"]).exit_code == 0
    assert "1 raised, 1 sent" in runner.invoke(main, ["watch", "check"]).output
    assert json.loads(alerts.read_text())["kind"] == "new story"


def test_watch_a_webhook_that_fails_gets_each_alert_once_when_it_recovers(
    seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = _cli(tmp_path, monkeypatch)
    assert runner.invoke(main, ["ingest", str(seeds_dir)]).exit_code == 0
    with feed_server() as server:
        server.routes["/hook"] = Route(status=503)
        hook = server.base + "/hook"
        assert runner.invoke(main, ["watch", "add", "summit", "--query", "Budapest", "--webhook", hook]).exit_code == 0
        _add_articles(runner, tmp_path / "new", range(1, 2))
        with open_store(str(tmp_path / "alerts.db")) as store:
            failing = check_watches(store, sleep=lambda _s: None)
            assert (failing.raised, failing.sent, failing.failed) == (1, 0, 1)
            assert server.hits["/hook"] == 3  # retried, then kept for later
        server.routes["/hook"] = Route(status=204)
        for _ in range(2):  # a later round, in a new process each time
            with open_store(str(tmp_path / "alerts.db")) as store:
                check_watches(store, sleep=lambda _s: None)
        (delivered,) = server.posts
        body = json.loads(delivered[1])
        assert body["watch"] == "summit" and body["kind"] == "new story" and body["alert_id"] == 1
