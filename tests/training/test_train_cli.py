"""`storyline train pairs`, then the tuned model in `eval pairs` and `ingest` (a few steps, small data)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from seed_pairs import seed_pair_file

from storyline.cli import main
from storyline.settings import load_settings

pytest.importorskip("torch", reason="training needs PyTorch (pip install 'storyline[train]')")


@pytest.mark.slow
def test_train_cli_writes_a_model_that_eval_and_ingest_run(
    seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("STORYLINE_EMBEDDER", raising=False)
    monkeypatch.delenv("STORYLINE_MODEL", raising=False)
    pairs = seed_pair_file(seeds_dir, tmp_path)
    model = tmp_path / "model"
    runner = CliRunner()
    trained = runner.invoke(
        main, ["train", "pairs", str(pairs), "--out", str(model), "--epochs", "1", "--layers", "1", "--json"]
    )
    assert trained.exit_code == 0, trained.output
    report = json.loads(trained.output)
    assert report["training"]["steps"] == 1 and report["model"] == str(model)
    info = json.loads((model / "model.json").read_text())
    assert set(info["grouping"]) == {"intercept", "weight_similarity", "weight_entities", "weight_cross_lingual"}
    assert info["data"]["pairs"] == 10

    # the fitted coefficients come with the model
    settings = load_settings(environ={"STORYLINE_MODEL": str(model)})
    assert settings.model == str(model) and settings.grouping.intercept == info["grouping"]["intercept"]

    evaluated = runner.invoke(main, ["eval", "pairs", str(pairs), "--model", str(model), "--json"])
    assert evaluated.exit_code == 0, evaluated.output
    figures = json.loads(evaluated.output)
    assert figures["pairs"] == 10 and {"event_precision", "event_recall"} <= set(figures)

    db = str(tmp_path / "tuned.db")
    assert runner.invoke(main, ["ingest", str(seeds_dir), "--db", db, "--model", str(model)]).exit_code == 0
    # vectors of the bundled model never join a store built with the tuned one
    extra = tmp_path / "extra.txt"
    extra.write_text("Floods in Valencia\nHeavy floods hit Valencia overnight, officials said.\n", encoding="utf-8")
    mixed = runner.invoke(main, ["ingest", str(extra), "--db", db])
    assert mixed.exit_code != 0 and "e5-small-tuned:" in mixed.output


def test_train_cli_model_and_another_embedder_are_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["ingest", str(tmp_path), "--embedder", "use-m3", "--model", str(tmp_path), "--db", str(tmp_path / "x.db")],
    )
    assert result.exit_code == 2 and "cannot run as --embedder use-m3" in result.output


def test_train_cli_a_folder_that_is_not_a_model_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["ingest", str(tmp_path), "--model", str(tmp_path), "--db", str(tmp_path / "x.db")]
    )
    assert result.exit_code == 2 and "not a tuned model folder" in result.output
